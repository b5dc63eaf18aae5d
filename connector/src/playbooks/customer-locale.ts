/**
 * The customer's locale for Help Center search. A webhook may carry a language *name*
 * (Zendesk's `{{ticket.requester.language}}` renders "German"); the requester's `locale`
 * is then read through the helpdesk API, and the name is only mapped when that read fails.
 */
import type { HelpdeskPort } from '../helpdesk/port.js';
import { isLocaleTag, localeTag } from '../locale.js';

export async function customerLocale(given: string | undefined, requesterId: string | undefined, helpdesk: Pick<HelpdeskPort, 'getUser'>): Promise<string | undefined> {
  if (isLocaleTag(given)) return localeTag(given);
  if (requesterId) {
    try {
      const fromApi = localeTag((await helpdesk.getUser(requesterId)).locale);
      if (fromApi) return fromApi;
    } catch {
      // The requester could not be read: the name will do.
    }
  }
  return localeTag(given);
}
