/**
 * Word patterns matched on tokens, never on raw substrings: "cancel" matches the tokens
 * cancel / cancels / cancelled / cancellation (same stem), but never "scancel" or "concealed".
 *
 * Pattern syntax (kept small so a policy admin can read it):
 *   words separated by spaces       "this isn't working"   (contractions expand like the text)
 *   a|b|c                           any one of the words in that position
 *   *                               up to 3 arbitrary words ("ignore * instructions")
 *   word*                           any word that starts with these letters ("robad*" = robado,
 *                                   robada, robados): inflection in languages the English stemmer
 *                                   does not know
 * Accents never decide a match: customers type "debito" for "débito" and "nao" for "não".
 */
import { tokenize, type Token } from './tokens.js';
import { TypoFirstIndex } from './typo-first-index.js';

interface WordSlot {
  kind: 'word';
  stems: Set<string>;
  /** The written words without accents ("não" -> "nao"), matched against the folded token. */
  folded: Set<string>;
  /** Accent-free beginnings from "word*" alternatives. */
  prefixes: string[];
  /** Stems long enough to accept one typo (edit distance 1), e.g. "frustated". */
  fuzzyStems: string[];
}
interface GapSlot {
  kind: 'gap';
  max: number;
}
type Slot = WordSlot | GapSlot;

export interface CompiledPattern {
  source: string;
  slots: Slot[];
}

export interface PatternMatch {
  /** Index of the first matched token. */
  start: number;
  /** Index after the last matched token. */
  end: number;
}

export interface CompileOptions {
  /** Allow one typo on words whose stem has at least this many letters (0 = never). */
  fuzzyMinLength?: number;
}

const GAP_MAX = 3;
/** "word*" patterns are filed under this many first letters of their prefix. */
const PREFIX_KEY = 2;

const foldCache = new Map<string, string>();
/** Lowercase word without diacritics: "débito" -> "debito", "não" -> "nao", "ß" stays. */
export function foldAccents(word: string): string {
  // ASCII has no accents: most words fold to themselves, and need no cache entry (which
  // would keep every new word a customer types alive in the heap until the cache fills).
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) ascii = word.charCodeAt(i) < 0x80;
  if (ascii) return word;
  let f = foldCache.get(word);
  if (f === undefined) {
    f = word.normalize('NFD').replace(/\p{M}/gu, '');
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(word, f);
  }
  return f;
}

/**
 * True when a and b differ by at most one insertion, deletion, substitution or swap of
 * two neighbouring letters (Damerau). Linear time: triggers run on every message.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (sameTail(a, i + 1, b, i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && sameTail(a, i + 2, b, i + 2); // swap
  }
  return la > lb ? sameTail(a, i + 1, b, i) : sameTail(a, i, b, i + 1);
}

/** a.slice(i) === b.slice(j), without building either slice. */
function sameTail(a: string, i: number, b: string, j: number): boolean {
  const ai = Math.min(i, a.length);
  const bj = Math.min(j, b.length);
  if (a.length - ai !== b.length - bj) return false;
  for (let k = 0; ai + k < a.length; k++) if (a.charCodeAt(ai + k) !== b.charCodeAt(bj + k)) return false;
  return true;
}

export function compilePattern(source: string, opts: CompileOptions = {}): CompiledPattern {
  const minFuzzy = opts.fuzzyMinLength ?? 0;
  const slots: Slot[] = [];
  for (const piece of source.trim().split(/\s+/)) {
    if (piece === '*') {
      slots.push({ kind: 'gap', max: GAP_MAX });
      continue;
    }
    const alternatives = piece.split('|').filter((p) => p !== '');
    if (alternatives.some((alt) => alt.length > 1 && alt.endsWith('*'))) {
      slots.push(mixedSlot(source, alternatives, minFuzzy));
      continue;
    }
    if (alternatives.length > 1) {
      const toks = alternatives.map((alt) => {
        const t = tokenize(alt);
        if (t.length !== 1) throw new Error(`pattern "${source}": alternative "${alt}" must be one word`);
        return t[0]!;
      });
      slots.push(wordSlot(toks.map((t) => t.stem), minFuzzy, accented(toks.map((t) => t.word))));
      continue;
    }
    for (const tok of tokenize(piece)) slots.push(wordSlot([tok.stem], minFuzzy, accented([tok.word])));
  }
  if (slots.length === 0 || slots[0]!.kind === 'gap' || slots[slots.length - 1]!.kind === 'gap') {
    throw new Error(`pattern "${source}" must start and end with a word`);
  }
  return { source, slots };
}

/** Only words with accents need the folded comparison; plain words already meet by stem. */
const accented = (words: string[]) => words.filter((w) => foldAccents(w) !== w);

function wordSlot(stems: string[], minFuzzy: number, written: string[] = [], prefixes: string[] = []): WordSlot {
  return {
    kind: 'word',
    stems: new Set(stems),
    folded: new Set(written.map((w) => foldAccents(w.toLowerCase()))),
    prefixes,
    fuzzyStems: minFuzzy > 0 ? stems.filter((s) => s.length >= minFuzzy) : [],
  };
}

/** A slot with at least one "word*" alternative; the others are whole words. */
function mixedSlot(source: string, alternatives: string[], minFuzzy: number): WordSlot {
  const prefixes: string[] = [];
  const stems: string[] = [];
  const written: string[] = [];
  for (const alt of alternatives) {
    if (alt.length > 1 && alt.endsWith('*')) {
      const prefix = foldAccents(alt.slice(0, -1).toLowerCase());
      if (!/^[\p{L}\p{N}]+$/u.test(prefix)) throw new Error(`pattern "${source}": "${alt}" must be letters followed by *`);
      prefixes.push(prefix);
      continue;
    }
    const toks = tokenize(alt);
    if (toks.length !== 1) throw new Error(`pattern "${source}": alternative "${alt}" must be one word`);
    stems.push(toks[0]!.stem);
    written.push(toks[0]!.word);
  }
  return wordSlot(stems, minFuzzy, written, prefixes);
}

