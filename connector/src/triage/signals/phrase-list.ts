/**
 * A list of policy phrases compiled once (per policy object) and matched on tokens.
 * Used for prompt-injection patterns and auto-reply wording.
 */
import { compilePattern, PatternIndex } from '../text/patterns.js';
import type { Token } from '../text/tokens.js';

const compiled = new WeakMap<readonly string[], PatternIndex<number>>();

function compileList(sources: readonly string[]): PatternIndex<number> {
  let index = compiled.get(sources);
  if (!index) {
    index = new PatternIndex<number>();
    sources.forEach((src, i) => index!.add(compilePattern(src), i));
    compiled.set(sources, index);
  }
  return index;
}

export interface PhraseHit {
  /** The pattern from the policy. */
  pattern: string;
  /** The customer's words that matched. */
  matched: string;
}

/** First match of any of `sources` in `tokens` (earliest in the text), or null. */
export function firstPhrase(sources: readonly string[], tokens: Token[]): PhraseHit | null {
  const m = compileList(sources).scan(tokens)[0];
  return m ? { pattern: m.pattern.source, matched: tokens.slice(m.start, m.end).map((t) => t.word).join(' ') } : null;
}
