/**
 * The customer messages of one ticket that Baton has not accepted yet: unanswered (see
 * `unansweredCustomerMessages`), under no stored event id, and newer than the newest message
 * Baton already saw on the ticket. Both a delivery that names no comment and the sweep ask
 * this, so a message is taken once whichever asks first. Times compared are all the
 * helpdesk's own (comment times), never the connector's clock against the helpdesk's.
 */
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
  return candidates.filter((m) => !seenIds.has(commentEventId(q.provider, q.accountId, q.ticketId, m.id)) && Date.parse(m.createdAt ?? '') > seenUpTo);
}

function messageTime(e: HelpdeskEvent): number {
  if (e.type === 'ticket.changed' || e.type === 'ticket.signal') return 0;
  return Date.parse(e.message.createdAt ?? '') || 0;
}
