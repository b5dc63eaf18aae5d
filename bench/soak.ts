/**
 * `npm run bench:soak`: is memory flat over time? A real `baton serve` (SQLite, or
 * PostgreSQL with BENCH_SOAK_BACKEND=postgres) works a steady stream of customer messages
 * and replies from the sandbox helpdesk for BENCH_SOAK_SECONDS (default 180); every
 * BENCH_SOAK_SAMPLE_SECONDS (default 5) its RSS and V8 heap are read from its own /metrics.
 * Prints the samples and the least-squares slope of each after a warm-up (the first fifth),
 * in MB per minute, plus a loss check. Bounded in time and count; loopback only.
 */
import crypto from 'node:crypto';
import { renderTable } from '../connector/src/demo/table.js';
import { connectorEnvFor, installBatonTriggers, startSandbox } from '../connector/src/sandbox/index.js';
import { startServe } from '../test/helpers/processes.js';
import { pgTestStore, sqliteTestStore } from '../test/helpers/stores.js';
import { INTAKE_JOB_KINDS } from '../connector/src/intake/raw-deliveries.js';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 180);
const SAMPLE_SECONDS = Number(process.env.BENCH_SOAK_SAMPLE_SECONDS ?? 5);
const RATE = Number(process.env.BENCH_SOAK_RATE ?? 8); // messages per second, under the helpdesk budget
const BACKEND = process.env.BENCH_SOAK_BACKEND ?? 'sqlite';
const DRAIN_MS = 60_000;

const BODIES = [
  'Where is my order NW-{n}? The tracking has not moved.',
  'I forgot my password, how do I reset it?',
  'How do I export my inventory to a CSV file?',
  'I was charged twice this month, please refund one of them.',
  'The scanner app crashes with error E-{n} when I open it.',
];

interface Sample {
  t: number;
  rssMb: number;
  heapMb: number;
  /** V8's old space: what survives collections, so the closest to retained memory. */
  oldMb: number;
  sent: number;
  backlog: number;
}

/** One gauge from Prometheus text, e.g. `baton_process_resident_memory_bytes 123456`; `label` picks a series. */
function gauge(text: string, name: string, label = ''): number {
  const m = new RegExp(`^${name}(?:\\{[^}]*${label}[^}]*\\})? ([0-9.e+]+)`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const num = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const den = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ rateLimitPerMinute: 2500 });
  const db = await (BACKEND === 'postgres' ? pgTestStore : sqliteTestStore)();
  const secret = crypto.randomBytes(18).toString('base64url');
  // DATABASE_URL cleared first: one in the caller's environment must not turn a SQLite soak into PostgreSQL.
  const serve = await startServe({ DATABASE_URL: '', ...db.env, ...connectorEnvFor(sandbox, secret), LOG_LEVEL: 'warn' });
  await installBatonTriggers(sandbox, { endpointUrl: `${serve.url}/webhooks/zendesk`, secret });
  const backlog = async () =>
    Number((await db.store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', 'in', INTAKE_JOB_KINDS).where('status', 'in', ['queued', 'running']).executeTakeFirst())?.n ?? 0);

  console.error(`soak: ${SECONDS} s at ${RATE} messages/s on ${BACKEND}, sampling every ${SAMPLE_SECONDS} s ...`);
  const samples: Sample[] = [];
  const tickets: number[] = [];
  let sent = 0;
  const started = Date.now();
  let nextSample = started;
  // Steady arrivals: new tickets, and every fourth message a customer's reply on an earlier one.
  while (Date.now() - started < SECONDS * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * RATE);
    for (; sent < due; sent++) {
      if (sent % 4 === 3 && tickets.length > 10) sandbox.customerReply(tickets[(sent * 7919) % tickets.length]!, 'Any news on this? I am still waiting.');
      else tickets.push(sandbox.inbound({ requester: { name: `Soak ${sent}`, email: `soak${sent}@example.com` }, subject: `Soak ${sent}`, body: BODIES[sent % BODIES.length]!.replace('{n}', String(10_000 + sent)), channel: 'web' }).ticket.id);
    }
    if (Date.now() >= nextSample) {
      const text = await fetch(`${serve.url}/metrics`).then((r) => r.text());
      samples.push({ t: (Date.now() - started) / 1000, rssMb: gauge(text, 'baton_process_resident_memory_bytes') / 2 ** 20, heapMb: gauge(text, 'baton_nodejs_heap_size_used_bytes') / 2 ** 20, oldMb: gauge(text, 'baton_nodejs_heap_space_size_used_bytes', 'space="old"') / 2 ** 20, sent, backlog: await backlog() });
      nextSample += SAMPLE_SECONDS * 1000;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const drainUntil = Date.now() + DRAIN_MS;
  while (Date.now() < drainUntil && ((await sandbox.idle(), await backlog()) > 0)) await new Promise((r) => setTimeout(r, 200));

  const events = await db.store.db.selectFrom('webhook_events').select(['status']).execute();
  const relevant = events.filter((e) => e.status !== 'ignored');
  const processed = relevant.filter((e) => e.status === 'processed').length;
  const deadJobs = await db.store.db.selectFrom('jobs').select(['kind', 'last_error']).where('status', '=', 'dead').execute();
  const dead = deadJobs.length;
  const reasons = new Map<string, number>();
  for (const j of deadJobs) reasons.set(`${j.kind}: ${(j.last_error ?? '').slice(0, 160)}`, (reasons.get(`${j.kind}: ${(j.last_error ?? '').slice(0, 160)}`) ?? 0) + 1);
  await serve.kill('SIGTERM');
  await sandbox.close();
  await db.cleanup();

  console.log(`\nSoak: ${SECONDS} s, ${sent} customer messages at ${RATE}/s, baton serve on ${BACKEND}\n`);
  console.log(renderTable(['t (s)', 'messages sent', 'job backlog', 'RSS (MB)', 'heap used (MB)', 'old space (MB)'], samples.map((s) => [s.t.toFixed(0), s.sent, s.backlog, s.rssMb.toFixed(1), s.heapMb.toFixed(1), s.oldMb.toFixed(1)])));
  const steady = samples.slice(Math.floor(samples.length / 5));
  const perMinute = (pick: (s: Sample) => number) => slope(steady.map((s) => [s.t / 60, pick(s)]));
  console.log(`\nAfter warm-up (${steady.length} samples from t=${steady[0]?.t.toFixed(0)} s): slopes in MB/min: RSS ${perMinute((s) => s.rssMb).toFixed(2)}, heap used ${perMinute((s) => s.heapMb).toFixed(2)}, old space ${perMinute((s) => s.oldMb).toFixed(2)}`);
  console.log(`Events stored ${events.length}, processed ${processed}, dead letters ${dead}, not processed ${relevant.length - processed}.`);
  for (const [reason, n] of reasons) console.log(`  ${n} dead: ${reason}`);
  process.exitCode = dead === 0 && processed === relevant.length ? 0 : 1;
}

await main();
