/**
 * A customer message a delivery carries whole (text, author, public flag) but without the
 * helpdesk's comment id. Reading the comment through the API only to learn its id costs one
 * call per message, and on Zendesk's top plan (2,500 calls a minute) that call alone decides
 * how many messages a minute Baton can answer; so such a message is keyed by the update that
 * added it instead: the ticket's update time and a digest of its author and text.
 *
 * - A redelivery of the same body has the same key (the invocation id may differ).
 * - One update adds at most one comment; two updates in one second on one ticket differ in
 *   their text (or are the same words twice in a second, answered once).
 * - The message's time is the update's time, and the catch-up sweep and a read-through
 *   delivery match a comment they read to such a message by author and text
 *   (catch-up/missing-messages.ts), so the same comment is not taken again under its id.
 */
import crypto from 'node:crypto';
import type { Provider } from './types.js';

/** Null when the update time does not parse: then there is no key, and the comment is read. */
export function bodyMessageEventId(provider: Provider, accountId: string, ticketId: string, updatedAt: string, authorId: string, text: string): string | null {
  const at = Date.parse(updatedAt);
  if (!Number.isFinite(at)) return null;
  const digest = crypto.createHash('sha256').update(`${authorId}\u0000${sameText(text)}`).digest('base64url').slice(0, 16);
  return `${provider}:${accountId}:${ticketId}:m${at}-${digest}`;
}

export function isBodyMessageEventId(eventId: string): boolean {
  return /:m\d+-[\w-]{16}$/.test(eventId);
}

/**
 * The text as compared with the same comment read through the API: a rendered placeholder
 * and the API's body may differ in line breaks and spacing, not in words.
 */
export function sameText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
