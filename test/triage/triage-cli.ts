/**
 * The triage CLI commands on their own, for tests that run them in a child process
 * exactly as `baton classify` / `baton train` run them (the CLI main registers the same).
 */
import { Command } from 'commander';
import { registerClassify } from '../../connector/src/cli/commands/classify.js';
import { registerTrain } from '../../connector/src/cli/commands/train.js';

const program = new Command('baton').exitOverride();
registerClassify(program);
registerTrain(program);
program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`baton: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
