/**
 * The admin figures for a set of tickets: handoff and durable automation rates, reopens,
 * CSAT by path, and response / resolution times for automated and human-handled tickets.
 * Pure functions over the facts, so the analytics page, Prometheus and `baton report` agree.
 */
import type { SatisfactionRatingsTable, TicketOutcomesTable } from '../store/tables.js';
import { MINUTE, median, rate } from '../time.js';
import { durability, ticketKey, type TicketFacts } from './ticket-facts.js';

export type CsatPath = 'automated' | 'handoff' | 'humanOnly';

export interface CsatSplit {
  good: number;
  bad: number;
  /** good / (good + bad); null without ratings. */
  score: number | null;
}

export interface Timing {
  tickets: number;
  medianMinutes: number | null;
}

export interface Figures {
  /** Tickets Baton decided live: automated + handed off. */
  tickets: number;
  automated: number;
  /** Automated, no reopen, last answer at least 7 days old. */
  durable: number;
  /** Automated, no reopen yet, last answer less than 7 days old. */
  provisional: number;
  /** Tickets with an automated answer the customer came back on within 7 days (some then handed off). */
  reopened: number;
  handedOff: number;
  shadowOnly: number;
  ignored: number;
  handoffRate: number | null;
  /** durable / tickets: the automation rate that counts. */
  automationRate: number | null;
  /** (durable + provisional) / tickets: what it becomes if no provisional ticket is reopened. */
  automationRateIncludingProvisional: number | null;
  /** reopened / tickets that got an automated answer. */
  reopenRate: number | null;
  csat: Record<CsatPath, CsatSplit>;
  firstResponse: { automated: Timing; human: Timing };
  resolution: { automated: Timing; human: Timing };
}

export interface FigureInputs {
  tickets: TicketFacts[];
  ratings: SatisfactionRatingsTable[];
  factsByKey: Map<string, TicketFacts>;
  outcomesByKey: Map<string, TicketOutcomesTable>;
  asOf: number;
}

export function csatPathOf(f: TicketFacts | undefined): CsatPath {
  return f?.path === 'automated' ? 'automated' : f?.path === 'handoff' ? 'handoff' : 'humanOnly';
}

function csat(ratings: SatisfactionRatingsTable[], factsByKey: Map<string, TicketFacts>): Record<CsatPath, CsatSplit> {
  const out: Record<CsatPath, CsatSplit> = { automated: split(0, 0), handoff: split(0, 0), humanOnly: split(0, 0) };
  for (const r of ratings) {
    if (r.score !== 'good' && r.score !== 'bad') continue; // offered / unoffered: no answer yet
    const p = csatPathOf(factsByKey.get(ticketKey(r.tenant_id, r.ticket_id)));
    out[p] = r.score === 'good' ? split(out[p].good + 1, out[p].bad) : split(out[p].good, out[p].bad + 1);
  }
  return out;
}

const split = (good: number, bad: number): CsatSplit => ({ good, bad, score: rate(good, good + bad) });

function timing(durations: number[]): Timing {
  const m = median(durations.filter((d) => d >= 0));
  return { tickets: durations.length, medianMinutes: m === null ? null : Math.round((m / MINUTE) * 100) / 100 };
}

export function computeFigures(input: FigureInputs): Figures {
  const { tickets, asOf } = input;
  const by = (p: TicketFacts['path']) => tickets.filter((t) => t.path === p);
  const automated = by('automated');
  const handedOff = by('handoff');
  const states = automated.map((t) => durability(t, asOf));
  const durable = states.filter((s) => s === 'durable').length;
  const provisional = states.filter((s) => s === 'provisional').length;
  const answered = tickets.filter((t) => t.answers.length > 0);
  const reopened = answered.filter((t) => t.reopenedAt !== null).length;
  const decided = automated.length + handedOff.length;

  const stuck = automated.filter((t) => durability(t, asOf) !== 'reopened');
  const humanHandled = [...handedOff, ...by('shadow')];
  const outcome = (t: TicketFacts) => input.outcomesByKey.get(ticketKey(t.tenantId, t.ticketId));
  const humanFirst: number[] = [];
  const humanSolved: number[] = [];
  for (const t of humanHandled) {
    const o = outcome(t);
    if (o?.first_human_reply_at != null) humanFirst.push(Number(o.first_human_reply_at) - t.firstMessageAt);
    if (o?.solved_at != null) humanSolved.push(Number(o.solved_at) - t.firstMessageAt);
  }
  // Rated tickets Baton never decided: people handled them alone; time from the helpdesk's creation.
  for (const r of input.ratings) {
    const k = ticketKey(r.tenant_id, r.ticket_id);
    const o = input.outcomesByKey.get(k);
    if (input.factsByKey.has(k) || !o) continue;
    if (o.first_human_reply_at != null) humanFirst.push(Number(o.first_human_reply_at) - Number(o.created_at));
    if (o.solved_at != null) humanSolved.push(Number(o.solved_at) - Number(o.created_at));
  }

  return {
    tickets: decided,
    automated: automated.length,
    durable,
    provisional,
    reopened,
    handedOff: handedOff.length,
    shadowOnly: by('shadow').length,
    ignored: by('ignored').length,
    handoffRate: rate(handedOff.length, decided),
    automationRate: rate(durable, decided),
    automationRateIncludingProvisional: rate(durable + provisional, decided),
    reopenRate: rate(reopened, answered.length),
    csat: csat(input.ratings, input.factsByKey),
    firstResponse: {
      automated: timing(automated.map((t) => t.answers[0]! - t.firstMessageAt)),
      human: timing(humanFirst),
    },
    resolution: {
      automated: timing(stuck.map((t) => t.answers[t.answers.length - 1]! - t.firstMessageAt)),
      human: timing(humanSolved),
    },
  };
}
