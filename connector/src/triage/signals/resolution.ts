/**
 * "Thanks, that fixed it" after an AI answer: the customer closing the loop, not a new
 * request. Read only as a whole short message, so a confirmation with a question or a
 * new problem attached ("that worked, but now ...") is still triaged as a request.
 *
 * - confirmed: the customer says the answer worked (a policy phrase such as "that fixed it").
 * - thanks: the message is nothing but thanks, an acknowledgment and pleasantries ("ok thank
 *   you!", "got it, great", a thumbs-up).
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

/** A message made only of these is plain thanks ("again" is not one: DOUBT reads it first). */
const PLEASANTRIES = new Set([
  'thanks', 'thank', 'thanx', 'thx', 'ty', 'tysm', 'cheers', 'ta', 'you', 'u', 'so', 'very', 'much', 'a', 'lot', 'lots', 'many',
  'ok', 'okay', 'k', 'kk', 'great', 'perfect', 'awesome', 'brilliant', 'lovely', 'nice', 'cool', 'super', 'excellent', 'wonderful', 'fantastic', 'amazing',
  'appreciate', 'appreciated', 'it', 'that', 'this', 'is', 'the', 'for', 'your', 'help', 'quick', 'reply', 'response', 'answer', 'all',
  'got', 'have', 'good', 'day', 'night', 'weekend', 'kind', 'regards', 'best', 'hi', 'hello', 'oh', 'ah', 'wow', 'yes', 'yep', 'yeah',
  'i', 'we', 'really', 'truly', 'guys', 'team', 'folks', 'mate', 'makes', 'sense', 'understood', 'noted', 'will', 'do',
  // "ok, I will wait for your reply, thanks": agreeing to wait asks for nothing new.
  'wait',
]);

/** Words that acknowledge on their own ("ok", "got it", "great"): with only pleasantries around, nothing to answer. */
const ACKNOWLEDGING = new Set(['thanks', 'thank', 'thanx', 'thx', 'ty', 'tysm', 'cheers', 'appreciated', 'ok', 'okay', 'k', 'kk', 'great', 'perfect', 'awesome', 'brilliant', 'lovely', 'cool', 'super', 'excellent', 'got']);
/** A reply that is only a thumbs-up, folded hands, a tick or a smile. */
const ACK_EMOJI = /^[\s.!]*(?:(?:👍|🙏|✅|👌|🙂|😊|😀|😃|🎉|❤️|♥️)(?:\p{EMod})?[\s.!]*)+$/u;

export function readResolution(cfg: Policy['resolution'], clean: string, tokens: Token[]): ResolutionReading | null {
  if (!cfg.enabled) return null;
  if (tokens.length === 0) return ACK_EMOJI.test(clean) ? { kind: 'thanks', matched: clean.trim() } : null;
  if (tokens.length > cfg.max_words) return null;
  if (clean.includes('?')) return null;
  if (tokens.some((t) => DOUBT.has(t.word))) return null;
  const hit = firstPhrase(cfg.phrases, tokens);
  if (hit) return { kind: 'confirmed', matched: hit.matched };
  if (tokens.some((t) => ACKNOWLEDGING.has(t.word)) && tokens.every((t) => PLEASANTRIES.has(t.word))) {
    return { kind: 'thanks', matched: tokens.map((t) => t.word).join(' ') };
  }
  return null;
}
