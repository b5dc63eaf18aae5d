/**
 * `baton classify [FILE]`: triage tickets from JSONL (a file, or stdin) and print one JSON
 * line per ticket. Bad lines print an error line and make the exit code 1 at the end,
 * without stopping the rest. The logic lives in triage/classify so it is testable alone.
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { loadPolicy } from '../../triage/policy/load.js';
import { classifyLines } from '../../triage/classify/classify-stream.js';
import { createTriageEngine } from '../../triage/engine/create-engine.js';

interface ClassifyFlags {
  policy?: string;
  engine: string;
  tenant: string;
  modelsDir: string;
  concurrency?: string;
}

/** stdout with back-pressure: wait for 'drain' instead of buffering thousands of lines. */
function writeStdout(line: string): void | Promise<void> {
  if (!process.stdout.write(line)) return once(process.stdout, 'drain').then(() => undefined);
}

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('triage tickets from JSONL (file or stdin) and print one JSON decision per line')
    .argument('[file]', 'JSONL file; stdin when omitted or "-"')
    .option('--policy <file>', 'triage policy YAML (default: BATON_POLICY_PATH or the shipped policy)')
    .option('--engine <engine>', 'local or openai (default: BATON_ENGINE or local)', process.env.BATON_ENGINE ?? 'local')
    .option('--tenant <id>', 'tenant whose trained model to use, if it has one', 'cli')
    .option('--models-dir <dir>', 'per-tenant models directory', process.env.BATON_MODELS_DIR ?? './data/models')
    .option('--concurrency <n>', 'decisions in flight at once (default 1 for local, 8 for openai)')
    .action(async (file: string | undefined, flags: ClassifyFlags) => {
      if (flags.engine !== 'local' && flags.engine !== 'openai') throw new Error(`--engine: expected local or openai, got "${flags.engine}"`);
      const policy = loadPolicy(flags.policy ?? process.env.BATON_POLICY_PATH ?? undefined);
      const triage = createTriageEngine(policy, {
        engine: flags.engine,
        modelsDir: flags.modelsDir,
        openai: {
          apiKey: process.env.OPENAI_API_KEY,
          baseURL: process.env.OPENAI_BASE_URL,
          model: process.env.OPENAI_MODEL,
          timeoutMs: process.env.BATON_OPENAI_TIMEOUT_MS ? Number(process.env.BATON_OPENAI_TIMEOUT_MS) : undefined,
        },
      });
      const concurrency = flags.concurrency ? Number(flags.concurrency) : flags.engine === 'openai' ? 8 : 1;
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency: expected a whole number of 1 or more, got "${flags.concurrency}"`);
      const input = file && file !== '-' ? createReadStream(file, 'utf8') : process.stdin;
      const lines = createInterface({ input, crlfDelay: Infinity });
      const summary = await classifyLines(lines, triage, writeStdout, { concurrency, tenantId: flags.tenant });
      process.stderr.write(`classified ${summary.ok + summary.failed} tickets: ${summary.ok} ok, ${summary.failed} failed\n`);
      if (summary.failed > 0) process.exitCode = 1;
    });
}
