/**
 * Writes test/triage/golden/decisions.jsonl: the local engine's decision on a fixed set of
 * inputs (test/triage/golden/inputs.ts), which test/triage/golden.test.ts compares against.
 * The file pins behaviour while the engine's code is made faster or reorganised.
 *
 *   npx tsx scripts/triage-golden.ts
 *
 * Re-run it only when the decisions are meant to change (corpus, model, policy, a signal's
 * rules), and read the diff: every changed line is a message decided differently.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPolicy } from '../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../connector/src/triage/engine/local.js';
import { goldenInputs } from '../test/triage/golden/inputs.js';
import { GOLDEN_FILE, goldenLine } from '../test/triage/golden/record.js';

const triage = createLocalTriage(loadPolicy());
const lines: string[] = [];
for (const { key, input } of goldenInputs()) lines.push(goldenLine(key, await triage.decide(input)));
writeFileSync(GOLDEN_FILE, `${lines.join('\n')}\n`);
console.log(`${lines.length} decisions written to ${fileURLToPath(GOLDEN_FILE)}`);
