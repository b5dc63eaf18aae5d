/**
 * Migrations run in order, each once, recorded in `baton_migrations`. Kysely's Migrator
 * is not used because our migrations need the dialect (auto-increment and bigint differ
 * between SQLite and PostgreSQL); the bookkeeping here is a dozen lines.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect, Store } from './db.js';
import * as m001 from './migrations/001-initial.js';
import * as m002 from './migrations/002-admin.js';
import * as m003 from './migrations/003-intake-recovery.js';
import * as m004 from './migrations/004-retention.js';
import * as m005 from './migrations/005-raw-delivery-retention.js';

interface Migration {
  name: string;
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

export const MIGRATIONS: Migration[] = [
  { name: '001-initial', up: m001.up },
  { name: '002-admin', up: m002.up },
  { name: '003-intake-recovery', up: m003.up },
  { name: '004-retention', up: m004.up },
  { name: '005-raw-delivery-retention', up: m005.up },
];

export async function migrate(store: Store): Promise<string[]> {
  const db = store.db as unknown as Kysely<any>;
  await db.schema
    .createTable('baton_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied: string[] = [];
  for (const migration of MIGRATIONS) {
    // One transaction per migration; on PostgreSQL an advisory lock keeps two replicas
    // starting together from racing on the same migration.
    const ran = await db.transaction().execute(async (trx) => {
      if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(4242001)`.execute(trx);
      const done = await trx.selectFrom('baton_migrations').select('name').where('name', '=', migration.name).executeTakeFirst();
      if (done) return false;
      await migration.up(trx, store.dialect);
      await trx.insertInto('baton_migrations').values({ name: migration.name, applied_at: new Date().toISOString() }).execute();
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
