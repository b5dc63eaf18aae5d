/**
 * The customer messages of one ticket that Baton has not accepted yet: unanswered (see
 * `unansweredCustomerMessages`), under no stored event id, and newer than the newest message
 * Baton already saw on the ticket. Both a delivery that names no comment and the sweep ask
 * this, so a message is taken once whichever asks first. Times compared are all the
 * helpdesk's own (comment times), never the connector's clock against the helpdesk's.
 */
import { isBodyMessageEventId, sameText } from '../events/body-message.js';
import { commentEventId, type HelpdeskEvent, type MessageSnapshot, type Provider } from '../events/types.js';
import type { Store } from '../store/db.js';
import { ticketEvents } from '../store/events.js';
import { unansweredCustomerMessages } from './customer-messages.js';

export interface MissingQuery {
  tenantId: string;
  provider: Provider;
  accountId: string;
  ticketId: string;
  /** Messages older than this were never Baton's to answer. */
  sinceMs: number;
}

export async function missingCustomerMessages(store: Store, q: MissingQuery, messages: MessageSnapshot[], selfUserIds: ReadonlySet<string>): Promise<MessageSnapshot[]> {
  const candidates = unansweredCustomerMessages(messages, selfUserIds, q.sinceMs);
  if (candidates.length === 0) return [];
  const seen = await ticketEvents(store, q.tenantId, q.ticketId, Number.MAX_SAFE_INTEGER);
  const seenIds = new Set(seen.map((e) => e.eventId));
  // A stored event for a message at least as recent means Baton already saw the
  // conversation up to there (an event subscription's "created" names no comment id).
  const seenUpTo = Math.max(0, ...seen.map(messageTime));
  const fromBodies = commentsTakenFromBodies(messages, seen);
  return candidates.filter((m) => !fromBodies.has(m.id) && !seenIds.has(commentEventId(q.provider, q.accountId, q.ticketId, m.id)) && Date.parse(m.createdAt ?? '') > seenUpTo);
}

/** How far a rendered update time may be from its comment's own time (Zendesk may render minutes only). */
export const BODY_TIME_TOLERANCE_MS = 2 * 60_000;

/**
 * Messages accepted from a delivery's body carry no comment id (events/body-message.ts), and
 * their time is the update's as the trigger rendered it, which may be coarser than the
 * comment's. Each is matched to one comment of the conversation, answered or not: the one
 * with the same author and words nearest in time, so that words a customer repeats later
 * are not taken for the earlier message.
 */
function commentsTakenFromBodies(messages: MessageSnapshot[], seen: HelpdeskEvent[]): Set<string> {
  const taken = new Set<string>();
  for (const e of seen) {
    if (e.type !== 'ticket.customer_message' || !isBodyMessageEventId(e.eventId)) continue;
    const at = messageTime(e);
    const key = matchKey(e.message);
    let best: MessageSnapshot | undefined;
    for (const m of messages) {
      if (taken.has(m.id) || matchKey(m) !== key) continue;
      const gap = Math.abs(Date.parse(m.createdAt ?? '') - at);
      if (gap <= BODY_TIME_TOLERANCE_MS && (!best || gap < Math.abs(Date.parse(best.createdAt ?? '') - at))) best = m;
    }
    if (best) taken.add(best.id);
  }
  return taken;
}

export const matchKey = (m: Pick<MessageSnapshot, 'authorId' | 'body'>) => `${m.authorId}\u0000${sameText(m.body)}`;

function messageTime(e: HelpdeskEvent): number {
  if (e.type === 'ticket.changed' || e.type === 'ticket.signal') return 0;
  return Date.parse(e.message.createdAt ?? '') || 0;
}
