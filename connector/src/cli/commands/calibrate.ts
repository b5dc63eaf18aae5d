/**
 * `baton calibrate`: per-intent error rates from agents' flags, and the threshold changes
 * they support, with the expected effect on automation rate and precision. --write puts the
 * changes into the policy YAML (comments kept), validated before and after writing.
 */
import type { Command } from 'commander';
import { positiveNumber, rangeFromFlags } from '../../admin/cli-support.js';
import { loadLabelledAttempts } from '../../admin/calibration/labelled-attempts.js';
import { recommendThresholds } from '../../admin/calibration/recommend.js';
import { renderCalibration } from '../../admin/calibration/render.js';
import { writeThresholds } from '../../admin/calibration/write-thresholds.js';
import { BatonError } from '../../errors.js';
import type { Store } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { loadPolicy } from '../../triage/index.js';
import { storeFromEnv } from '../runtime.js';

interface CalibrateFlags {
  policy?: string;
  tenant?: string;
  days?: string;
  from?: string;
  to?: string;
  targetPrecision?: string;
  minFlags?: string;
  write?: boolean;
  json?: boolean;
}

export interface CalibrateDeps {
  store?: Store;
  out?: (text: string) => void;
}

export function registerCalibrate(program: Command, deps: CalibrateDeps = {}): void {
  program
    .command('calibrate')
    .description("recommend per-intent confidence thresholds from agents' flags (--write to apply them to the policy)")
    .option('--policy <file>', 'policy YAML to read (and write with --write); default BATON_POLICY_PATH or the shipped policy')
    .option('--tenant <id>', 'only this tenant’s decisions and flags (default: all)')
    .option('--days <n>', 'decisions of the last N days', '90')
    .option('--from <date>', 'start instead of --days')
    .option('--to <date>', 'end, exclusive (default now)')
    .option('--target-precision <p>', 'share of automated answers that must be right', '0.95')
    .option('--min-flags <n>', 'flags an intent needs before its threshold changes', '3')
    .option('--write', 'write the recommended thresholds into the policy file')
    .option('--json', 'print the recommendation as JSON')
    .action(async (flags: CalibrateFlags) => {
      const out = deps.out ?? ((text: string) => process.stdout.write(text));
      const policyPath = flags.policy ?? process.env.BATON_POLICY_PATH;
      if (flags.write && !policyPath) {
        throw new BatonError('BAD_REQUEST', '--write needs the policy file to change: pass --policy <file> or set BATON_POLICY_PATH (the shipped defaults are not edited in place).');
      }
      const target = positiveNumber(flags.targetPrecision, '--target-precision', 0.95);
      if (target > 1) throw new BatonError('BAD_REQUEST', `--target-precision: expected a share between 0 and 1, got ${target}`);
      const policy = loadPolicy(policyPath);
      const store = deps.store ?? storeFromEnv();
      try {
        await migrate(store);
        const range = rangeFromFlags(flags, positiveNumber(flags.days, '--days', 90));
        const attempts = await loadLabelledAttempts(store, { ...range, tenantId: flags.tenant });
        const report = recommendThresholds(policy, attempts, { targetPrecision: target, minFlags: positiveNumber(flags.minFlags, '--min-flags', 3) });
        out(flags.json ? JSON.stringify(report, null, 2) + '\n' : renderCalibration(report));
        if (flags.write) {
          if (report.changes.length === 0) {
            out('Nothing to write.\n');
          } else {
            await writeThresholds(policyPath!, report.changes);
            out(`Wrote ${report.changes.length} threshold(s) to ${policyPath}; it validates. Restart or reload the connector to use them.\n`);
          }
        }
      } finally {
        if (!deps.store) await store.close();
      }
    });
}
