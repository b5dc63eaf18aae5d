import type { Command } from 'commander';
import { JobQueue } from '../../jobs/queue.js';
import { migrate } from '../../store/migrate.js';
import { storeFromEnv } from '../runtime.js';

export function registerJobs(program: Command): void {
  const jobs = program.command('jobs').description('inspect the job queue and its dead letters');
  jobs
    .command('list', { isDefault: true })
    .description('list jobs (dead letters by default)')
    .option('--status <status>', 'queued | running | done | dead | cancelled', 'dead')
    .option('--json', 'print JSON')
    .action(async (opts: { status: string; json?: boolean }) => {
      const store = storeFromEnv();
      try {
        await migrate(store);
        const queue = new JobQueue(store, { workerId: 'cli' });
        const list = await queue.list({ status: opts.status, limit: 500 });
        if (opts.json) return void console.log(JSON.stringify({ counts: await queue.counts(), jobs: list }, null, 2));
        console.log(`counts: ${JSON.stringify(await queue.counts())}`);
        if (list.length === 0) return void console.log(`no ${opts.status} jobs`);
        for (const j of list) console.log(`#${j.id}\t${j.kind}\t${j.status}\tattempts ${j.attempts}/${j.maxAttempts}\t${new Date(j.updatedAt).toISOString()}\t${j.lastError ?? ''}`);
      } finally {
        await store.close();
      }
    });
  jobs
    .command('retry <id>')
    .description('give a dead-letter job a new set of attempts')
    .action(async (id: string) => {
      const store = storeFromEnv();
      try {
        await migrate(store);
        const ok = await new JobQueue(store, { workerId: 'cli' }).retryDead(Number(id));
        if (!ok) {
          console.error(`baton: no dead job #${id}`);
          process.exitCode = 1;
        } else console.log(`job #${id} queued again`);
      } finally {
        await store.close();
      }
    });
}
