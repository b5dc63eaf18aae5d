/**
 * Baton's own API updates must not come back as work (a webhook loop). Triggers already
 * exclude API updates (`current_via_id is_not 5`); this is the second line of defence for
 * triggers an admin wrote by hand: an update through the API by Baton's own API user, or
 * a comment authored by that user (comments made through the API are), is ignored.
 */
import type { HelpdeskEvent } from '../events/types.js';

export function isOwnUpdate(event: HelpdeskEvent, selfUserIds: ReadonlySet<string>): boolean {
  const viaApi = event.actor.via === 'web_service' || event.actor.via === 'api';
  if (viaApi && event.actor.id !== null && selfUserIds.has(event.actor.id)) return true;
  if (event.type !== 'ticket.changed' && selfUserIds.has(event.message.authorId)) return true;
  return false;
}
