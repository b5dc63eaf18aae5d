/**
 * `baton calibrate` on real stores: the recommendation follows the agents' flags (none: keep;
 * confirmed unneeded escalations: lower; wrong automated answers: raise), and --write puts it
 * into the policy YAML with the comments kept. Also the weekly review of escalations.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weeklyReview } from '../../connector/src/admin/calibration/weekly-review.js';
import type { CalibrationReport } from '../../connector/src/admin/calibration/recommend.js';
import { registerCalibrate } from '../../connector/src/cli/commands/calibrate.js';
import { DEFAULT_POLICY_PATH, loadPolicy } from '../../connector/src/triage/index.js';
import { BACKENDS, type TestStore } from '../helpers/stores.js';
import { insertAttempt, insertFlag } from './records.js';

describe.each(BACKENDS)('calibration on %s', (_name, makeStore) => {
  let db: TestStore;
  let policyFile: string;
  const automated = new Map<number, number>(); // confidence*100 -> attempt id
  const escalated = new Map<number, number>();

  beforeAll(async () => {
    db = await makeStore();
    policyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-cal-')), 'policy.yaml');
    copyFileSync(DEFAULT_POLICY_PATH, policyFile);
    // password_reset (threshold 0.85): 12 answers from 0.86 to 0.97, 6 low-confidence escalations from 0.79 to 0.84,
    // and 2 escalations for a keyword trigger that no threshold would change.
    for (let c = 86; c <= 97; c++) automated.set(c, await insertAttempt(db.store, { intent: 'password_reset', confidence: c / 100, action: 'automate' }));
    for (let c = 79; c <= 84; c++) escalated.set(c, await insertAttempt(db.store, { intent: 'password_reset', confidence: c / 100, action: 'handoff' }));
    for (let i = 0; i < 2; i++) {
      const id = await insertAttempt(db.store, { intent: 'password_reset', confidence: 0.95, action: 'handoff', reasons: ['trigger_frustrated'] });
      await insertFlag(db.store, { attemptId: id, kind: 'should_have_automated' });
    }
  });
  afterAll(async () => db?.cleanup());

  async function calibrate(...args: string[]): Promise<{ report: CalibrationReport; text: string }> {
    const out: string[] = [];
    const program = new Command().exitOverride();
    registerCalibrate(program, { store: db.store, out: (t) => out.push(t) });
    await program.parseAsync(['node', 'baton', 'calibrate', '--policy', policyFile, '--json', ...args]);
    const json = out[0]!;
    return { report: JSON.parse(json) as CalibrationReport, text: out.slice(1).join('') };
  }
  const passwordReset = (r: CalibrationReport) => r.intents.find((i) => i.intent === 'password_reset')!;

  it('keeps the threshold when agents flagged nothing a threshold decides', async () => {
    const { report } = await calibrate();
    const pr = passwordReset(report);
    expect(pr.recommendation).toMatchObject({ action: 'keep', threshold: 0.85 });
    expect(pr.notFixableByThreshold).toEqual({ trigger_frustrated: 2 });
    expect(report.changes).toEqual([]);
  });

  it('lowers it as far as agents confirmed that escalations were not needed', async () => {
    for (const c of [81, 82, 83, 84]) await insertFlag(db.store, { attemptId: escalated.get(c)!, kind: 'should_have_automated' });
    const pr = passwordReset((await calibrate()).report);
    expect(pr.recommendation).toMatchObject({ action: 'lower', threshold: 0.81 });
    expect(pr.recommendation.now).toMatchObject({ automated: 12, precision: 1 });
    expect(pr.recommendation.then).toMatchObject({ automated: 16, precision: 1 });
    expect(pr.recommendation.then.automationRate).toBeGreaterThan(pr.recommendation.now.automationRate!);
    expect(pr.errorRates.unneededEscalation).toBeCloseTo(6 / 8);
  });

  it('raises it when automated answers were flagged wrong, and --write puts it in the policy with comments kept', async () => {
    for (const c of [86, 87, 88]) await insertFlag(db.store, { attemptId: automated.get(c)!, kind: 'wrong_answer' });
    const before = readFileSync(policyFile, 'utf8');
    const { report, text } = await calibrate('--write');
    const pr = passwordReset(report);
    expect(pr.recommendation).toMatchObject({ action: 'raise', threshold: 0.89 });
    expect(pr.recommendation.now.precision).toBeCloseTo(9 / 12);
    expect(pr.recommendation.then).toMatchObject({ automated: 9, precision: 1 });
    expect(pr.errorRates.wrongAnswer).toBeCloseTo(3 / 12);
    expect(report.changes).toEqual([{ intent: 'password_reset', from: 0.85, to: 0.89 }]);
    expect(text).toMatch(/Wrote 1 threshold/);

    const after = readFileSync(policyFile, 'utf8');
    expect(loadPolicy(policyFile).intents.password_reset!.threshold).toBe(0.89);
    expect(after).toContain('# "0.85" means: automate only when the model is right at least 85% of the time at this score.');
    // Only password_reset's threshold changed: its rule gained (or rewrote) one line, nothing else moved.
    const b = before.split('\n');
    const a = after.split('\n');
    const gained = a.filter((line) => !b.includes(line));
    expect(gained).toHaveLength(1);
    expect(gained[0]).toMatch(/threshold: 0\.89/);
    const at = a.indexOf(gained[0]!);
    expect(a.slice(0, at).reverse().find((line) => /^ {2}\w/.test(line))).toMatch(/^ {2}password_reset:/);
    expect(a.length - b.length).toBeLessThanOrEqual(1);

    // Calibrating again from the new threshold finds nothing more to change.
    expect(passwordReset((await calibrate()).report).recommendation).toMatchObject({ action: 'keep', threshold: 0.89 });
  });

  it('groups the week’s escalations by reason, with examples', async () => {
    const review = await weeklyReview(db.store, { week: Date.now() - 60_000 }); // when the decisions were recorded
    expect(review.escalations).toBe(8);
    expect(review.groups.map((g) => [g.reason, g.escalations])).toEqual([
      ['low_confidence', 6],
      ['trigger_frustrated', 2],
    ]);
    expect(review.groups[0]!.examples).toHaveLength(3);
    expect(review.groups[0]!.examples[0]).toMatchObject({ intent: 'password_reset', reason: 'because low_confidence' });
    expect(review.flags).toMatchObject({ should_have_automated: 6, wrong_answer: 3 });
  });
});
