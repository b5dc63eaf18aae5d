import type { Command } from 'commander';
import { migrate } from '../../store/migrate.js';
import { storeFromEnv } from '../runtime.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('create or upgrade the database schema (SQLite file, or PostgreSQL with DATABASE_URL)')
    .action(async () => {
      const store = storeFromEnv();
      try {
        const applied = await migrate(store);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : `schema is up to date (${store.dialect})`);
      } finally {
        await store.close();
      }
    });
}
