/**
 * Word tokens shared by triggers, injection patterns and the classifier's features.
 * Contractions are expanded ("isn't" -> "is not", "dont" -> "do not") so that one
 * written pattern covers the ways customers type it, and every token carries its
 * Porter stem so that "cancels", "cancelled" and "cancellation" meet at "cancel".
 */
import { stemmer } from 'stemmer';
import { normalizePunctuation } from './clean-message.js';

export interface Token {
  /** Lowercased word after contraction expansion. */
  word: string;
  /** Porter stem of `word`. */
  stem: string;
  /** True when a clause boundary (. , ; : ! ? or a line break) comes right before this token. */
  afterBreak: boolean;
}

/** Apostrophe-less and apostrophe forms customers type, as the words they stand for. */
const CONTRACTIONS = new Map<string, string[]>(Object.entries({
  "can't": ['can', 'not'], cant: ['can', 'not'], cannot: ['can', 'not'],
  "won't": ['will', 'not'], wont: ['will', 'not'],
  "ain't": ['is', 'not'], aint: ['is', 'not'],
  "i'm": ['i', 'am'], im: ['i', 'am'],
  "i've": ['i', 'have'], ive: ['i', 'have'],
  "i'll": ['i', 'will'], "i'd": ['i', 'would'],
  "you're": ['you', 'are'], youre: ['you', 'are'],
  "it's": ['it', 'is'], "that's": ['that', 'is'], thats: ['that', 'is'],
  "what's": ['what', 'is'], whats: ['what', 'is'], "there's": ['there', 'is'],
  "we've": ['we', 'have'], "we're": ['we', 'are'], "they're": ['they', 'are'],
}));

/** "isn't", "isnt", "doesn't", "doesnt" ... -> base verb + "not". */
const NOT_SUFFIX = /^(is|are|was|were|do|does|did|has|have|had|could|should|would|must|need)(n't|nt)$/;

const WORD_RE = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
/** Clause boundaries: . , ; : ! ? ( ) and a line break, by character code. */
const BREAKS = new Set([...'.,;:!?\n()'].map((ch) => ch.charCodeAt(0)));

/** Is there a clause boundary in src[from, to)? (No substring built: this runs per word.) */
function breakBetween(src: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (BREAKS.has(src.charCodeAt(i))) return true;
  return false;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stemOf(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

function expand(word: string): string[] | null {
  const known = CONTRACTIONS.get(word);
  if (known) return known;
  // Most words have no apostrophe and no "nt" ending: nothing below can change them (null: the word as is).
  if (!word.includes("'") && !word.endsWith('nt')) return null;
  const m = NOT_SUFFIX.exec(word);
  if (m) return [m[1]!, 'not'];
  // Possessive or leftover "'s": "customer's" -> "customer".
  if (word.endsWith("'s")) return [word.slice(0, -2)];
  return [word.replace(/'/g, '')];
}

/** Tokens of `text` in order. Pure function of the text; fast enough for every message. */
export function tokenize(text: string): Token[] {
  const src = normalizePunctuation(text).toLowerCase();
  const tokens: Token[] = [];
  let last = 0;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(src); m !== null; m = WORD_RE.exec(src)) {
    const afterBreak = tokens.length === 0 || breakBetween(src, last, m.index);
    const found = m[0];
    last = m.index + found.length;
    const words = expand(found);
    if (words === null) {
      if (found !== '') tokens.push({ word: found, stem: stemOf(found), afterBreak });
      continue;
    }
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (word !== '') tokens.push({ word, stem: stemOf(word), afterBreak: afterBreak && i === 0 });
    }
  }
  return tokens;
}
