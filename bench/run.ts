/**
 * `npm run bench`: intake throughput, end-to-end latency and triage speed, as tables.
 * Numbers, not assertions: tests never time anything.
 */
import { renderTable } from '../connector/src/demo/table.js';
import { benchEndToEnd } from './end-to-end.js';
import { INTAKE_BACKENDS, benchIntake } from './intake.js';
import { ms } from './stats.js';

const intake = [];
for (const [name, open] of INTAKE_BACKENDS) intake.push(await benchIntake(open, name));
const base = intake[0]!.perSecond;
console.log('\nWebhook intake (signed trigger bodies over loopback, 32 concurrent, worker off)\n');
console.log(
  renderTable(
    ['backend', 'requests', 'accepted', 'webhooks/s', 'vs sqlite', 'ack p50', 'ack p99'],
    intake.map((r) => [r.backend, r.requests, r.accepted, r.perSecond.toFixed(0), `${(r.perSecond / base).toFixed(2)}×`, ms(r.p50), ms(r.p99)]),
  ),
);

const e2e = [];
for (const [name, open] of INTAKE_BACKENDS) {
  e2e.push(await benchEndToEnd(open, name, 100, 10));
  e2e.push(await benchEndToEnd(open, name, 300));
}
console.log('\nEnd to end on the sandbox (customer message → webhook → triage → ticket updated)\n');
console.log(
  renderTable(
    ['backend', 'arrivals', 'tickets', 'tickets/s', 'webhook→update p50', 'p99', 'API calls/ticket'],
    e2e.map((r) => [r.backend, r.arrival, r.tickets, r.ticketsPerSecond.toFixed(1), ms(r.p50), ms(r.p99), r.apiCallsPerTicket.toFixed(2)]),
  ),
);

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
