/**
 * Which language a message is in, and whether the engine can read it.
 *
 * Support messages are short and misspelt, where every detector guesses. Measured on the
 * project's own short messages (scripts/eval/language-detectors.ts, reports/language-detectors.md),
 * eld (extra-small n-gram database: pure JS, synchronous, ~30 MB once loaded) is right far more
 * often than tinyld, franc, CLD3 or Lingua's WebAssembly port. Around it:
 *  - a language the detector reads reliably among the supported ones is taken as is;
 *  - otherwise English is recognised by its words (function words and words the model knows),
 *    so "orer NW-202158 haasnt shippped yet?" stays English;
 *  - a language outside the supported set is named only when the detector is sure (enough
 *    letters, reliable, clearly ahead of every supported language, or a script of its own);
 *  - anything else is uncertain and falls back to the requester's locale when Baton reads it,
 *    else English: the intent model and its gates still judge the message.
 */
import { eld } from 'eld/extrasmall';
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
  /**
   * How the language was settled, for reasons and debugging: 'fallback' means the detector was
   * not sure and the requester's locale (or English) was taken.
   */
  basis: 'english-words' | 'detector' | 'given' | 'fallback' | 'no-words';
  /** Detector's score 0..1 (1 for english-words and given, 0 for a fallback). */
  confidence: number;
}

export interface LanguageOptions {
  /** Below this many letters a Latin-script language outside the supported set is never named. */
  minLetters: number;
  /** Words the intent model has seen, so "pw reset pls" counts as English. */
  isKnownWord?: (word: string) => boolean;
  /** Language the channel already knows (trusted as is). */
  given?: string;
  /** Languages Baton reads (policy `language.supported`); default English only. */
  supported?: readonly string[];
  /** The requester's locale ('pt-BR', 'fr'), the fallback when the detector is unsure. */
  locale?: string;
}

/**
 * Lowercased words written capitalised in mid-sentence: names of people, places, products
 * ("the bill from Anna Freeman"). They belong to no language, so they do not count against
 * English. Sentence-initial words and "I" are not names.
 */
const MID_SENTENCE_NAME = /(?<=[\p{L}\p{N},;:'")]\s+)(\p{Lu}[\p{Ll}]+)\b/gu;
/** A letter of any script; one regex for every test (a literal in a loop is a new object each time). */
const LETTER = /\p{L}/u;
const hasLetter = (t: Token) => LETTER.test(t.word);

export function midSentenceNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(MID_SENTENCE_NAME)) names.add(m[1]!.toLowerCase());
  names.delete('i');
  return names;
}

/** Share of word tokens that are English function words or known to the model (names left out). */
export function englishWordShare(tokens: Token[], isKnownWord?: (w: string) => boolean, names?: ReadonlySet<string>): number {
  const letters = tokens.filter(hasLetter);
  const named = names && names.size > 0 ? letters.filter((t) => !names.has(t.word)) : letters;
  const words = named.length > 0 ? named : letters;
  if (words.length === 0) return 0;
  const known = words.filter((t) => ENGLISH_FUNCTION_WORDS.has(t.word) || (isKnownWord?.(t.word) ?? false)).length;
  return known / words.length;
}

/** Share of letters written in a script of its own (not Latin). */
function ownScriptShare(text: string): number {
  let letters = 0;
  let own = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (OWN_SCRIPT.test(ch)) own++;
  }
  return letters ? own / letters : 0;
}

function countLetters(text: string): number {
  let n = 0;
  for (const ch of text) if (LETTER.test(ch)) n++;
  return n;
}

/** A supported language must be this close to the detector's top score to count as a contender. */
const CONTENDER_RATIO = 0.9;
/** The requester's own language wins a near tie ("reembolso por favor": es or pt). */
const LOCALE_TIE_RATIO = 0.97;
/** Scripts that name their language (or a family Baton does not read) even in a few letters. */
const OWN_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Hangul}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Bengali}\p{Script=Tamil}]/u;

