/**
 * Baton's own API updates must not come back as work (a webhook loop). Triggers already
 * exclude API updates (`current_via_id is_not 5`); this is the second line of defence for
 * triggers an admin wrote by hand. It rests on who made the update, never on the channel:
 * a trigger's `{{ticket.via}}` is the channel the ticket was created through, not the
 * update's, so "via API" says nothing about this update. An update made by Baton's own API
 * user (`{{current_user.id}}`, an event's `actor_id`), or a comment written by that user,
 * is Baton's own.
 */
import type { HelpdeskEvent } from '../events/types.js';

export function isOwnUpdate(event: HelpdeskEvent, selfUserIds: ReadonlySet<string>): boolean {
  if (event.actor.id !== null && selfUserIds.has(event.actor.id)) return true;
  if ((event.type === 'ticket.customer_message' || event.type === 'ticket.agent_message') && selfUserIds.has(event.message.authorId)) return true;
  return false;
}
