/**
 * The intent model at run time: load an artifact, predict calibrated intent probabilities.
 * The shipped artifact is connector/model/intent-model.json; tenant models have the same format.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ARTIFACT_FORMAT, decodeModel, type IntentModelArtifact } from './artifact.js';
import { featurize, FeatureScratch, wordBucket } from './features.js';
import { logitScratch, logitsOf, softmaxInPlace, type LogitScratch, type PackedModel } from './softmax-regression.js';
import { RowIndex } from './row-index.js';
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
  private readonly rowIndex: RowIndex;
  /** Features and class scores of the message being predicted, reused by the next one. */
  private readonly features = new FeatureScratch();
  private readonly logits: LogitScratch;

  constructor(readonly artifact: IntentModelArtifact) {
    if (artifact.format !== ARTIFACT_FORMAT) {
      throw new Error(`unsupported intent model format "${String(artifact.format)}" (expected ${ARTIFACT_FORMAT})`);
    }
    this.intents = artifact.intents;
    this.temperature = artifact.temperature;
    this.packed = decodeModel(artifact);
    this.rowIndex = new RowIndex(this.packed.buckets, artifact.features.hashBits);
    this.logits = logitScratch(this.packed.classes);
  }

  /** Predict from text already cleaned of quotes and signatures. */
  predict(cleanText: string, tokens: Token[] = tokenize(cleanText)): IntentPrediction {
    const z = this.logitsFor(cleanText, tokens);
    const probs = softmaxInPlace(z, this.temperature);
    const ranked = this.intents
      .map((intent, i) => ({ intent, probability: probs[i]! }))
      .sort((a, b) => b.probability - a.probability);
    return { intent: ranked[0]!.intent, confidence: ranked[0]!.probability, ranked };
  }

  /** Raw class scores of these tokens, in the scratch buffers: read them before the next call. */
  private logitsFor(text: string, tokens: Token[]): Float64Array {
    return logitsOf(this.packed, featurize(text, this.artifact.features, tokens, this.features), this.rowIndex, this.logits);
  }

  /**
   * Share of the message's content words that speak for `intent` in the model (a positive
   * weight for it). The abstention check: "how do I knit a scarf" reads as how_to on "how do I",
   * yet "knit" and "scarf" say nothing for how_to, so the message lies off the intent's ground
   * whatever the softmax says. Measured against two other checks (a word-only view of the
   * model and the share of words seen at all) on the dev sets; this one separated best.
   * Share is 1 when the message has no content words (the confidence rule decides those).
   */
  support(tokens: Token[], intent: string): Support {
    const c = this.intents.indexOf(intent);
    if (c < 0) return { share: 0, words: 0, content: 0, unfamiliar: 0, silent: 0 };
    const { weights, classes } = this.packed;
    const bits = this.artifact.features.hashBits;
    let content = 0;
    let speaking = 0;
    let unfamiliar = 0;
    let silent = 0;
    for (const t of tokens) {
      if (!isContentWord(t.word)) continue;
      content++;
      const r = this.rowIndex.row(wordBucket(t.stem, bits));
      if (r >= 0 ? weights[r * classes + c]! > 0 : this.spellingSpeaksFor(t, c)) speaking++;
      else if (r >= 0) silent++;
      else if (!this.oneSlipFromWordFor(t.word, c)) {
        unfamiliar++;
        silent++;
      }
    }
    return { share: content === 0 ? 1 : speaking / content, words: speaking, content, unfamiliar, silent };
  }

  /**
   * A word the model never saw ("pasword", "gherkins") speaks for the intent when its letters
   * alone (the character n-grams) make the model pick that intent: typos of known words do,
   * words from another business's world do not.
   */
  private spellingSpeaksFor(token: Token, c: number): boolean {
    const z = this.logitsFor(token.word, [token]);
    let best = 0;
    for (let k = 1; k < z.length; k++) if (z[k]! > z[best]!) best = k;
    return best === c;
  }

  /**
   * "bracode" is "barcode" with two letters swapped, "stoock" is "stock" with one too many: a
   * word one dropped or swapped letter away from a word that speaks for the intent is a typo
   * of it, not a topic from elsewhere. (Inserted or replaced letters are not tried: with hashed
   * features, that many variants would find a colliding bucket for almost any word.)
   */
  private oneSlipFromWordFor(word: string, c: number): boolean {
    if (word.length < 4) return false;
    const { weights, classes } = this.packed;
    const bits = this.artifact.features.hashBits;
    const speaks = (v: string) => {
      const r = this.rowIndex.row(wordBucket(stemOf(v), bits));
      return r >= 0 && weights[r * classes + c]! > 0;
    };
    for (let i = 0; i < word.length; i++) if (speaks(word.slice(0, i) + word.slice(i + 1))) return true;
    for (let i = 0; i + 1 < word.length; i++) if (speaks(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))) return true;
    return false;
  }

  /** Has the model seen this word in training? (Used to tell terse English from other languages.) */
  knowsWord(word: string): boolean {
    return this.rowIndex.row(wordBucket(stemOf(word.toLowerCase()), this.artifact.features.hashBits)) >= 0;
  }
}

/**
 * How a message stands to one intent in the model. `unfamiliar`: content words the model never
 * saw whose spelling does not speak for the intent either ("gherkins" for how_to): words from a
 * world the corpus never covered, not typos of its own words.
 */
export interface Support {
  share: number;
  words: number;
  content: number;
  unfamiliar: number;
  /**
   * Content words that say nothing for the intent: known words the intent gives no weight
   * ("phone" for how_to: the model learned it from lockouts and 2FA), and unfamiliar ones.
   * Typos of the intent's own words are not silent.
   */
  silent: number;
}

/** Function words carry no topic: they never count for or against a message's support. */
const FUNCTION_WORDS = new Set(
  ('i me my mine we us our you your it its is am are was were be been being the a an to of in on at for from by with about ' +
    'and or but if so as than then that this these those there here what when where why who whom which how do does did done ' +
    'can could would will shall should may might must have has had not no yes please hi hello hey thanks thank get got just ' +
    'also any some all very really still yet again now up out into over')
    .split(' '),
);
const DIGIT = /\d/;
const isContentWord = (w: string) => w.length > 1 && !FUNCTION_WORDS.has(w) && !DIGIT.test(w);

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
