import type { Command } from 'commander';
import { runDemo } from '../../demo/run-demo.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('the overnight demo: a sandbox helpdesk, the connector on SQLite, 500 tickets, and a summary')
    .option('--helpdesk <name>', 'the helpdesk the sandbox speaks: zendesk or freshdesk', 'zendesk')
    .option('--report <file>', 'write every ticket’s outcome as JSON')
    .option('--count <n>', 'number of tickets (default 500)')
    .option('--seed <n>', 'seed of the generated inbox')
    .option('--misses', 'also list every routine ticket that was handed off, with its reason codes')
    .option('--database <path>', 'SQLite file for the demo', './data/demo.db')
    .action(async (opts: { helpdesk: string; report?: string; misses?: boolean; count?: string; seed?: string; database: string }) => {
      if (opts.helpdesk !== 'zendesk' && opts.helpdesk !== 'freshdesk') throw new Error(`--helpdesk must be zendesk or freshdesk, not "${opts.helpdesk}"`);
      await runDemo({
        helpdesk: opts.helpdesk,
        report: opts.report,
        misses: opts.misses === true,
        count: opts.count ? Number(opts.count) : undefined,
        seed: opts.seed ? Number(opts.seed) : undefined,
        sqlitePath: opts.database,
      });
    });
}
