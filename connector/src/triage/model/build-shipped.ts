/**
 * Build the shipped intent model from the project's corpus. Shared by
 * scripts/train-model.ts (writes it) and the test that checks the committed file is current.
 */
import { loadPolicy } from '../policy/load.js';
import type { IntentModelArtifact } from './artifact.js';
import { DEFAULT_CORPUS_DIR, readCorpus, type CorpusProblem } from './corpus.js';
import { fitIntentModel } from './fit.js';

export interface ShippedBuild {
  artifact: IntentModelArtifact;
  /** Policy intents with no examples yet (left out of the model). */
  missingIntents: string[];
  problems: CorpusProblem[];
}

export function buildShippedModel(corpusDir: string = DEFAULT_CORPUS_DIR): ShippedBuild {
  const policyIntents = Object.keys(loadPolicy().intents);
  const { examples, problems } = readCorpus(corpusDir);
  const present = new Set(examples.map((e) => e.intent));
  const intents = policyIntents.filter((i) => present.has(i));
  const artifact = fitIntentModel(examples, { intents, source: 'connector/corpus' });
  return { artifact, missingIntents: policyIntents.filter((i) => !present.has(i)), problems };
}

/** The artifact as written to disk (stable key order, trailing newline). */
export function serializeArtifact(a: IntentModelArtifact): string {
  return `${JSON.stringify(a)}\n`;
}
