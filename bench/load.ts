/**
 * `npm run bench:load`: the webhook intake under load, SQLite and PostgreSQL side by side.
 *
 *  1. Intake: autocannon posts signed trigger bodies (each unique: its own comment id and a
 *     fresh signature, made in setupRequest) for BENCH_LOAD_SECONDS over loopback to a
 *     connector in a child process (bench/child.ts: its own core; worker off, so only intake is measured):
 *     accepted webhooks per second, acknowledgment latency p50/p99, and a loss check (every
 *     accepted event stored with its job).
 *  2. End to end: BENCH_E2E_EVENTS real trigger bodies (rendered by the sandbox helpdesk for
 *     tickets that exist there) at BENCH_E2E_RATE per second to a child connector with its
 *     worker on and the sandbox as helpdesk: webhook → ticket update p50/p99, and a check
 *     that every accepted event was processed with an attempt written, none dead.
 * Numbers, not assertions. Every run is bounded in count and time; loopback only.
 */
import crypto from 'node:crypto';
import { renderTable } from '../connector/src/demo/table.js';
import { installBatonTriggers, startSandbox, type Sandbox } from '../connector/src/sandbox/index.js';
import { pgTestStore, sqliteTestStore, type TestStore } from '../test/helpers/stores.js';
import { cannon, startChild, syntheticBody } from './harness.js';
import { ms, summarize } from './stats.js';
import { INTAKE_JOB_KINDS } from '../connector/src/intake/raw-deliveries.js';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 32);
const E2E_EVENTS = Number(process.env.BENCH_E2E_EVENTS ?? 200);
const E2E_RATE = Number(process.env.BENCH_E2E_RATE ?? 20);
const E2E_TIMEOUT_MS = 120_000;
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',');

const count = async (db: TestStore, table: 'webhook_events' | 'jobs') =>
  Number((await db.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);

/** Accepted events with no stored row. (Requests still in flight when autocannon stopped may be stored without an answer: those are extra, not lost.) */
async function missing(db: TestStore, ids: string[]): Promise<number> {
  let found = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    found += (await db.store.db.selectFrom('webhook_events').select('id').where('id', 'in', chunk).execute()).length;
  }
  return ids.length - found;
}

async function intakeRun(open: () => Promise<TestStore>) {
  const db = await open();
  const secret = crypto.randomBytes(18).toString('base64url');
  const c = await startChild({ ...db.env, BATON_WEBHOOK_SECRET: secret, ZENDESK_BASE_URL: 'http://127.0.0.1:9', ZENDESK_EMAIL: 'bench@example.com', ZENDESK_API_TOKEN: 'bench', BENCH_WORKER: 'off' });
  let i = 0;
  const { result, accepted } = await cannon(c.url, secret, () => syntheticBody(i++), { duration: SECONDS, connections: CONNECTIONS });
  await c.stop();
  const stored = await count(db, 'webhook_events');
  // Each event and its job are written in one transaction: a stored event without its job is lost work.
  const lost = (await missing(db, accepted)) + Math.max(0, stored - (await count(db, 'jobs')));
  await db.cleanup();
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, sent: result.requests.total, errors: result.errors + result.non2xx, accepted: accepted.length, stored, lost };
}

/** Real trigger bodies: the sandbox renders them for its own tickets, sent nowhere. */
async function renderedBodies(sandbox: Sandbox, n: number): Promise<string[]> {
  await installBatonTriggers(sandbox, { endpointUrl: 'http://127.0.0.1:9/nowhere', secret: 'capture-only-secret-0123456789' });
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    const body = kind === 0 ? `Where is my order NW-${200_000 + i}? No tracking yet.` : kind === 1 ? 'I forgot my password, how do I reset it?' : 'I was charged twice and want a refund now.';
    sandbox.inbound({ requester: { name: `Load Customer ${i}`, email: `load${i}@example.com` }, subject: `Load ${i}`, body, channel: 'web' });
  }
  await sandbox.idle();
  return sandbox.deliveries().map((d) => d.body);
}

