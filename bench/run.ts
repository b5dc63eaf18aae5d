/**
 * `npm run bench`: start-up time, webhook intake against its floor, end-to-end latency and
 * triage speed, as tables with ratios. Numbers, not assertions: tests never time anything.
 * `npm run bench -- --only=end-to-end` (or startup, intake, triage; comma-separated) runs
 * only those parts, and `--sqlite` leaves PostgreSQL out, to measure one stage while changing it.
 */
import { renderTable } from '../connector/src/demo/table.js';
import { benchEndToEnd } from './end-to-end.js';
import { INTAKE_BACKENDS, benchFloor, benchIntake } from './intake.js';
import { benchStartup } from './startup.js';
import { ms } from './stats.js';

const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}×`;

const PARTS = ['startup', 'intake', 'end-to-end', 'triage'] as const;
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? onlyArg.split(',').map((p) => p.trim()) : [...PARTS];
const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length > 0) {
  console.error(`unknown bench part(s): ${unknown.join(', ')}; expected some of ${PARTS.join(', ')}`);
  process.exit(2);
}
const runs = (part: (typeof PARTS)[number]) => only.includes(part);
const backends = process.argv.includes('--sqlite') ? INTAKE_BACKENDS.filter(([name]) => name === 'sqlite') : INTAKE_BACKENDS;

if (runs('startup')) {
  const startup = await benchStartup();
  console.log('\nStart-up: process spawned → /health answers 200 (fresh SQLite file, migrations included; goal < 1 s compiled)\n');
  console.log(
    renderTable(
      ['how', 'runs', 'median', 'fastest', 'CPU used (median)', 'vs tsx'],
      startup.map((r) => [r.how, r.runs, ms(r.median), ms(r.min), ms(r.cpu), ratio(r.median, startup[startup.length - 1]!.median)]),
    ),
  );
}

if (runs('intake')) {
  const floor = await benchFloor();
  const intake = [floor];
  for (const [name, open] of backends) intake.push(await benchIntake(open, name));
  console.log('\nWebhook intake: 4,000 signed bodies by autocannon over loopback, 32 connections, server in its own process, after 500 warm-up requests (goal ≥ 0.5× the floor on SQLite)\n');
  console.log(
    renderTable(
      ['server', 'requests', '202s', 'webhooks/s', 'vs floor', 'ack p50', 'ack p99'],
      intake.map((r) => [r.server, r.requests, r.accepted, r.perSecond.toFixed(0), ratio(r.perSecond, floor.perSecond), ms(r.p50), ms(r.p99)]),
    ),
  );
  console.log(
    [
      '',
      'Why bench:load shows other intake numbers: it posts for a fixed time (10 s) and reports autocannon\'s',
      'mean per-second rate, this table a fixed count after a warm-up divided by the wall time; both run the',
      'server in its own process. (This table used to post with fetch() from the process that ran the',
      'connector, so client and server shared one core: about half of bench:load, e.g. 437/s against 1,000/s.)',
    ].join('\n'),
  );
}

if (runs('end-to-end')) {
  const e2e = [];
  for (const [name, open] of backends) {
    e2e.push(await benchEndToEnd(open, name, 250, 50));
    e2e.push(await benchEndToEnd(open, name, 300));
  }
  console.log('\nEnd to end on the sandbox (customer message → webhook → triage → ticket updated; goal p99 < 100 ms at 50/s paced on SQLite)\n');
  const sqlitePaced = e2e[0]!;
  console.log(
    renderTable(
      ['backend', 'arrivals', 'tickets', 'tickets/s', 'webhook→update p50', 'p99', 'p99 vs sqlite paced', 'API calls/ticket'],
      e2e.map((r) => [r.backend, r.arrival, r.tickets, r.ticketsPerSecond.toFixed(1), ms(r.p50), ms(r.p99), ratio(r.p99, sqlitePaced.p99), r.apiCallsPerTicket.toFixed(2)]),
    ),
  );
  // The stack runs on Zendesk's top plan (2,500 calls a minute) and Baton keeps 10% of it
  // free (helpdesk/rate-budget.ts): 37.5 calls a second and a burst of 225. Past that,
  // messages wait for the API, not for Baton, so the paced p99 depends on calls per ticket.
  const perSecond = (2500 * 0.9) / 60;
  const burst = Math.floor((2500 * 0.9) / 10);
  console.log(
    `\nAPI budget: ${perSecond.toFixed(1)} calls/s after a burst of ${burst}. At 50 tickets/s and ${sqlitePaced.apiCallsPerTicket.toFixed(2)} calls per ticket the paced run asks ` +
      `${(50 * sqlitePaced.apiCallsPerTicket).toFixed(0)} calls/s; its ${sqlitePaced.tickets} tickets (${(sqlitePaced.tickets / 50).toFixed(0)} s) fit in the budget while that stays under ${(perSecond + burst / (sqlitePaced.tickets / 50)).toFixed(0)} calls/s.`,
  );
}

if (runs('triage')) {
  try {
    const { runTriageBench } = (await import('./triage.js')) as { runTriageBench?: () => Promise<Record<string, unknown>[]> };
    if (runTriageBench) {
      const rows = await runTriageBench();
      if (rows.length > 0) {
        const headers = Object.keys(rows[0]!);
        console.log('\nTriage engines\n');
        console.log(renderTable(headers, rows.map((r) => headers.map((h) => String(r[h] ?? '')))));
      }
    }
  } catch (err) {
    console.log(`\n(triage benchmark unavailable: ${(err as Error).message})`);
  }
}
