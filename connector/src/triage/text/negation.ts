/**
 * Negation in every language Baton reads (en, es, fr, de, pt, it, nl), for the signals that
 * must not fire on a denial: "my card wasn't stolen", "mi tarjeta no fue robada", "the
 * parcel was not damaged". Words are compared without accents.
 */
import { foldAccents } from './patterns.js';
import type { Token } from './tokens.js';

/** Words that negate what follows (compared without accents). */
export const NEGATORS: ReadonlySet<string> = new Set(
  ('not never no without neither nor nothing none ' + // en (contractions are already "not")
    'nunca sin jamas tampoco nada ' + // es (+ "no")
    'pas jamais sans rien ' + // fr ("ne ... pas": the "pas" sits next to the verb)
    'nicht nichts kein keine keinen keiner keinem nie niemals ohne ' + // de
    'nao sem ' + // pt (+ "nunca")
    'non mai senza niente nulla ' + // it
    'niet niets geen nooit zonder') // nl
    .split(' '),
);
/** How many words before a match a negation still reaches. */
const NEGATION_REACH = 3;

export const isNegator = (t: Token) => NEGATORS.has(foldAccents(t.word));

/**
 * Does the pattern hold a negation of its own ("did not authorise", "no|nao reconheço")?
 * Only a slot made of negations counts: "pas|pasje|bankpas*" is a Dutch bank card, not the
 * French "pas".
 */
export const holdsNegation = (source: string) =>
  source
    .trim()
    .split(/\s+/)
    .some((slot) => slot.split('|').every((w) => NEGATORS.has(foldAccents(w.toLowerCase()))));

/**
 * A negation within reach before tokens[start] (not across a clause break), or inside the
 * match's gaps ("card was not stolen") when the pattern holds none of its own.
 */
export function negatedMatch(tokens: Token[], start: number, end: number, patternHoldsNegation: boolean): boolean {
  for (let j = start - 1, seen = 0; j >= 0 && seen < NEGATION_REACH; j--, seen++) {
    if (tokens[j + 1]!.afterBreak) break;
    if (isNegator(tokens[j]!)) return true;
  }
  if (patternHoldsNegation) return false;
  for (let j = start + 1; j < end - 1; j++) if (isNegator(tokens[j]!)) return true;
  return false;
}
