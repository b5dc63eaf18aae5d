/**
 * End-to-end latency: a customer writes to the sandbox, its trigger signs and sends the
 * webhook, the connector triages and updates the ticket. Measured from the connector
 * receiving the webhook to the ticket update being recorded, per message.
 */
import { startStack } from '../test/helpers/stack.js';
import type { TestStore } from '../test/helpers/stores.js';
import { summarize } from './stats.js';

export interface EndToEndRow {
  backend: string;
  arrival: string;
  tickets: number;
  p50: number;
  p99: number;
  ticketsPerSecond: number;
  apiCallsPerTicket: number;
}

const BODIES = [
  'I forgot my password and cannot log in, can you help me reset it?',
  'Where is my order NW-{n}? The tracking has not updated for days.',
  'I was charged twice this month and want a refund immediately.',
  'How do I export my inventory to a CSV file?',
  'The app crashes with error E-{n} every time I open the scanner screen.',
];

/** `perSecond`: paced arrivals (latency without queueing); undefined: one burst (capacity). */
export async function benchEndToEnd(open: () => Promise<TestStore>, backend: string, tickets: number, perSecond?: number): Promise<EndToEndRow> {
  const stack = await startStack({ store: open });
  const started = performance.now();
  for (let i = 0; i < tickets; i++) {
    if (perSecond) await new Promise((r) => setTimeout(r, 1000 / perSecond));
    stack.sandbox.inbound({ requester: { name: `Customer ${i}`, email: `c${i}@example.com` }, subject: `Question ${i}`, body: BODIES[i % BODIES.length]!.replace('{n}', String(1000 + i)), channel: 'email' });
  }
  await stack.settle();
  const seconds = (performance.now() - started) / 1000;
  const rows = await stack.db.store.db
    .selectFrom('attempts')
    .innerJoin('webhook_events', 'webhook_events.id', 'attempts.event_id')
    .select(['attempts.written_at', 'webhook_events.received_at'])
    .execute();
  const latencies = rows.filter((r) => r.written_at !== null).map((r) => Number(r.written_at) - Number(r.received_at));
  const apiCalls = stack.sandbox.stats().total;
  await stack.close();
  const s = summarize(latencies);
  return { backend, arrival: perSecond ? `${perSecond}/s paced` : 'one burst', tickets, p50: s.p50, p99: s.p99, ticketsPerSecond: tickets / seconds, apiCallsPerTicket: apiCalls / tickets };
}
