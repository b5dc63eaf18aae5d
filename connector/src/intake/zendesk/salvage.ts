/**
 * What can still be read from a signed Zendesk delivery whose body is not valid JSON or not
 * of the expected shape. Zendesk does not document whether it JSON-escapes placeholder
 * values in a webhook body (the placeholder reference only says webhooks get "unformatted
 * text"): a customer's quote or line break may arrive raw, and then the body does not parse.
 * The signature proves Zendesk sent it, so the ticket id, the account and the updater are
 * recovered from the raw text, and the comment is read through the API.
 */
import type { SalvagedDelivery } from '../adapter.js';
import { subdomainOf } from './normalize.js';

/** The first `"key"` after `"section": {`, when its value is an id (digits), read from raw text. */
function fieldIn(raw: string, section: string, key: string): string | null {
  const at = raw.search(new RegExp(`"${section}"\\s*:\\s*\\{`));
  if (at < 0) return null;
  const value = new RegExp(`"${key}"\\s*:\\s*"?([^",}]*)`).exec(raw.slice(at))?.[1]?.trim();
  return value && /^\d{1,20}$/.test(value) ? value : null;
}

export function salvageZendeskDelivery(raw: string, accountHeader: string | undefined): Omit<SalvagedDelivery, 'returnRequest'> {
  // Our template puts the ticket's fields before any customer text, so its id is read before
  // anything a customer wrote could imitate it. An event subscription names it `detail`.
  const ticketId = fieldIn(raw, 'ticket', 'id') ?? fieldIn(raw, 'detail', 'id');
  const url = /"url"\s*:\s*"([^"]*zendesk\.com[^"]*)"/.exec(raw)?.[1];
  const account = /"account"\s*:\s*"([^"\\]*)"/.exec(raw)?.[1];
  return {
    ticketId,
    accountId: subdomainOf(url) ?? (account || accountHeader || 'default'),
    actorId: fieldIn(raw, 'current_user', 'id'),
    event: /"event"\s*:\s*"(ticket\.[a-z_]+)"/.exec(raw)?.[1] ?? null,
  };
}
