/**
 * The customer's locale for Help Center search. A webhook may carry a language *name*
 * (Zendesk's `{{ticket.requester.language}}` renders "German"); the name is enough when the
 * Help Center has one locale of that language, else the requester's `locale` is read through
 * the helpdesk API, and the name is only mapped when that read fails.
 */
import type { HelpdeskPort } from '../helpdesk/port.js';
import { isLocaleTag, localeTag } from '../locale.js';

export async function customerLocale(given: string | undefined, requesterId: string | undefined, helpdesk: Pick<HelpdeskPort, 'getUser' | 'languageSuffices'>): Promise<string | undefined> {
  if (isLocaleTag(given)) return localeTag(given);
  const named = localeTag(given);
  if (named && helpdesk.languageSuffices && (await helpdesk.languageSuffices(named))) return named;
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
