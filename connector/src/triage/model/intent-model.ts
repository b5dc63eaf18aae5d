/**
 * The intent model at run time: load an artifact, predict calibrated intent probabilities.
 * The shipped artifact is connector/model/intent-model.json; tenant models have the same format.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ARTIFACT_FORMAT, decodeModel, type IntentModelArtifact } from './artifact.js';
import { featurize, wordBucket } from './features.js';
import { buildRowIndex, logitsOf, softmaxInPlace, type PackedModel } from './softmax-regression.js';
import { stemOf, tokenize, type Token } from '../text/tokens.js';

export const SHIPPED_MODEL_PATH = fileURLToPath(new URL('../../../model/intent-model.json', import.meta.url));

export interface IntentScore {
  intent: string;
  probability: number;
}

export interface IntentPrediction {
  intent: string;
  /** Calibrated probability of `intent`. */
  confidence: number;
  /** All intents, most probable first. */
  ranked: IntentScore[];
}

export class IntentModel {
  readonly intents: string[];
  readonly temperature: number;
  private readonly packed: PackedModel;
  private readonly rowIndex: Int32Array;

  constructor(readonly artifact: IntentModelArtifact) {
    if (artifact.format !== ARTIFACT_FORMAT) {
      throw new Error(`unsupported intent model format "${String(artifact.format)}" (expected ${ARTIFACT_FORMAT})`);
    }
    this.intents = artifact.intents;
    this.temperature = artifact.temperature;
    this.packed = decodeModel(artifact);
    this.rowIndex = buildRowIndex(this.packed, artifact.features.hashBits);
  }

  /** Predict from text already cleaned of quotes and signatures. */
  predict(cleanText: string, tokens: Token[] = tokenize(cleanText)): IntentPrediction {
    const z = logitsOf(this.packed, featurize(cleanText, this.artifact.features, tokens), this.rowIndex);
    const probs = softmaxInPlace(z, this.temperature);
    const ranked = this.intents
      .map((intent, i) => ({ intent, probability: probs[i]! }))
      .sort((a, b) => b.probability - a.probability);
    return { intent: ranked[0]!.intent, confidence: ranked[0]!.probability, ranked };
  }

  /** Has the model seen this word in training? (Used to tell terse English from other languages.) */
  knowsWord(word: string): boolean {
    return this.rowIndex[wordBucket(stemOf(word.toLowerCase()), this.artifact.features.hashBits)]! >= 0;
  }
}

export function loadIntentModel(path: string = SHIPPED_MODEL_PATH): IntentModel {
  let artifact: IntentModelArtifact;
  try {
    artifact = JSON.parse(readFileSync(path, 'utf8')) as IntentModelArtifact;
  } catch (err) {
    throw new Error(`cannot read intent model ${path}: ${(err as Error).message} (run: npx tsx scripts/train-model.ts)`, { cause: err });
  }
  return new IntentModel(artifact);
}

let shipped: IntentModel | undefined;
/** The shipped model, loaded once. */
export function shippedIntentModel(): IntentModel {
  shipped ??= loadIntentModel();
  return shipped;
}