interface DetectorGuess {
  lang: string;
  score: number;
  reliable: boolean;
  scores: Record<string, number>;
}

/** The opening of a message says its language; reading a long e-mail whole only costs time. */
const DETECT_CHARS = 300;

function readDetector(text: string): DetectorGuess {
  const r = eld.detect(text.length > DETECT_CHARS ? text.slice(0, DETECT_CHARS) : text);
  const scores = r.getScores();
  return { lang: r.language, score: scores[r.language] ?? 0, reliable: r.isReliable(), scores };
}

const fromDetector = (lang: string, score: number): LanguageReading => ({ language: lang, basis: 'detector', confidence: Math.round(score * 100) / 100 });

const baseOf = (locale: string | undefined) => (locale ? locale.toLowerCase().slice(0, 2) : undefined);

export function detectLanguage(text: string, tokens: Token[], opts: LanguageOptions): LanguageReading {
  if (opts.given) return { language: opts.given.toLowerCase().slice(0, 2), basis: 'given', confidence: 1 };
  if (!tokens.some(hasLetter)) return { language: 'und', basis: 'no-words', confidence: 0 };
  const supported = opts.supported ?? ['en'];
  const locale = baseOf(opts.locale);
  const g = readDetector(text);
  // The requester's own supported language, when the detector has it nearly level with its top.
  const localeScore = locale && supported.includes(locale) ? (g.scores[locale] ?? 0) : 0;
  if (locale && localeScore > 0 && localeScore >= g.score * LOCALE_TIE_RATIO) return fromDetector(locale, localeScore);
  if (g.reliable && supported.includes(g.lang)) return fromDetector(g.lang, g.score);
  const names = midSentenceNames(text);
  const functionShare = englishWordShare(tokens, undefined, names);
  const knownShare = englishWordShare(tokens, opts.isKnownWord, names);
  // Real English has function words and words the model knows; terse notes ("pw reset pls")
  // have the latter. Spanish "no ... a ... me" has a few of the former but not the latter.
  // The model knows words of every language it reads, so when the detector leans to another
  // language (reliably, or to one Baton reads) known words alone do not make it English.
  const leansElsewhere = g.lang !== '' && g.lang !== 'en' && (g.reliable || supported.includes(g.lang));
  const englishWords = functionShare >= 0.25 && knownShare >= 0.5;
  if (supported.includes('en') && (englishWords || (!leansElsewhere && knownShare >= 0.7))) {
    return { language: 'en', basis: 'english-words', confidence: 1 };
  }
  if (supported.includes(g.lang)) return fromDetector(g.lang, g.score);
  const contender = supported
    .map((lang) => ({ lang, score: g.scores[lang] ?? 0 }))
    .sort((a, b) => b.score - a.score)[0];
  // Written mostly in a script of its own (Cyrillic, Han, Arabic ...): no supported language
  // writes so, whatever the detector's certainty on a few characters.
  const ownScript = ownScriptShare(text) > 0.5;
  if (ownScript) return g.lang ? fromDetector(g.lang, g.score) : { language: 'und', basis: 'detector', confidence: 0 };
  const sure = g.lang !== '' && g.reliable && countLetters(text) >= opts.minLetters && (!contender || contender.score < g.score * CONTENDER_RATIO);
  if (sure) return fromDetector(g.lang, g.score);
  if (contender && contender.score >= g.score * CONTENDER_RATIO) {
    // Several supported languages near the top ("reset 2fa": ca, it, en): words the model
    // knows settle it for English.
    const en = g.scores.en ?? 0;
    if (supported.includes('en') && knownShare >= 0.7 && en >= g.score * CONTENDER_RATIO) return fromDetector('en', en);
    return fromDetector(contender.lang, contender.score);
  }
  const fallback = locale && supported.includes(locale) ? locale : supported.includes('en') ? 'en' : supported[0]!;
  return { language: fallback, basis: 'fallback', confidence: 0 };
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** "French", "Spanish" ... for reasons; falls back to the code. */
export function languageName(code: string): string {
  if (code === 'und') return 'an undetermined language';
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
