/**
 * Text -> sparse feature vector by the hashing trick: word stems, stem bigrams and
 * character 3-4-grams, each hashed into 2^hashBits buckets. Character n-grams make the
 * model forgiving of typos and inflections ("pasword", "refunded"); stems and bigrams
 * carry the meaning ("not working", "reset password"). Hashing needs no vocabulary file
 * and gives the same buckets at training and inference by construction.
 */
import { tokenize, type Token } from '../text/tokens.js';

export interface FeatureConfig {
  hashBits: number;
  charMin: number;
  charMax: number;
  /** Relative weight of the character-n-gram block against the word block. */
  charWeight: number;
}

export const DEFAULT_FEATURES: FeatureConfig = { hashBits: 20, charMin: 3, charMax: 4, charWeight: 1 };

/** Sorted unique bucket ids with their values (L2 norm 1 per block). */
export interface SparseVector {
  idx: Uint32Array;
  val: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Different starting states keep a word "abc" and a char gram "abc" in different buckets.
const SEED_WORD = FNV_OFFSET;
const SEED_BIGRAM = 0x9e3779b9;
const SEED_CHAR = 0x85ebca6b;

function fnvString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Murmur3 finaliser: spreads FNV's weak low bits before masking. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Digit runs as one "0", so order numbers do not matter; most stems have no digit to fold. */
const DIGIT = /\d/;
const DIGIT_RUNS = /\d+/g;
const foldDigits = (s: string) => (DIGIT.test(s) ? s.replace(DIGIT_RUNS, '0') : s);

/** Bucket of a word unigram feature; also used to ask "does the model know this word?". */
export function wordBucket(stem: string, hashBits: number): number {
  return mix(fnvString(SEED_WORD, foldDigits(stem))) >>> (32 - hashBits);
}

/**
 * Bucket ids of one block, written into a buffer that is reused from message to message
 * (featurize runs on every message; mergeBlocks copies the result out before the next call).
 */
class BucketBuffer {
  private buf = new Uint32Array(1024);
  private length = 0;

  reset(): this {
    this.length = 0;
    return this;
  }

  push(bucket: number): void {
    if (this.length === this.buf.length) {
      const bigger = new Uint32Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.length++] = bucket;
  }

  /** Sorted unique bucket ids, a view into the buffer valid until the next `reset`. */
  uniqueSorted(): Uint32Array {
    const sorted = this.buf.subarray(0, this.length).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
    return sorted.subarray(0, n);
  }
}

const wordBuckets = new BucketBuffer();
const charBuckets = new BucketBuffer();

/**
 * Merge two binary blocks into one vector, each block scaled to L2 norm `weight`
 * (so long e-mails and one-liners weigh the same). Typed arrays, no Maps: this runs on
 * every message. Written into `out` when given (room for a.length + b.length entries).
 */
function mergeBlocks(a: Uint32Array, wa: number, b: Uint32Array, wb: number, out?: SparseVector): SparseVector {
  const va = a.length ? wa / Math.sqrt(a.length) : 0;
  const vb = b.length ? wb / Math.sqrt(b.length) : 0;
  const idx = out?.idx ?? new Uint32Array(a.length + b.length);
  const val = out?.val ?? new Float32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
      idx[n] = a[i++]!;
      val[n++] = va;
    } else if (i >= a.length || b[j]! < a[i]!) {
      idx[n] = b[j++]!;
      val[n++] = vb;
    } else {
      idx[n] = a[i++]!;
      j++;
      val[n++] = va + vb;
    }
  }
  return { idx: idx.subarray(0, n), val: val.subarray(0, n) };
}

const SPACE = 0x20;

/**
 * The character-gram source: " word word ... " (lowercase words, each digit as "0"), written
 * as char codes into a buffer reused from message to message instead of built as a string.
 */
class CharSource {
  codes = new Uint16Array(1024);
  length = 0;

  fill(tokens: Token[]): this {
    let need = tokens.length + 1 + (tokens.length === 0 ? 1 : 0); // the spaces around and between the words
    for (let t = 0; t < tokens.length; t++) need += tokens[t]!.word.length;
    if (this.codes.length < need) this.codes = new Uint16Array(2 ** Math.ceil(Math.log2(need)));
    const codes = this.codes;
    let n = 0;
    codes[n++] = SPACE;
    for (let t = 0; t < tokens.length; t++) {
      if (t > 0) codes[n++] = SPACE;
      const w = tokens[t]!.word;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        codes[n++] = c >= 0x30 && c <= 0x39 ? 0x30 : c; // as /\d/ would: ASCII digits only
      }
    }
    codes[n++] = SPACE;
    this.length = n;
    return this;
  }
}

const charSource = new CharSource();

function wordBlock(tokens: Token[], shift: number): Uint32Array {
  const words = wordBuckets.reset();
  let prev = '';
  for (let i = 0; i < tokens.length; i++) {
    const stem = foldDigits(tokens[i]!.stem);
    words.push(mix(fnvString(SEED_WORD, stem)) >>> shift);
    // The bigram hashes "prev" then " stem", without building " stem".
    if (i > 0) words.push(mix(fnvString(Math.imul(fnvString(SEED_BIGRAM, prev) ^ SPACE, FNV_PRIME), stem)) >>> shift);
    prev = stem;
  }
  return words.uniqueSorted();
}

function charBlock(tokens: Token[], cfg: FeatureConfig, shift: number): Uint32Array {
  const { codes, length } = charSource.fill(tokens);
  const chars = charBuckets.reset();
  for (let i = 0; i < length; i++) {
    let h = SEED_CHAR;
    for (let n = 1; n <= cfg.charMax && i + n <= length; n++) {
      h = Math.imul(h ^ codes[i + n - 1]!, FNV_PRIME);
      if (n >= cfg.charMin) chars.push(mix(h ^ n) >>> shift);
    }
  }
  return chars.uniqueSorted();
}

/** `scratch`: write the vector into its reused buffers (see FeatureScratch) instead of new ones. */
export function featurize(text: string, cfg: FeatureConfig = DEFAULT_FEATURES, tokens: Token[] = tokenize(text), scratch?: FeatureScratch): SparseVector {
  const shift = 32 - cfg.hashBits;
  const a = wordBlock(tokens, shift);
  const b = charBlock(tokens, cfg, shift);
  return mergeBlocks(a, 1, b, cfg.charWeight, scratch?.room(a.length + b.length));
}

/**
 * Room for one message's features, reused from message to message by a caller that reads
 * the vector before featurizing the next one (prediction; training keeps its vectors).
 */
export class FeatureScratch {
  private idx = new Uint32Array(1024);
  private val = new Float32Array(1024);

  /** Buffers for at least `entries` entries: valid until the next call. */
  room(entries: number): SparseVector {
    if (this.idx.length < entries) {
      const size = 2 ** Math.ceil(Math.log2(entries));
      this.idx = new Uint32Array(size);
      this.val = new Float32Array(size);
    }
    return { idx: this.idx, val: this.val };
  }
}
