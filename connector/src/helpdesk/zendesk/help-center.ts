/**
 * Help Center search for answers a customer can open. Two Zendesk facts:
 * - Help Center locales are its own lower-case list (`en-us`, `de`, `pt-br`): the customer's
 *   locale is matched to an enabled one (exact, then the same language), else the search uses
 *   the Help Center's default. Locales: https://developer.zendesk.com/api-reference/help_center/help-center-api/locales/
 * - Search answers what the API user (an agent) may see, drafts and articles restricted to a
 *   user segment included; a customer would get "not found" or a sign-in page. Only published
 *   articles visible to everyone (`draft` false, no `user_segment_id`) are linked.
 *   Articles: https://developer.zendesk.com/api-reference/help_center/help-center-api/articles/
 */
import type { HelpArticle } from '../port.js';
import type { ZendeskGateway } from './gateway.js';
import type { ZdArticle } from './types.js';

const LOCALES_TTL_MS = 10 * 60_000;
const localesByAccount = new Map<string, { at: number; locales: string[] }>();

async function enabledLocales(gateway: ZendeskGateway): Promise<string[]> {
  const hit = localesByAccount.get(gateway.baseUrl);
  if (hit && Date.now() - hit.at < LOCALES_TTL_MS) return hit.locales;
  const { locales } = await gateway.helpCenterLocales();
  const lower = (locales ?? []).map((l) => l.toLowerCase());
  localesByAccount.set(gateway.baseUrl, { at: Date.now(), locales: lower });
  return lower;
}

/**
 * True when the Help Center has at most one enabled locale of the language: then the language
 * a webhook names picks the same locale as the requester's own (en-US and en-GB both go to the
 * one English locale), and reading the requester is a call for nothing. Unreadable locales
 * also make the read pointless: the search then uses the default locale whatever it is.
 */
export async function languageSuffices(gateway: ZendeskGateway, language: string): Promise<boolean> {
  const lang = language.toLowerCase().split('-')[0]!;
  try {
    return (await enabledLocales(gateway)).filter((l) => l.split('-')[0] === lang).length <= 1;
  } catch {
    return true;
  }
}

/** The enabled Help Center locale for a customer locale tag, or undefined (the default locale). */
export function matchLocale(enabled: string[], customer: string): string | undefined {
  const want = customer.toLowerCase();
  if (enabled.includes(want)) return want;
  const lang = want.split('-')[0]!;
  return enabled.find((l) => l === lang) ?? enabled.find((l) => l.split('-')[0] === lang);
}

export function visibleToCustomers(a: ZdArticle): boolean {
  return a.draft !== true && (a.user_segment_id === null || a.user_segment_id === undefined) && (a.user_segment_ids ?? []).length === 0;
}

export async function searchCustomerArticles(gateway: ZendeskGateway, query: string, customerLocale?: string): Promise<HelpArticle[]> {
  let locale: string | undefined;
  if (customerLocale) {
    try {
      locale = matchLocale(await enabledLocales(gateway), customerLocale);
    } catch {
      // Locales unreadable (Help Center off, no permission): search the default locale.
    }
  }
  const results = await gateway.searchArticles(query, locale);
  return results.filter(visibleToCustomers).map((a) => ({ title: a.title, body: a.body, url: a.html_url, snippet: a.snippet }));
}
