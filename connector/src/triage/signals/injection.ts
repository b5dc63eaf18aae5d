/**
 * Prompt-injection containment: a message that tries to instruct the AI ("ignore previous
 * instructions", "reveal your system prompt", "you are now ...", "act as admin") is handed
 * to a human with that reason and never automated, whatever else the signals say.
 * The patterns live in the policy (injection.patterns) so they can be extended without code.
 */
import type { Policy } from '../policy/schema.js';
import type { Token } from '../text/tokens.js';
import { firstPhrase, type PhraseHit } from './phrase-list.js';

export function findInjection(policy: Policy, tokens: Token[]): PhraseHit | null {
  return firstPhrase(policy.injection.patterns, tokens);
}
