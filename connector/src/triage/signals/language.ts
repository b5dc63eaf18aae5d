/**
 * Which language a message is in, and whether the engine can read it confidently.
 *
 * Detectors guess wildly on short texts ("I forgot my password" comes back as Afrikaans),
 * so English is recognised first by its words: the share of tokens that are common English
 * function words or words the intent model knows. Only what is not clearly English goes to
 * the detector (tinyld, light build: pure JS, synchronous, ~60 KB of data). A message
 * too short for either to be sure is "und" (undetermined) and, by policy, goes to humans.
 */
import { detectAll, langName, toISO3 } from 'tinyld/light';
import type { Token } from '../text/tokens.js';

/** The most frequent English words, which nearly every English message contains. */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'i me my mine we us our you your he she it its they them their this that these those a an the and or but if ' +
    'then so because of to in on at by for with from about into over after before up down out off again ' +
    'is am are was were be been being have has had do does did can could will would should may might must ' +
    'not no yes please thanks thank hi hello hey dear what which who whom whose when where why how all any ' +
    'some more most other just only also too very there here now still already yet get got need want know ' +
    'help since ago u ur pls plz thx ok okay'
  ).split(' '),
);

export interface LanguageReading {
  /** ISO 639-1 code ('en', 'fr'), or 'und' when it cannot be told. */
  language: string;
  /** How the language was settled, for reasons and debugging. */
  basis: 'english-words' | 'detector' | 'given' | 'too-short' | 'no-words';
  /** Detector's confidence 0..1 (1 for english-words and given). */
  confidence: number;
}

export interface LanguageOptions {
  /** Below this many letters the detector is not asked. */
  minLetters: number;
  /** Words the intent model has seen, so "pw reset pls" counts as English. */
  isKnownWord?: (word: string) => boolean;
  /** Language the channel already knows (trusted as is). */
  given?: string;
}

/**
 * Lowercased words written capitalised in mid-sentence: names of people, places, products
 * ("the bill from Anna Freeman"). They belong to no language, so they do not count against
 * English. Sentence-initial words and "I" are not names.
 */
export function midSentenceNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:'")]\s+)(\p{Lu}[\p{Ll}]+)\b/gu)) names.add(m[1]!.toLowerCase());
  names.delete('i');
  return names;
}

/** Share of word tokens that are English function words or known to the model (names left out). */
export function englishWordShare(tokens: Token[], isKnownWord?: (w: string) => boolean, names?: ReadonlySet<string>): number {
  const letters = tokens.filter((t) => /\p{L}/u.test(t.word));
  const named = names && names.size > 0 ? letters.filter((t) => !names.has(t.word)) : letters;
  const words = named.length > 0 ? named : letters;
  if (words.length === 0) return 0;
  const known = words.filter((t) => ENGLISH_FUNCTION_WORDS.has(t.word) || (isKnownWord?.(t.word) ?? false)).length;
  return known / words.length;
}

function countLetters(text: string): number {
  let n = 0;
  for (const ch of text) if (/\p{L}/u.test(ch)) n++;
  return n;
}

export function detectLanguage(text: string, tokens: Token[], opts: LanguageOptions): LanguageReading {
  if (opts.given) return { language: opts.given.toLowerCase().slice(0, 2), basis: 'given', confidence: 1 };
  if (tokens.every((t) => !/\p{L}/u.test(t.word))) return { language: 'und', basis: 'no-words', confidence: 0 };
  const names = midSentenceNames(text);
  const functionShare = englishWordShare(tokens, undefined, names);
  const knownShare = englishWordShare(tokens, opts.isKnownWord, names);
  // Real English has function words and words the model knows; terse notes ("pw reset pls")
  // have the latter. Spanish "no ... a ... me" has a few of the former but not the latter.
  if ((functionShare >= 0.25 && knownShare >= 0.5) || knownShare >= 0.7) return { language: 'en', basis: 'english-words', confidence: 1 };
  if (countLetters(text) < opts.minLetters) return { language: 'und', basis: 'too-short', confidence: 0 };
  const best = detectAll(text)[0];
  if (!best) return { language: 'und', basis: 'detector', confidence: 0 };
  return { language: best.lang, basis: 'detector', confidence: Math.round(best.accuracy * 100) / 100 };
}

/** "French", "Spanish" ... for reasons; falls back to the code. */
export function languageName(code: string): string {
  if (code === 'und') return 'an undetermined language';
  try {
    return langName(toISO3(code)) || langName(code) || code;
  } catch {
    return code;
  }
}
