/**
 * One comment, two deliveries. An account may send Baton both a trigger webhook (whose body
 * carries the comment whole, keyed by its update: events/body-message.ts) and an
 * event-subscription webhook (keyed by the comment's id). Intake cannot tell at once that the
 * two keys name the same comment, and the two arrive within milliseconds of each other, so the
 * check happens here: a ticket's jobs run one at a time (jobs/job-keys.ts), and whichever of
 * the twins runs second finds the first one's attempt and stays silent, rather than answering
 * the customer twice.
 */
import { isBodyMessageEventId } from '../events/body-message.js';
import type { CustomerMessageEvent } from '../events/types.js';
import { BODY_TIME_TOLERANCE_MS, matchKey } from '../catch-up/missing-messages.js';
import type { Store } from '../store/db.js';
import { latestTicketEvents } from '../store/events.js';
import { findAttemptByEvent } from '../store/tickets.js';

/** The id of the twin delivery already answered, if any. */
export async function twinAlreadyTaken(store: Store, tenantId: string, event: CustomerMessageEvent): Promise<string | undefined> {
  const fromBody = isBodyMessageEventId(event.eventId);
  const key = matchKey(event.message);
  const at = Date.parse(event.message.createdAt ?? '');
  for (const other of await latestTicketEvents(store, tenantId, event.ticket.id)) {
    if (other.type !== 'ticket.customer_message' || other.eventId === event.eventId) continue;
    // Twins are keyed differently: two body-keyed (or two id-keyed) events are two comments.
    if (isBodyMessageEventId(other.eventId) === fromBody || matchKey(other.message) !== key) continue;
    const gap = Math.abs(Date.parse(other.message.createdAt ?? '') - at);
    if (!(gap <= BODY_TIME_TOLERANCE_MS)) continue;
    if (await findAttemptByEvent(store, other.eventId)) return other.eventId;
  }
  return undefined;
}