function slotAccepts(slot: WordSlot, token: Token): boolean {
  if (slot.stems.has(token.stem)) return true;
  if (slot.folded.size > 0 || slot.prefixes.length > 0) {
    const f = foldAccents(token.word);
    if (slot.folded.has(f)) return true;
    for (const p of slot.prefixes) if (f.startsWith(p)) return true;
  }
  for (const f of slot.fuzzyStems) {
    // Typos rarely hit the first letter; requiring it keeps "scancel"-like words out.
    if (token.stem[0] === f[0] && withinOneEdit(token.stem, f)) return true;
  }
  return false;
}

function matchFrom(slots: Slot[], si: number, tokens: Token[], ti: number): number {
  if (si === slots.length) return ti;
  const slot = slots[si]!;
  if (slot.kind === 'gap') {
    for (let skip = 0; skip <= slot.max && ti + skip <= tokens.length; skip++) {
      const end = matchFrom(slots, si + 1, tokens, ti + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[ti];
  if (token === undefined || !slotAccepts(slot, token)) return -1;
  return matchFrom(slots, si + 1, tokens, ti + 1);
}

/**
 * The first PREFIX_KEY (two) letters of a word as one number, so a token's lookup builds no
 * string. Only for words of at least two letters (shorter prefixes are filed elsewhere).
 */
const prefixKey = (w: string) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1);

export interface IndexedMatch<T> extends PatternMatch {
  pattern: CompiledPattern;
  payload: T;
}

/**
 * Many patterns matched in one pass over the tokens: patterns are filed under the stems
 * their first word can take, so each token only tries the patterns that can start there
 * (plus the few whose first word forgives a typo). Keeps a hundred policy patterns well
 * under the per-message time budget on long e-mails.
 */
export class PatternIndex<T> {
  private readonly byFirstStem = new Map<string, { pattern: CompiledPattern; payload: T }[]>();
  /** Accented first words, filed under the word without accents ("não" under "nao"). */
  private readonly byFirstFolded = new Map<string, { pattern: CompiledPattern; payload: T }[]>();
  /** "word*" first words, filed under their first two letters (as a number, see prefixKey). */
  private readonly byFirstPrefix = new Map<number, { pattern: CompiledPattern; payload: T }[]>();
  /** Typo-forgiving and short-prefix first words, which no exact key can file (typo-first-index.ts). */
  private readonly fuzzyFirst = new TypoFirstIndex<{ pattern: CompiledPattern; payload: T }>(foldAccents);
  private loose = false;

  add(pattern: CompiledPattern, payload: T): this {
    const first = pattern.slots[0] as WordSlot;
    const entry = { pattern, payload };
    // Typo-forgiving first words cannot be filed under one exact key: their own index files them.
    if (first.fuzzyStems.length > 0 || first.prefixes.some((p) => p.length < PREFIX_KEY)) {
      this.fuzzyFirst.add(entry, first);
      return this;
    }
    const file = <K>(map: Map<K, { pattern: CompiledPattern; payload: T }[]>, key: K) => {
      const list = map.get(key) ?? [];
      if (!list.includes(entry)) list.push(entry);
      map.set(key, list);
    };
    for (const stem of first.stems) file(this.byFirstStem, stem);
    for (const w of first.folded) file(this.byFirstFolded, w);
    for (const p of first.prefixes) file(this.byFirstPrefix, prefixKey(p));
    if (first.folded.size > 0 || first.prefixes.length > 0) this.loose = true;
    return this;
  }

  /** Every (pattern, start) that matches, in token order. */
  scan(tokens: Token[]): IndexedMatch<T>[] {
    const out: IndexedMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const byStem = this.byFirstStem.get(token.stem);
      if (!this.loose) {
        if (byStem) for (const c of byStem) this.tryAt(c, tokens, i, out);
      } else {
        // One pattern may be filed under several keys a token hits: try it once.
        const f = foldAccents(token.word);
        const byFolded = this.byFirstFolded.get(f);
        const byPrefix = f.length >= PREFIX_KEY ? this.byFirstPrefix.get(prefixKey(f)) : undefined;
        if (byStem && !byFolded && !byPrefix) for (const c of byStem) this.tryAt(c, tokens, i, out);
        else if (byPrefix && !byStem && !byFolded) for (const c of byPrefix) this.tryAt(c, tokens, i, out);
        else if (byStem || byFolded || byPrefix) {
          const seen = new Set<{ pattern: CompiledPattern; payload: T }>();
          for (const list of [byStem, byFolded, byPrefix]) {
            if (list) for (const c of list) if (!seen.has(c)) (seen.add(c), this.tryAt(c, tokens, i, out));
          }
        }
      }
      if (this.fuzzyFirst.size > 0) for (const c of this.fuzzyFirst.candidates(token.stem, token.word)) this.tryAt(c, tokens, i, out);
    }
    return out;
  }

  private tryAt(c: { pattern: CompiledPattern; payload: T }, tokens: Token[], i: number, out: IndexedMatch<T>[]): void {
    const end = matchFrom(c.pattern.slots, 0, tokens, i);
    if (end >= 0) out.push({ start: i, end, pattern: c.pattern, payload: c.payload });
  }
}