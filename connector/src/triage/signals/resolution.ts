/**
 * "Thanks, that fixed it" after an AI answer: the customer closing the loop, not a new
 * request. Read only as a whole short message, so a confirmation with a question or a
 * new problem attached ("that worked, but now ...") is still triaged as a request.
 *
 * - confirmed: the customer says the answer worked (a policy phrase such as "that fixed it").
 * - thanks: the message is nothing but thanks and pleasantries ("ok thank you!").
 *
 * Whether it counts also depends on the conversation (Baton must have answered last);
 * apply-policy decides that.
 */
import type { Policy } from '../policy/schema.js';
import type { Token } from '../text/tokens.js';
import { firstPhrase } from './phrase-list.js';

export interface ResolutionReading {
  kind: 'confirmed' | 'thanks';
  /** The customer's words that matched. */
  matched: string;
}

/** Words that turn a confirmation into doubt or a new request. */
const DOUBT = new Set(['not', 'no', 'never', 'but', 'however', 'though', 'although', 'except', 'still', 'yet', 'unless', 'if', 'why', 'how', 'what', 'when', 'where', 'which', 'again', 'another', 'also']);

/** A message made only of these is plain thanks. */
const PLEASANTRIES = new Set([
  'thanks', 'thank', 'thanx', 'thx', 'ty', 'tysm', 'cheers', 'ta', 'you', 'u', 'so', 'very', 'much', 'a', 'lot', 'lots', 'many', 'again',
  'ok', 'okay', 'k', 'kk', 'great', 'perfect', 'awesome', 'brilliant', 'lovely', 'nice', 'cool', 'super', 'excellent', 'wonderful', 'fantastic', 'amazing',
  'appreciate', 'appreciated', 'it', 'that', 'this', 'is', 'the', 'for', 'your', 'help', 'quick', 'reply', 'response', 'answer', 'all',
  'got', 'have', 'good', 'day', 'night', 'weekend', 'kind', 'regards', 'best', 'many', 'hi', 'hello', 'oh', 'ah', 'wow', 'yes', 'yep', 'yeah',
  'i', 'we', 'really', 'truly', 'guys', 'team', 'folks', 'mate', 'again',
]);

export function readResolution(cfg: Policy['resolution'], clean: string, tokens: Token[]): ResolutionReading | null {
  if (!cfg.enabled || tokens.length === 0 || tokens.length > cfg.max_words) return null;
  if (clean.includes('?')) return null;
  if (tokens.some((t) => DOUBT.has(t.word))) return null;
  const hit = firstPhrase(cfg.phrases, tokens);
  if (hit) return { kind: 'confirmed', matched: hit.matched };
  if (tokens.some((t) => t.stem === 'thank' || t.word === 'thx' || t.word === 'ty' || t.word === 'cheers' || t.word === 'appreciated' || t.word === 'tysm')) {
    if (tokens.every((t) => PLEASANTRIES.has(t.word))) return { kind: 'thanks', matched: tokens.map((t) => t.word).join(' ') };
  }
  return null;
}
