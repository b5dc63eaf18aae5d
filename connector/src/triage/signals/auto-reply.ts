/**
 * Auto-replies (out-of-office, "this is an automated message") answering the ticket.
 * Baton ignores them when the policy says so and the intent model agrees the message
 * is not a request; the wording alone is not enough ("I'm out of office next week, can you
 * reset my password before?" must still be served).
 */
import type { Policy } from '../policy/schema.js';
import { tokenize, type Token } from '../text/tokens.js';
import { firstPhrase, type PhraseHit } from './phrase-list.js';

export function findAutoReply(policy: Policy, tokens: Token[], subject: string): PhraseHit | null {
  return firstPhrase(policy.ignore.phrases, tokens) ?? firstPhrase(policy.ignore.phrases, tokenize(subject));
}
