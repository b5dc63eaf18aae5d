/**
 * One schema, two backends: a SQLite file by default (nothing to install), PostgreSQL
 * when a URL is given, so several connector replicas can share one database and queue.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * PostgreSQL only: the pool under `db`, for what Kysely cannot send: several statements in
   * one round trip (the simple query protocol), which return one result each.
   */
  pool?: pg.Pool;
  /**
   * SQLite only: the connection under `db`, for statements prepared once and run in one
   * synchronous transaction (intake's group commit). Use it only while holding Kysely's
   * connection (`db.connection().execute`), so it never runs inside another transaction.
   */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT (our epoch-ms columns) as strings by default; they fit in a
// JS number, so parse them as numbers to keep one shape across backends.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openStore(opts: { databaseUrl?: string; sqlitePath?: string; poolSize?: number }): Store {
  if (opts.databaseUrl) {
    // Timeouts so a database behind a silent network path fails (and is retried) instead of
    // hanging intake and the worker forever.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, connectionTimeoutMillis: 5000, query_timeout: 30_000, keepAlive: true });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pool, close: () => db.destroy() };
  }
  const file = opts.sqlitePath ?? './data/baton.db';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets the HTTP intake read while a worker writes; busy_timeout waits for the
  // single writer instead of failing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * Kysely asks better-sqlite3 to prepare (parse and plan) every query anew; the worker runs
 * the same statements for every job, so prepared statements are kept, the most recently used
 * 256 (the webhook intake prepares its own once: jobs/sqlite-group-commit.ts). Sharing one is safe: Kysely runs a statement to completion before
 * the next query (nothing here streams rows with iterate()).
 */
function withStatementCache(sqlite: SQLite.Database, max = 256): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql); // re-inserted below: the Map's order is the recency
      else statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
