import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { decodeModel, encodeModel } from '../../connector/src/triage/model/artifact.js';
import { buildShippedModel, serializeArtifact } from '../../connector/src/triage/model/build-shipped.js';
import { expectedCalibrationError, fitTemperature, topOf } from '../../connector/src/triage/model/calibration.js';
import { isHeldBack } from '../../connector/src/triage/model/corpus.js';
import { featurize } from '../../connector/src/triage/model/features.js';
import { SHIPPED_MODEL_PATH, shippedIntentModel } from '../../connector/src/triage/model/intent-model.js';
import { seededRandom, trainPacked } from '../../connector/src/triage/model/softmax-regression.js';

describe('shipped intent model artifact', () => {
  const model = shippedIntentModel();
  const a = model.artifact;

  it('covers only policy intents and records its calibration on held-back examples', () => {
    const policyIntents = Object.keys(loadPolicy().intents);
    expect(a.intents.every((i) => policyIntents.includes(i))).toBe(true);
    expect(a.temperature).toBeGreaterThan(0);
    expect(a.data.heldBackExamples).toBeGreaterThan(0);
    const ev = a.evaluation.heldBack;
    expect(ev.count).toBe(a.data.heldBackExamples);
    expect(ev.ece).toBeGreaterThanOrEqual(0);
    expect(ev.ece).toBeLessThan(1);
    expect(ev.eceUncalibrated).not.toBeNull();
    expect(ev.bins).toHaveLength(10);
    expect(ev.bins.reduce((n, b) => n + b.count, 0)).toBe(ev.count);
  });

  it('is up to date with connector/corpus (re-trains and compares bytes)', () => {
    const { artifact } = buildShippedModel();
    const committed = readFileSync(SHIPPED_MODEL_PATH, 'utf8');
    // On failure: npx tsx scripts/train-model.ts
    expect(serializeArtifact(artifact) === committed, 'connector/model/intent-model.json is stale: run npx tsx scripts/train-model.ts').toBe(true);
  }, 120_000); // a full re-train of the corpus in every language: ~25 s alone, more on a shared machine

  it('returns probabilities that sum to 1 with the winner first', () => {
    const p = model.predict('where is my parcel');
    const total = p.ranked.reduce((s, r) => s + r.probability, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(p.ranked[0]!.intent).toBe(p.intent);
    expect(p.ranked[0]!.probability).toBe(p.confidence);
  });
});

describe('calibration', () => {
  it('computes ECE as the size-weighted gap between confidence and accuracy', () => {
    // 10 predictions at 0.9 with 6 right: gap 0.3 in one bin holding everything.
    const points = Array.from({ length: 10 }, (_, i) => ({ confidence: 0.9, correct: i < 6 }));
    expect(expectedCalibrationError(points).ece).toBeCloseTo(0.3, 6);
  });

  it('fits a temperature above 1 for an over-confident model and lowers its ECE', () => {
    const rand = seededRandom(7);
    const preds = Array.from({ length: 400 }, () => {
      const label = Math.floor(rand() * 3);
      const guess = rand() < 0.7 ? label : (label + 1) % 3; // right 70% of the time...
      const logits = new Float64Array(3);
      logits[guess] = 6; // ...but always ~99% sure
      return { logits, label };
    });
    const t = fitTemperature(preds);
    expect(t).toBeGreaterThan(1);
    const ece = (temp: number) =>
      expectedCalibrationError(preds.map((p) => ({ confidence: topOf(p.logits, temp).probability, correct: topOf(p.logits, temp).index === p.label }))).ece;
    expect(ece(t)).toBeLessThan(ece(1) / 3);
  });
});

describe('training', () => {
  const texts = [
    ['reset my password please', 0],
    ['forgot password link', 0],
    ['password reset email missing', 0],
    ['where is my order', 1],
    ['order not delivered yet', 1],
    ['track my order shipment', 1],
  ] as const;
  const vectors = texts.map(([t]) => featurize(t));
  const labels = texts.map(([, l]) => l);
  const opts = { epochs: 10, learningRate: 0.3, l2: 1e-4, minDf: 1, pruneBelow: 1, seed: 1 };

  it('is deterministic: the same data gives the same weights', () => {
    const a = encodeModel(trainPacked(vectors, labels, 2, opts));
    const b = encodeModel(trainPacked(vectors, labels, 2, opts));
    expect(a).toEqual(b);
  });

  it('round-trips through the compact encoding', () => {
    const m = trainPacked(vectors, labels, 2, opts);
    const decoded = decodeModel({ intents: ['a', 'b'], model: encodeModel(m) } as never);
    expect(Array.from(decoded.buckets)).toEqual(Array.from(m.buckets));
    expect(Array.from(decoded.weights)).toEqual(Array.from(m.weights));
  });

  it('splits held-back examples by text hash, stable and near the requested share', () => {
    const sample = Array.from({ length: 2000 }, (_, i) => `example message number ${i}`);
    const share = sample.filter((t) => isHeldBack(t)).length / sample.length;
    expect(share).toBeGreaterThan(0.12);
    expect(share).toBeLessThan(0.18);
    expect(sample.map((t) => isHeldBack(t))).toEqual(sample.map((t) => isHeldBack(t)));
  });
});
