/** The audit's findings as data; the renderers (HTML, Markdown, CSV) only lay them out. */
import type { Policy } from '../../triage/index.js';
import { DAY } from '../time.js';
import { BUCKET_LABELS, BUCKETS, bucketOf, type Bucket } from './buckets.js';
import { automationCandidates, rolloutOrder, type Candidate, type RolloutStep, type SavingsAssumptions } from './candidates.js';
import type { ClassifiedRow } from './classify-rows.js';
import { characteristicPhrases, type IntentPhrase } from './phrases.js';
import type { RowProblem } from './rows.js';

export interface AuditTicket {
  row: number;
  id: string;
  subject: string;
  createdAt: string | null;
  intent: string;
  confidence: number;
  action: string;
  bucket: Bucket;
  team: string | null;
  reasons: string[];
}

export interface AuditReport {
  generatedAt: string;
  /** `file`, or the helpdesk read (`zendesk`, ...). */
  source: { kind: string; name: string; format: string };
  period: { from: string | null; to: string | null; days: number; measured: boolean };
  assumptions: SavingsAssumptions & { notes: string[] };
  totals: { read: number; classified: number; problems: number };
  buckets: { bucket: Bucket; label: string; tickets: number; share: number }[];
  intents: { intent: string; tickets: number; share: number; full: number; partial: number; human: number; meanConfidence: number }[];
  phrases: { intent: string; phrases: IntentPhrase[] }[];
  candidates: Candidate[];
  rollout: RolloutStep[];
  savings: { ticketsPerWeek: number; agentHoursPerWeek: number };
  problems: RowProblem[];
  tickets: AuditTicket[];
}

export interface BuildReportInput {
  policy: Policy;
  classified: ClassifiedRow[];
  problems: RowProblem[];
  source: AuditReport['source'];
  minutesPerTicket: number;
  /** Overrides the period measured from the tickets' creation times. */
  periodDays?: number;
  now?: Date;
}

/** Days the tickets span (at least one); null when no row has a time. */
function measuredPeriod(rows: ClassifiedRow[]): { from: number; to: number; days: number } | null {
  const times = rows.map((r) => r.createdAt).filter((t): t is number => t !== null);
  if (times.length === 0) return null;
  const from = Math.min(...times);
  const to = Math.max(...times);
  return { from, to, days: Math.max(1, Math.ceil((to - from) / DAY)) };
}

const share = (n: number, total: number) => (total === 0 ? 0 : n / total);
const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : 0);

export function buildAuditReport(input: BuildReportInput): AuditReport {
  const { policy, classified } = input;
  const tickets: AuditTicket[] = classified.map((r) => ({
    row: r.row,
    id: r.id,
    subject: r.subject,
    createdAt: r.createdAt === null ? null : new Date(r.createdAt).toISOString(),
    intent: r.decision.intent,
    confidence: r.decision.confidence,
    action: r.decision.action,
    bucket: bucketOf(policy, r.decision),
    team: r.decision.team,
    reasons: r.decision.reasons.map((x) => x.code),
  }));
  const n = tickets.length;
  const measured = measuredPeriod(classified);
  const periodDays = input.periodDays ?? measured?.days ?? 7;
  const notes = [
    `${input.minutesPerTicket} agent minutes per ticket Baton answers alone (reading, replying, closing); partially automatable tickets are not counted as saved.`,
    input.periodDays !== undefined
      ? `the tickets are taken to cover ${periodDays} day(s), as given.`
      : measured
        ? `the tickets cover ${periodDays} day(s) by their creation times, and each week is assumed to look like this period.`
        : `the tickets have no creation times; they are assumed to cover ${periodDays} days.`,
    'decisions use the policy with every intent and segment live, i.e. what Baton could do, not what the current rollout allows.',
  ];

  const byIntent = new Map<string, AuditTicket[]>();
  for (const t of tickets) byIntent.set(t.intent, [...(byIntent.get(t.intent) ?? []), t]);
  const intents = [...byIntent]
    .map(([intent, list]) => ({
      intent,
      tickets: list.length,
      share: share(list.length, n),
      full: list.filter((t) => t.bucket === 'full').length,
      partial: list.filter((t) => t.bucket === 'partial').length,
      human: list.filter((t) => t.bucket === 'human').length,
      meanConfidence: mean(list.map((t) => t.confidence)),
    }))
    .sort((a, b) => b.tickets - a.tickets || a.intent.localeCompare(b.intent));

  const phraseMap = characteristicPhrases(classified.map((r) => ({ id: r.id, intent: r.decision.intent, subject: r.subject, text: r.text })));
  const candidates = automationCandidates(policy, classified, { minutesPerTicket: input.minutesPerTicket, periodDays });
  return {
    generatedAt: (input.now ?? new Date()).toISOString(),
    source: input.source,
    period: {
      from: measured ? new Date(measured.from).toISOString() : null,
      to: measured ? new Date(measured.to).toISOString() : null,
      days: periodDays,
      measured: input.periodDays === undefined && measured !== null,
    },
    assumptions: { minutesPerTicket: input.minutesPerTicket, periodDays, notes },
    totals: { read: n + input.problems.length, classified: n, problems: input.problems.length },
    buckets: BUCKETS.map((b) => {
      const count = tickets.filter((t) => t.bucket === b).length;
      return { bucket: b, label: BUCKET_LABELS[b], tickets: count, share: share(count, n) };
    }),
    intents,
    phrases: intents.map((i) => ({ intent: i.intent, phrases: phraseMap.get(i.intent) ?? [] })),
    candidates,
    rollout: rolloutOrder(candidates),
    savings: {
      ticketsPerWeek: Math.round(candidates.reduce((s, c) => s + c.ticketsPerWeek, 0) * 10) / 10,
      agentHoursPerWeek: Math.round(candidates.reduce((s, c) => s + c.agentHoursPerWeek, 0) * 10) / 10,
    },
    problems: [...input.problems].sort((a, b) => a.row - b.row),
    tickets,
  };
}
