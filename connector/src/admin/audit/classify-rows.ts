/**
 * Classify audit rows with the local engine, through the same `classifyLines` path as
 * `baton classify`, so the audit predicts exactly what the connector would decide.
 *
 * The audit asks "what could Baton automate?", not "what does today's rollout allow", so it
 * decides under the policy with every intent and segment live. A row the engine refuses
 * becomes a problem like an unreadable row.
 */
import { classifyLines, createLocalTriage, type IntentModel, type Policy, type Reason } from '../../triage/index.js';
import type { AuditRow, RowProblem } from './rows.js';

export interface AuditDecision {
  intent: string;
  confidence: number;
  action: 'automate' | 'handoff' | 'ignore';
  team: string | null;
  priority: string;
  sentiment: number;
  language: string;
  reasons: Reason[];
}

export interface ClassifiedRow extends AuditRow {
  decision: AuditDecision;
}

export function allLive(policy: Policy): Policy {
  return { ...policy, rollout: { default: 'live', intents: {}, segments: [] } };
}

export async function classifyRows(
  rows: AuditRow[],
  policy: Policy,
  opts: { model?: IntentModel; now?: Date; onProgress?: (done: number) => void } = {},
): Promise<{ classified: ClassifiedRow[]; problems: RowProblem[] }> {
  const triage = createLocalTriage(allLive(policy), opts.model ? { model: opts.model } : {});
  // One JSON line per row; its `id` is the row index so results map back even with duplicate ticket ids.
  const lines = rows.map((r, i) =>
    JSON.stringify({
      id: i,
      subject: r.subject,
      text: r.text,
      // Time rules ("outside business hours") read when the ticket came in, not when the audit runs.
      ...(r.createdAt !== null ? { created_at: new Date(r.createdAt).toISOString() } : {}),
      channel: r.channel,
      ...(r.requester ? { requester: { ...r.requester, organization: r.requester.organization } } : {}),
    }),
  );
  const classified: ClassifiedRow[] = [];
  const problems: RowProblem[] = [];
  let done = 0;
  await classifyLines(
    lines,
    triage,
    (jsonLine) => {
      const out = JSON.parse(jsonLine) as Record<string, unknown>;
      const row = rows[out.id !== undefined ? Number(out.id) : Number(out.line) - 1]!;
      if (typeof out.error === 'string') {
        problems.push({ row: row.row, id: row.id, problem: out.error.replace(/^line \d+: /, '') });
      } else {
        const s = out.sentiment as { score: number };
        classified.push({
          ...row,
          decision: {
            intent: String(out.intent),
            confidence: Number(out.confidence),
            action: out.action as AuditDecision['action'],
            team: (out.team as string | null) ?? null,
            priority: String(out.priority),
            sentiment: s.score,
            language: String(out.language),
            reasons: out.reasons as Reason[],
          },
        });
      }
      opts.onProgress?.(++done);
    },
    { tenantId: 'audit', now: opts.now },
  );
  return { classified, problems };
}
