/**
 * Train the shipped intent model from connector/corpus/*.jsonl into
 * connector/model/intent-model.json (committed). Deterministic: the same corpus gives the
 * same file. `--check` only compares and exits 1 when the committed file is out of date.
 *
 *   npx tsx scripts/train-model.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildShippedModel, serializeArtifact } from '../connector/src/triage/model/build-shipped.js';
import { SHIPPED_MODEL_PATH } from '../connector/src/triage/model/intent-model.js';

const check = process.argv.includes('--check');
const started = Date.now();
const { artifact, missingIntents, problems } = buildShippedModel();
const text = serializeArtifact(artifact);
for (const p of problems) console.warn(`skipped ${p.file}:${p.line}: ${p.problem}`);
if (missingIntents.length) console.warn(`no examples yet for: ${missingIntents.join(', ')}`);
const ev = artifact.evaluation;
console.log(
  `trained on ${artifact.data.trainExamples} examples (${artifact.intents.length} intents), held back ${artifact.data.heldBackExamples}; ` +
    `held-back accuracy ${ev.heldBack.accuracy}, ECE ${ev.heldBack.ece} (uncalibrated ${ev.heldBack.eceUncalibrated}), ` +
    `temperature ${artifact.temperature}, ${Math.round(text.length / 1024)} KB, ${Date.now() - started} ms`,
);
if (check) {
  let current = '';
  try {
    current = readFileSync(SHIPPED_MODEL_PATH, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (current !== text) {
    console.error(`${SHIPPED_MODEL_PATH} is out of date: run npx tsx scripts/train-model.ts`);
    process.exit(1);
  }
  console.log('intent model is up to date');
} else {
  writeFileSync(SHIPPED_MODEL_PATH, text);
  console.log(`wrote ${SHIPPED_MODEL_PATH}`);
}
