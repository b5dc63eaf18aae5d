/**
 * Whether a delivery's message must be read through the API before it can be accepted: it
 * names no comment and its body does not carry the comment whole (no key), or it carries the
 * same words from the same author as a message already stored on the ticket. The second is
 * what a trigger firing on a later update looks like (the latest comment is then an old one),
 * and also a customer writing the same words twice; the read tells the two apart by comment id.
 */
import { isBodyMessageEventId, sameText } from '../events/body-message.js';
import type { HelpdeskEvent } from '../events/types.js';
import { tenantIdFor } from '../jobs/accept-event.js';
import type { Store } from '../store/db.js';
import { ticketEvents } from '../store/events.js';

export async function needsCommentRead(store: Store, event: HelpdeskEvent): Promise<boolean> {
  if (event.type !== 'ticket.customer_message' && event.type !== 'ticket.agent_message') return false;
  if (event.message.id) return false;
  if (!isBodyMessageEventId(event.eventId)) return true;
  const text = sameText(event.message.body);
  const earlier = await ticketEvents(store, tenantIdFor(event), event.ticket.id, Number.MAX_SAFE_INTEGER);
  return earlier.some((e) => e.eventId !== event.eventId && e.type === event.type && e.message.authorId === event.message.authorId && sameText(e.message.body) === text);
}
