/**
 * Per ticket, the facts every admin metric is computed from, derived from what the store
 * already records: attempts (Baton's decisions, live or shadow) and webhook events (customer
 * messages, with the time they arrived).
 *
 * A ticket's path: handed off if any live decision handed it to a person; automated if Baton
 * only answered it; shadow if every decision was recorded in shadow mode; ignored otherwise
 * (auto-replies, rollout off). Its intent is that of its first live decision (what the ticket
 * came in about), its team that of the last handoff.
 *
 * Reopen: a customer message arriving after an automated answer (which set the ticket to
 * pending or solved) and within 7 days of it; a closing "thanks, that fixed it" is none
 * (load-facts leaves those messages out). An automated resolution is durable once 7
 * days have passed since the last automated answer without a reopen.
 */
import { DAY } from '../time.js';

export const REOPEN_WINDOW_MS = 7 * DAY;

export type TicketPath = 'automated' | 'handoff' | 'shadow' | 'ignored';

export interface AttemptFact {
  tenant_id: string;
  ticket_id: string;
  id: number;
  created_at: number;
  written_at: number | null;
  action: string;
  intent: string;
  team: string | null;
  mode: string;
}

export interface TicketFacts {
  tenantId: string;
  ticketId: string;
  /** First decision on the ticket. */
  firstAt: number;
  /** First customer message Baton received on it (its first decision when none is stored). */
  firstMessageAt: number;
  intent: string;
  team: string | null;
  path: TicketPath;
  /** Live automated answers, when the helpdesk accepted them, ascending. */
  answers: number[];
  handedOffAt: number | null;
  /** The first customer message within 7 days after an automated answer. */
  reopenedAt: number | null;
}

export type Durability = 'durable' | 'provisional' | 'reopened' | 'not_automated';

export const ticketKey = (tenantId: string, ticketId: string): string => `${tenantId}\u0000${ticketId}`;

export function factsOf(attempts: AttemptFact[], customerMessages: number[]): TicketFacts {
  const sorted = [...attempts].sort((a, b) => a.created_at - b.created_at || a.id - b.id);
  const first = sorted[0]!;
  const live = sorted.filter((a) => a.mode === 'live');
  const handoffs = live.filter((a) => a.action === 'handoff');
  const answers = live.filter((a) => a.action === 'automate').map((a) => a.written_at ?? a.created_at);
  const path: TicketPath = handoffs.length ? 'handoff' : answers.length ? 'automated' : sorted.some((a) => a.mode === 'shadow') ? 'shadow' : 'ignored';
  const messages = [...customerMessages].sort((a, b) => a - b);
  let reopenedAt: number | null = null;
  for (const m of messages) {
    if (answers.some((a) => m > a && m - a <= REOPEN_WINDOW_MS)) {
      reopenedAt = m;
      break;
    }
  }
  return {
    tenantId: first.tenant_id,
    ticketId: first.ticket_id,
    firstAt: first.created_at,
    firstMessageAt: Math.min(first.created_at, messages[0] ?? Infinity),
    intent: (live[0] ?? first).intent,
    team: handoffs.length ? handoffs[handoffs.length - 1]!.team : null,
    path,
    answers,
    handedOffAt: handoffs.length ? handoffs[0]!.written_at ?? handoffs[0]!.created_at : null,
    reopenedAt,
  };
}

/** Where an automated ticket stands at `asOf`. */
export function durability(f: TicketFacts, asOf: number): Durability {
  if (f.path !== 'automated') return f.reopenedAt !== null ? 'reopened' : 'not_automated';
  if (f.reopenedAt !== null) return 'reopened';
  const last = f.answers[f.answers.length - 1]!;
  return asOf - last >= REOPEN_WINDOW_MS ? 'durable' : 'provisional';
}
