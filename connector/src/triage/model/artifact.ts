/**
 * The trained model as a compact JSON file (connector/model/intent-model.json, and one per
 * tenant). Bucket ids are stored as base64 varint deltas and weights as base64 int8, so the
 * file stays a few hundred KB and diffs stay one line. No timestamps: the same corpus gives
 * the same bytes, which is how a test can tell that the committed artifact is up to date.
 */
import type { FeatureConfig } from './features.js';
import type { PackedModel, TrainOptions } from './softmax-regression.js';
import type { ReliabilityBin } from './calibration.js';

export const ARTIFACT_FORMAT = 'baton-intent-model/1';

export interface HeldBackEvaluation {
  count: number;
  accuracy: number | null;
  /** Expected calibration error after temperature scaling. */
  ece: number | null;
  /** The same before calibration (temperature 1), to show what calibration did. */
  eceUncalibrated: number | null;
  bins: ReliabilityBin[];
  perIntent: Record<string, { count: number; accuracy: number | null }>;
}

export interface IntentModelArtifact {
  format: typeof ARTIFACT_FORMAT;
  intents: string[];
  features: FeatureConfig;
  training: TrainOptions & { folds: number; testShare: number };
  /** Divide logits by this before softmax (fitted on cross-fitted predictions). */
  temperature: number;
  model: { buckets: string; weights: string; scales: number[]; bias: number[] };
  data: {
    /** What the model was trained on, e.g. 'connector/corpus' or 'tenant acme + connector/corpus'. */
    source: string;
    /** sha256 of all labelled examples (training and held back). */
    digest: string;
    examplesPerIntent: Record<string, number>;
    trainExamples: number;
    heldBackExamples: number;
  };
  evaluation: {
    heldBack: HeldBackEvaluation;
    /** ECE of the cross-fitted predictions the temperature was fitted on. */
    crossFitEce: number | null;
    crossFitAccuracy: number | null;
  };
}

function encodeVarints(sortedIds: Uint32Array): string {
  const bytes: number[] = [];
  let prev = 0;
  for (const id of sortedIds) {
    let d = id - prev;
    prev = id;
    while (d >= 0x80) {
      bytes.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    bytes.push(d);
  }
  return Buffer.from(bytes).toString('base64');
}

function decodeVarints(b64: string): Uint32Array {
  const bytes = Buffer.from(b64, 'base64');
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i < bytes.length; ) {
    let d = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[i++]!;
      d += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    prev += d;
    out.push(prev);
  }
  return Uint32Array.from(out);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function encodeModel(m: PackedModel): IntentModelArtifact['model'] {
  return {
    buckets: encodeVarints(m.buckets),
    weights: Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength).toString('base64'),
    scales: Array.from(m.scales, round6),
    bias: Array.from(m.bias, round6),
  };
}

export function decodeModel(a: IntentModelArtifact): PackedModel {
  const classes = a.intents.length;
  const buckets = decodeVarints(a.model.buckets);
  const raw = Buffer.from(a.model.weights, 'base64');
  const weights = new Int8Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  if (weights.length !== buckets.length * classes) {
    throw new Error(`intent model is corrupt: ${weights.length} weights for ${buckets.length} buckets x ${classes} intents`);
  }
  return { classes, buckets, weights, scales: Float32Array.from(a.model.scales), bias: Float32Array.from(a.model.bias) };
}

/** Rounded packed model, as inference will see it after a save/load round trip. */
export function roundTrip(m: PackedModel): PackedModel {
  return { ...m, scales: Float32Array.from(m.scales, round6), bias: Float32Array.from(m.bias, round6) };
}
