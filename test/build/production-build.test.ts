/**
 * The production build is the service: `npm run build`'s bundle (built here into a private
 * folder beside connector/dist, without the type check that `npm test` already runs) runs
 * `migrate`, then `serve` with its worker, and answers a customer in the sandbox helpdesk
 * end to end: webhook, triage with the shipped model and policy, reply written back. This
 * also proves the bundle finds its data files (policy, replies, model, contract) where the
 * sources find them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorEnvFor, installBatonTriggers, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { freePort } from '../helpers/processes.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'connector', `.tmp-build-${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-build-test-'));
let sandbox: Sandbox;
let serve: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-connector.mjs'), '--no-typecheck', '--outdir', OUT], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  sandbox = await startSandbox({ rateLimitPerMinute: 2500 });
}, 120_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) await new Promise((resolve) => (serve!.once('exit', resolve), serve!.kill('SIGTERM')));
  await sandbox?.close();
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled connector', () => {
  it('is one bundle with its commands as chunks, and no TypeScript', () => {
    const files = fs.readdirSync(OUT, { recursive: true }).map(String);
    expect(files).toContain('main.js');
    expect(files.some((f) => f.startsWith('chunks/') && f.endsWith('.js'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('migrates a database, then serves and answers a customer end to end', async () => {
    const secret = crypto.randomBytes(18).toString('base64url');
    const env = { ...process.env, ...connectorEnvFor(sandbox, secret), DATABASE_URL: '', BATON_SQLITE_PATH: path.join(dataDir, 'baton.db'), LOG_LEVEL: 'info', NODE_ENV: 'production' };
    const migrate = spawnSync(process.execPath, [path.join(OUT, 'main.js'), 'migrate'], { env, encoding: 'utf8' });
    expect(migrate.status, migrate.stderr).toBe(0);

    const port = await freePort();
    serve = spawn(process.execPath, [path.join(OUT, 'main.js'), 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    serve.stdout!.on('data', (d) => (output += d));
    serve.stderr!.on('data', (d) => (output += d));
    const url = `http://127.0.0.1:${port}`;
    await until(() => fetch(`${url}/health`).then((r) => r.ok, () => false), `/health never answered:\n${output}`);

    await installBatonTriggers(sandbox, { endpointUrl: `${url}/webhooks/zendesk`, secret });
    const { ticket } = sandbox.inbound({ requester: { name: 'Sam Baker', email: 'sam@acmebakery.example' }, subject: 'Password', body: 'I forgot my password and cannot log in. How do I reset it?' });
    const comments = () => sandbox.state.commentsFor(ticket.id);
    await until(async () => comments().length > 1, `no reply was written back:\n${output}`);
    const written = comments().slice(1);
    expect(written.some((c) => c.public && /password/i.test(c.body)), JSON.stringify(written.map((c) => [c.public, c.body.slice(0, 120)]))).toBe(true);
  }, 90_000);
});

async function until(check: () => Promise<boolean>, message: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (serve && serve.exitCode !== null) throw new Error(`baton serve exited (${serve.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((r) => setTimeout(r, 100));
  }
}
