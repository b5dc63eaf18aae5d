import type { Command } from 'commander';
import { runDemo } from '../../demo/run-demo.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('the overnight demo: a sandbox helpdesk, the connector on SQLite, 500 tickets, and a summary')
    .option('--report <file>', 'write every ticket’s outcome as JSON')
    .option('--count <n>', 'number of tickets (default 500)')
    .option('--seed <n>', 'seed of the generated inbox')
    .option('--database <path>', 'SQLite file for the demo', './data/demo.db')
    .action(async (opts: { report?: string; count?: string; seed?: string; database: string }) => {
      await runDemo({
        report: opts.report,
        count: opts.count ? Number(opts.count) : undefined,
        seed: opts.seed ? Number(opts.seed) : undefined,
        sqlitePath: opts.database,
      });
    });
}
