import type { Command } from 'commander';
import { loadRetention } from '../../config/load.js';
import { migrate } from '../../store/migrate.js';
import { purgeExpired } from '../../store/retention.js';
import { storeFromEnv } from '../runtime.js';

export function registerPurge(program: Command): void {
  program
    .command('purge')
    .description('delete expired finished jobs, dead letters, webhook events and kept raw webhook bodies now (BATON_RETENTION_DAYS, BATON_DEAD_LETTER_RETENTION_DAYS); the service does it every hour')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      // Settings first: a wrong value stops the command before it opens the database.
      const retention = loadRetention(process.env);
      const store = storeFromEnv();
      try {
        await migrate(store);
        const purged = await purgeExpired(store, retention);
        if (opts.json) return void console.log(JSON.stringify({ retention, purged }));
        if (retention.days === 0 && retention.deadLetterDays === 0) return void console.log('retention is off (BATON_RETENTION_DAYS=0): nothing deleted');
        console.log(`deleted ${purged.finishedJobs} finished job(s), ${purged.deadLetters} dead letter(s), ${purged.events} webhook event(s), ${purged.rawDeliveries} raw webhook body(ies)`);
      } finally {
        await store.close();
      }
    });
}
