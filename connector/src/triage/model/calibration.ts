/**
 * Calibration: make "confidence 0.85" mean "right 85% of the time".
 *
 * Temperature scaling (one number T dividing the logits) fitted by minimising the negative
 * log-likelihood on predictions for texts the model did not train on. One parameter cannot
 * over-fit a few hundred examples and never changes which intent wins, only how sure the
 * model says it is. Expected calibration error (ECE) measures the result: the average gap
 * between confidence and accuracy over equal-width confidence bins, weighted by bin size.
 */
import { softmaxInPlace } from './softmax-regression.js';

export interface ScoredPrediction {
  logits: Float64Array;
  label: number;
}

function nll(preds: ScoredPrediction[], t: number): number {
  let total = 0;
  for (const p of preds) {
    const probs = softmaxInPlace(Float64Array.from(p.logits), t);
    total -= Math.log(Math.max(probs[p.label]!, 1e-12));
  }
  return total / Math.max(1, preds.length);
}

/** T in [0.05, 20] minimising NLL, by golden-section search on log T (NLL is unimodal in T). */
export function fitTemperature(preds: ScoredPrediction[]): number {
  if (preds.length === 0) return 1;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(preds, Math.exp(a));
  let fb = nll(preds, Math.exp(b));
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(preds, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(preds, Math.exp(b));
    }
  }
  return Math.round(Math.exp((lo + hi) / 2) * 1e4) / 1e4;
}

export interface ReliabilityBin {
  lo: number;
  hi: number;
  count: number;
  /** Mean confidence in the bin (null when empty). */
  confidence: number | null;
  /** Share correct in the bin (null when empty). */
  accuracy: number | null;
}

export interface CalibrationReport {
  ece: number;
  bins: ReliabilityBin[];
}

export interface ConfidencePoint {
  confidence: number;
  correct: boolean;
}

export function expectedCalibrationError(points: ConfidencePoint[], binCount = 10): CalibrationReport {
  const sums = Array.from({ length: binCount }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const p of points) {
    const i = Math.min(binCount - 1, Math.floor(p.confidence * binCount));
    const bin = sums[i]!;
    bin.n++;
    bin.conf += p.confidence;
    bin.right += p.correct ? 1 : 0;
  }
  let ece = 0;
  const bins = sums.map((s, i) => {
    if (s.n > 0) ece += (s.n / points.length) * Math.abs(s.conf / s.n - s.right / s.n);
    return {
      lo: i / binCount,
      hi: (i + 1) / binCount,
      count: s.n,
      confidence: s.n ? round(s.conf / s.n) : null,
      accuracy: s.n ? round(s.right / s.n) : null,
    };
  });
  return { ece: round(ece), bins };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Top class and its probability after temperature. */
export function topOf(logits: Float64Array, temperature: number): { index: number; probability: number } {
  const probs = softmaxInPlace(Float64Array.from(logits), temperature);
  let index = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c]! > probs[index]!) index = c;
  return { index, probability: probs[index]! };
}
