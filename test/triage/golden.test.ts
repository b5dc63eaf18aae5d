/**
 * The local engine decides a fixed set of tickets exactly as recorded in golden/decisions.jsonl
 * (written by `npx tsx scripts/triage-golden.ts`). Work on how triage computes (speed, structure)
 * must leave every line as it is; a change meant to alter decisions (corpus, policy, a signal's
 * rules) re-runs the script and shows the changed decisions in its diff.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { goldenInputs } from './golden/inputs.js';
import { GOLDEN_FILE, goldenLine } from './golden/record.js';

describe('local triage against its recorded decisions', () => {
  it('decides every golden input as recorded', async () => {
    const recorded = readFileSync(GOLDEN_FILE, 'utf8').trimEnd().split('\n');
    const triage = createLocalTriage(loadPolicy());
    const now: string[] = [];
    for (const { key, input } of goldenInputs()) now.push(goldenLine(key, await triage.decide(input)));
    const changed = now.filter((line, i) => line !== recorded[i]);
    // Listing the first few changed lines makes a failure readable without the whole file.
    expect(changed.slice(0, 5), `${changed.length} decisions differ; if intended, run npx tsx scripts/triage-golden.ts`).toEqual([]);
    expect(now.length).toBe(recorded.length);
  }, 60_000);
});
