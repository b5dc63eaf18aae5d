/**
 * Labelled texts -> calibrated intent model artifact.
 *
 *  1. A hash split holds back `testShare` of the examples; they are only ever predicted,
 *     never trained or calibrated on, and give the accuracy and ECE recorded in the artifact.
 *  2. Cross-fitting on the rest: k models, each trained without one fold, predict that fold.
 *     The temperature is fitted on these out-of-fold predictions, so calibration too only
 *     looks at texts the predicting model had not seen.
 *  3. The shipped model is trained on all non-held-back examples and uses that temperature.
 */
import { cleanMessage } from '../text/clean-message.js';
import { ARTIFACT_FORMAT, encodeModel, roundTrip, type HeldBackEvaluation, type IntentModelArtifact } from './artifact.js';
import { expectedCalibrationError, fitTemperature, topOf, type ScoredPrediction } from './calibration.js';
import { corpusDigest, foldOf, isHeldBack, type LabelledText } from './corpus.js';
import { DEFAULT_FEATURES, featurize, type FeatureConfig, type SparseVector } from './features.js';
import { DEFAULT_TRAIN, logitsOf, trainPacked, type TrainOptions } from './softmax-regression.js';

export interface FitOptions {
  /** Intent order in the model; defaults to the sorted intents of the examples. */
  intents?: string[];
  features?: FeatureConfig;
  train?: TrainOptions;
  folds?: number;
  testShare?: number;
  /** Words for the artifact: where the examples came from. */
  source: string;
}

interface Prepared {
  vector: SparseVector;
  label: number;
  text: string;
}

function evaluate(preds: ScoredPrediction[], temperature: number, intents: string[]): HeldBackEvaluation {
  const perIntent: HeldBackEvaluation['perIntent'] = {};
  for (const name of intents) perIntent[name] = { count: 0, accuracy: null };
  const hits = new Map<string, number>();
  const calibrated = preds.map((p) => {
    const top = topOf(p.logits, temperature);
    const name = intents[p.label]!;
    const correct = top.index === p.label;
    perIntent[name]!.count++;
    hits.set(name, (hits.get(name) ?? 0) + (correct ? 1 : 0));
    return { confidence: top.probability, correct };
  });
  for (const name of intents) {
    const s = perIntent[name]!;
    s.accuracy = s.count ? Math.round(((hits.get(name) ?? 0) / s.count) * 1e4) / 1e4 : null;
  }
  const raw = preds.map((p) => {
    const top = topOf(p.logits, 1);
    return { confidence: top.probability, correct: top.index === p.label };
  });
  const cal = expectedCalibrationError(calibrated);
  const correct = calibrated.filter((c) => c.correct).length;
  return {
    count: preds.length,
    accuracy: preds.length ? Math.round((correct / preds.length) * 1e4) / 1e4 : null,
    ece: preds.length ? cal.ece : null,
    eceUncalibrated: preds.length ? expectedCalibrationError(raw).ece : null,
    bins: cal.bins,
    perIntent,
  };
}

export function fitIntentModel(examples: LabelledText[], opts: FitOptions): IntentModelArtifact {
  const features = opts.features ?? DEFAULT_FEATURES;
  const train = opts.train ?? DEFAULT_TRAIN;
  const folds = opts.folds ?? 5;
  const testShare = opts.testShare ?? 0.15;
  const intents = opts.intents ?? [...new Set(examples.map((e) => e.intent))].sort();
  const labelOf = new Map(intents.map((name, i) => [name, i]));
  const prepared: Prepared[] = [];
  for (const e of examples) {
    const label = labelOf.get(e.intent);
    if (label === undefined) continue;
    prepared.push({ vector: featurize(cleanMessage(e.text), features), label, text: e.text });
  }
  const heldBack = prepared.filter((p) => isHeldBack(p.text, testShare));
  const pool = prepared.filter((p) => !isHeldBack(p.text, testShare));
  if (pool.length === 0) throw new Error('no training examples left after holding back the test share');

  const outOfFold: ScoredPrediction[] = [];
  for (let k = 0; k < folds; k++) {
    const fitPart = pool.filter((p) => foldOf(p.text, folds) !== k);
    const predictPart = pool.filter((p) => foldOf(p.text, folds) === k);
    if (fitPart.length === 0 || predictPart.length === 0) continue;
    const foldModel = roundTrip(trainPacked(fitPart.map((p) => p.vector), fitPart.map((p) => p.label), intents.length, train));
    for (const p of predictPart) outOfFold.push({ logits: logitsOf(foldModel, p.vector), label: p.label });
  }
  const temperature = fitTemperature(outOfFold);
  const crossFit = evaluate(outOfFold, temperature, intents);

  const model = roundTrip(trainPacked(pool.map((p) => p.vector), pool.map((p) => p.label), intents.length, train));
  const heldBackEval = evaluate(
    heldBack.map((p) => ({ logits: logitsOf(model, p.vector), label: p.label })),
    temperature,
    intents,
  );

  const examplesPerIntent: Record<string, number> = {};
  for (const name of intents) examplesPerIntent[name] = 0;
  for (const p of prepared) examplesPerIntent[intents[p.label]!]!++;
  return {
    format: ARTIFACT_FORMAT,
    intents,
    features,
    training: { ...train, folds, testShare },
    temperature,
    model: encodeModel(model),
    data: {
      source: opts.source,
      digest: corpusDigest(examples.filter((e) => labelOf.has(e.intent))),
      examplesPerIntent,
      trainExamples: pool.length,
      heldBackExamples: heldBack.length,
    },
    evaluation: { heldBack: heldBackEval, crossFitEce: crossFit.ece, crossFitAccuracy: crossFit.accuracy },
  };
}
