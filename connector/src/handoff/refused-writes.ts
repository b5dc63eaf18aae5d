/**
 * Writes a real helpdesk account refuses, and how Baton still lands the rest. An assignment
 * can be refused (the agent became a light agent, was suspended, left the group); solving can
 * be refused (fields the account requires to solve are empty). Neither may turn a handoff or
 * an answer into a dead letter: the ticket goes to the group unassigned, or stays open with
 * the answer posted, and the reason is on the ticket for the agent who picks it up.
 */
import { isBatonError } from '../errors.js';
import type { TicketChange } from '../helpdesk/port.js';
import type { TicketTags } from '../ticket-tags.js';

export interface Refusal {
  kind: 'assignment' | 'solve';
  /** The helpdesk's words, for the note. */
  detail: string;
}

export const REFUSAL_REASON: Record<Refusal['kind'], string> = { assignment: 'assignment_refused', solve: 'solve_refused' };

/** What of `change` the helpdesk refused, or null when the error is not such a refusal. */
export function refusalOf(err: unknown, change: TicketChange): Refusal | null {
  if (!isBatonError(err, 'HELPDESK_REFUSED')) return null;
  const fields = Array.isArray(err.details?.fields) ? (err.details.fields as string[]) : [];
  const reasons = Array.isArray(err.details?.reasons) ? (err.details.reasons as string[]) : [];
  const detail = reasons.join('; ') || err.message;
  // An unexplained refusal of a change that assigns is taken as the assignment's: dropping it is harmless.
  if (change.assigneeId !== undefined && (fields.length === 0 || fields.includes('assignee'))) return { kind: 'assignment', detail };
  if (change.status === 'solved' && !fields.includes('assignee')) return { kind: 'solve', detail };
  return null;
}

/** The change without what was refused: no assignee (the group's queue), or open instead of solved. */
export function withoutRefused(change: TicketChange, refusal: Refusal, tags: TicketTags): TicketChange {
  const reasonTag = tags.reason(REFUSAL_REASON[refusal.kind]);
  const withReason = { add: [...(change.tags?.add ?? []), reasonTag], remove: change.tags?.remove ?? [] };
  if (refusal.kind === 'assignment') {
    const { assigneeId: _refused, ...rest } = change;
    const line = `Assignment refused by the helpdesk (${refusal.detail}); the ticket waits in the group's queue.`;
    return { ...rest, internalNote: change.internalNote ? `${change.internalNote}\n\n${line}` : line, tags: withReason };
  }
  return { ...change, status: 'open', tags: withReason };
}

/** The note left after an answered ticket could not be solved (written after the answer, so it never holds it up). */
export function solveRefusedNote(refusal: Refusal): string {
  return `Baton answered this ticket but could not solve it: the helpdesk requires more before solving (${refusal.detail}). Please fill in the required fields and solve it.`;
}
