/**
 * One fresh process for the local-engine rows of bench/triage.ts: builds the engine, times the
 * first 3,000 decisions after 50 warm-up ones ("after start"), then, unless `--after-start-only`,
 * the same 3,000 again after a whole pass ("steady state"). Prints one JSON line. A process of
 * its own each time, so "after start" is what a connector that has just started sees, and the
 * parent can run it under the Node options it wants to compare.
 */
import { loadIntentModel } from '../connector/src/triage/model/intent-model.js';
import { loadPolicy } from '../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../connector/src/triage/engine/local.js';
import { corpusInputs, retainedMb, timeDecisions, type Timing } from './triage-timing.js';

export interface EngineChildResult {
  memoryMb: number;
  afterStart: Timing;
  steadyState?: Timing;
}

const policy = loadPolicy();
// A model of its own (not the shared cached one), so its whole cost is counted.
const { value: local, mb } = retainedMb(() => createLocalTriage(policy, { model: loadIntentModel() }));
const items = corpusInputs(3000);
const result: EngineChildResult = { memoryMb: mb, afterStart: await timeDecisions(local, items, 1, 50) };
if (!process.argv.includes('--after-start-only')) result.steadyState = await timeDecisions(local, items, 1, items.length);
console.log(JSON.stringify(result));
