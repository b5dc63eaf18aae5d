/**
 * Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL schema on the
 * server at BATON_TEST_DATABASE_URL. Under vitest the global setup sets it (a given URL, the
 * local 127.0.0.1:5432, or an embedded server: test/helpers/postgres-server.ts); the benches
 * use it, else DATABASE_URL, else the local server. PostgreSQL tests are never skipped.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../connector/src/store/db.js';
import { migrate } from '../../connector/src/store/migrate.js';
import { LOCAL_PG_URL } from './postgres-server.js';

export const PG_URL = process.env.BATON_TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim() || LOCAL_PG_URL;

export interface TestStore {
  store: Store;
  /** Connection settings another process can use to reach the same data. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function sqliteTestStore(): Promise<TestStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-test-'));
  const file = path.join(dir, 'baton.db');
  const store = openStore({ sqlitePath: file });
  await migrate(store);
  return {
    store,
    env: { BATON_SQLITE_PATH: file },
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function pgTestStore(): Promise<TestStore> {
  const schema = `baton_t_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = withSearchPath(PG_URL, schema);
  const store = openStore({ databaseUrl: url });
  await migrate(store);
  return {
    store,
    env: { DATABASE_URL: url },
    async cleanup() {
      await store.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/** node-postgres passes `options` to the server: every connection uses this schema. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export const BACKENDS: [string, () => Promise<TestStore>][] = [
  ['sqlite', sqliteTestStore],
  ['postgres', pgTestStore],
];
