/**
 * Multinomial logistic regression over hashed sparse features, written by hand.
 *
 * Why not a library: no well-kept JS package does offline text classification with
 * calibrated probabilities (the npm classifiers are naive Bayes without calibration, or
 * unmaintained, or wrap TensorFlow with native binaries). The model is small: a few
 * hundred lines here, deterministic, and explainable.
 *
 * Training: per-example SGD with (row-wise) AdaGrad step sizes and L2 on the touched rows, examples
 * visited in a seeded shuffle, so the same data always gives the same weights. The result
 * is packed: only buckets seen in at least `minDf` training texts are kept, weights are
 * quantised to int8 per class (the shipped artifact stays small), and rows that quantise
 * to all zeros are dropped.
 */
import type { SparseVector } from './features.js';
import type { RowIndex } from './row-index.js';

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Keep a bucket only if at least this many training texts have it. */
  minDf: number;
  /** Drop rows whose largest weight quantises below this (int8 units): keeps the artifact small. */
  pruneBelow: number;
  seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 4, learningRate: 0.12, l2: 2e-3, minDf: 3, pruneBelow: 1, seed: 20240601 };

export interface PackedModel {
  classes: number;
  /** Sorted bucket ids that have weights. */
  buckets: Uint32Array;
  /** buckets.length x classes, row-major, int8. */
  weights: Int8Array;
  /** Per-class scale: weight = int8 * scale. */
  scales: Float32Array;
  bias: Float32Array;
}

/** Small, fast, seeded PRNG (mulberry32): same seed, same shuffle, on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, rand: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export function softmaxInPlace(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c]! > max) max = z[c]!;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp((z[c]! - max) / temperature);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c] = z[c]! / sum;
  return z;
}

interface Compact {
  buckets: Uint32Array;
  rows: { idx: Int32Array; val: Float32Array }[];
}

/** Keep frequent-enough buckets and re-index every vector onto them. */
function compact(vectors: SparseVector[], minDf: number): Compact {
  const df = new Map<number, number>();
  for (const v of vectors) for (const b of v.idx) df.set(b, (df.get(b) ?? 0) + 1);
  const buckets = Uint32Array.from([...df].filter(([, n]) => n >= minDf).map(([b]) => b)).sort();
  const row = new Map<number, number>();
  buckets.forEach((b, i) => row.set(b, i));
  const rows = vectors.map((v) => {
    const idx: number[] = [];
    const val: number[] = [];
    v.idx.forEach((b, k) => {
      const r = row.get(b);
      if (r !== undefined) {
        idx.push(r);
        val.push(v.val[k]!);
      }
    });
    return { idx: Int32Array.from(idx), val: Float32Array.from(val) };
  });
  return { buckets, rows };
}

export function trainPacked(vectors: SparseVector[], labels: number[], classes: number, opts: TrainOptions = DEFAULT_TRAIN): PackedModel {
  const { buckets, rows } = compact(vectors, opts.minDf);
  const F = buckets.length;
  const C = classes;
  const W = new Float64Array(F * C);
  // One AdaGrad accumulator per feature row (not per weight): a square root per feature
  // instead of per feature x class, same convergence on this data, about twice as fast.
  const G = new Float64Array(F);
  const b = new Float64Array(C);
  const Gb = new Float64Array(C);
  const z = new Float64Array(C);
  const rand = seededRandom(opts.seed);
  const eps = 1e-8;
  const lr = opts.learningRate;
  const l2 = opts.l2;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (const n of shuffled(rows.length, rand)) {
      const { idx, val } = rows[n]!;
      const y = labels[n]!;
      z.set(b);
      for (let k = 0; k < idx.length; k++) {
        const base = idx[k]! * C;
        const x = val[k]!;
        for (let c = 0; c < C; c++) z[c] = z[c]! + W[base + c]! * x;
      }
      softmaxInPlace(z);
      z[y] = z[y]! - 1; // z is now the gradient of the loss w.r.t. the logits
      let gz = 0;
      for (let c = 0; c < C; c++) {
        const g = z[c]!;
        gz += g * g;
        Gb[c] = Gb[c]! + g * g;
        b[c] = b[c]! - (lr * g) / (Math.sqrt(Gb[c]!) + eps);
      }
      gz /= C;
      for (let k = 0; k < idx.length; k++) {
        const r = idx[k]!;
        const base = r * C;
        const x = val[k]!;
        G[r] = G[r]! + gz * x * x;
        const step = lr / (Math.sqrt(G[r]!) + eps);
        for (let c = 0; c < C; c++) {
          const i = base + c;
          W[i] = W[i]! - step * (z[c]! * x + l2 * W[i]!);
        }
      }
    }
  }
  return pack(buckets, W, b, C, opts.pruneBelow);
}

function pack(buckets: Uint32Array, W: Float64Array, b: Float64Array, C: number, pruneBelow: number): PackedModel {
  const scales = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    let max = 0;
    for (let r = 0; r < buckets.length; r++) max = Math.max(max, Math.abs(W[r * C + c]!));
    scales[c] = max > 0 ? max / 127 : 1;
  }
  const keptRows: number[] = [];
  const q = new Int8Array(W.length);
  for (let r = 0; r < buckets.length; r++) {
    let largest = 0;
    for (let c = 0; c < C; c++) {
      const v = Math.round(W[r * C + c]! / scales[c]!);
      q[r * C + c] = v;
      largest = Math.max(largest, Math.abs(v));
    }
    if (largest >= Math.max(1, pruneBelow)) keptRows.push(r);
  }
  const weights = new Int8Array(keptRows.length * C);
  keptRows.forEach((r, i) => weights.set(q.subarray(r * C, r * C + C), i * C));
  return {
    classes: C,
    buckets: Uint32Array.from(keptRows.map((r) => buckets[r]!)),
    weights,
    scales,
    bias: Float32Array.from(b),
  };
}

/**
 * Row of `bucket` in the packed model, or -1. Binary search: buckets are sorted. Fine for
 * training-time evaluation; per-message triage passes a RowIndex (row-index.ts).
 */
function rowOf(buckets: Uint32Array, bucket: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = buckets[mid]!;
    if (v === bucket) return mid;
    if (v < bucket) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Room for one prediction's class scores, reused by a caller that reads them before the next. */
export interface LogitScratch {
  z: Float64Array;
  acc: Float64Array;
}

export const logitScratch = (classes: number): LogitScratch => ({ z: new Float64Array(classes), acc: new Float64Array(classes) });

/** Raw class scores (before temperature and softmax); written into `out.z` when given. */
export function logitsOf(model: PackedModel, v: SparseVector, rowIndex?: RowIndex, out?: LogitScratch): Float64Array {
  const C = model.classes;
  const weights = model.weights;
  let z: Float64Array;
  let acc: Float64Array;
  if (out) {
    z = out.z;
    z.set(model.bias);
    acc = out.acc;
    acc.fill(0);
  } else {
    z = Float64Array.from(model.bias);
    acc = new Float64Array(C);
  }
  for (let k = 0; k < v.idx.length; k++) {
    const r = rowIndex ? rowIndex.row(v.idx[k]!) : rowOf(model.buckets, v.idx[k]!);
    if (r < 0) continue;
    const x = v.val[k]!;
    const base = r * C;
    for (let c = 0; c < C; c++) acc[c] = acc[c]! + weights[base + c]! * x;
  }
  for (let c = 0; c < C; c++) z[c] = z[c]! + acc[c]! * model.scales[c]!;
  return z;
}