async function endToEndRun(open: () => Promise<TestStore>) {
  const sandbox = await startSandbox({ rateLimitPerMinute: 2500, webhookRetryDelaysMs: [], webhookTimeoutMs: 500 });
  const bodies = await renderedBodies(sandbox, E2E_EVENTS);
  const db = await open();
  const secret = crypto.randomBytes(18).toString('base64url');
  const c = await startChild({ ...db.env, BATON_WEBHOOK_SECRET: secret, ZENDESK_BASE_URL: sandbox.url, ZENDESK_EMAIL: sandbox.apiEmail, ZENDESK_API_TOKEN: sandbox.apiToken, BENCH_WORKER: 'on' });
  let i = 0;
  const started = performance.now();
  const { accepted } = await cannon(c.url, secret, () => bodies[i++] ?? null, { amount: bodies.length, overallRate: E2E_RATE, connections: 4 });
  const deadline = Date.now() + E2E_TIMEOUT_MS;
  const unfinished = () => db.store.db.selectFrom('jobs').select('id').where('kind', 'in', INTAKE_JOB_KINDS).where('status', 'in', ['queued', 'running']).execute();
  while ((await unfinished()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const seconds = (performance.now() - started) / 1000;
  const rows = await db.store.db
    .selectFrom('attempts')
    .innerJoin('webhook_events', 'webhook_events.id', 'attempts.event_id')
    .select(['attempts.written_at', 'attempts.write_status', 'webhook_events.received_at', 'webhook_events.status'])
    .execute();
  const done = rows.filter((r) => r.written_at !== null && r.write_status === 'written' && r.status === 'processed');
  const dead = await db.store.db.selectFrom('jobs').select('id').where('status', '=', 'dead').execute();
  await c.stop();
  await sandbox.close();
  await db.cleanup();
  const s = summarize(done.map((r) => Number(r.written_at) - Number(r.received_at)));
  return { events: bodies.length, accepted: accepted.length, perSecond: done.length / seconds, p50: s.p50, p99: s.p99, lost: accepted.length - done.length, dead: dead.length };
}

async function main(): Promise<void> {
  const open: Record<string, () => Promise<TestStore>> = { sqlite: sqliteTestStore, postgres: pgTestStore };
  const rows: { backend: string; intake: Awaited<ReturnType<typeof intakeRun>>; e2e: Awaited<ReturnType<typeof endToEndRun>> }[] = [];
  for (const backend of BACKENDS) {
    console.error(`${backend}: intake for ${SECONDS} s with ${CONNECTIONS} connections ...`);
    const intake = await intakeRun(open[backend]!);
    console.error(`${backend}: end to end, ${E2E_EVENTS} events at ${E2E_RATE}/s ...`);
    rows.push({ backend, intake, e2e: await endToEndRun(open[backend]!) });
  }
  console.log(`\nWebhook intake: signed, unique bodies over loopback, ${CONNECTIONS} connections for ${SECONDS} s, connector in its own process, worker off\n`);
  console.log(renderTable(['backend', 'sent', 'accepted', 'stored', 'lost', 'errors', 'webhooks/s', 'ack p50', 'ack p99'], rows.map(({ backend, intake: r }) => [backend, r.sent, r.accepted, r.stored, r.lost, r.errors, r.perSecond.toFixed(0), ms(r.p50), ms(r.p99)])));
  console.log(`\nEnd to end: ${E2E_EVENTS} real trigger bodies at ${E2E_RATE}/s, worker on, sandbox helpdesk (webhook received → ticket updated)\n`);
  console.log(renderTable(['backend', 'events', 'accepted', 'lost', 'dead', 'tickets/s', 'e2e p50', 'e2e p99'], rows.map(({ backend, e2e: r }) => [backend, r.events, r.accepted, r.lost, r.dead, r.perSecond.toFixed(1), ms(r.p50), ms(r.p99)])));
  const [a, b] = [rows.find((r) => r.backend === 'sqlite'), rows.find((r) => r.backend === 'postgres')];
  if (a && b) {
    const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}×`;
    console.log('\nPostgreSQL / SQLite\n');
    console.log(renderTable(['webhooks/s', 'ack p50', 'ack p99', 'e2e p50', 'e2e p99'], [[ratio(b.intake.perSecond, a.intake.perSecond), ratio(b.intake.p50, a.intake.p50), ratio(b.intake.p99, a.intake.p99), ratio(b.e2e.p50, a.e2e.p50), ratio(b.e2e.p99, a.e2e.p99)]]));
  }
  const lost = rows.reduce((n, r) => n + r.intake.lost + r.e2e.lost + r.e2e.dead, 0);
  console.log(lost === 0 ? '\nZero events lost.' : `\n${lost} event(s) LOST or dead: see the tables above.`);
  process.exitCode = lost === 0 ? 0 : 1;
}

await main();
