/**
 * Webhook intake throughput and acknowledgment latency: signed trigger bodies posted over
 * loopback to a connector whose worker is off, so only intake (verify, parse, persist,
 * enqueue) is measured. SQLite and PostgreSQL side by side.
 */
import crypto from 'node:crypto';
import { loadConfig } from '../connector/src/config/load.js';
import { createConnector } from '../connector/src/connector.js';
import { silentLogger } from '../connector/src/logger.js';
import { startSandbox } from '../connector/src/sandbox/index.js';
import { createLocalTriage, loadPolicy } from '../connector/src/triage/index.js';
import { pgTestStore, sqliteTestStore, type TestStore } from '../test/helpers/stores.js';
import { summarize } from './stats.js';

export interface IntakeRow {
  backend: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  accepted: number;
}

function body(i: number): string {
  return JSON.stringify({
    schema: 'baton.trigger.v1',
    event: 'ticket.comment_added',
    account: 'Bench',
    ticket: { id: String(10_000 + i), subject: 'Where is my order?', status: 'Open', priority: '', tags: 'web', group_id: '', assignee_id: '', via: 'Mail', url: 'bench.zendesk.com/agent/tickets/1', updated_at: new Date().toISOString() },
    comment: { id: String(i), body: `Hi, where is my order NW-${100000 + i}? It should have arrived by now.`, author_id: '77', public: 'true', created_at: new Date().toISOString() },
    requester: { id: '77', name: 'Bench Customer', email: 'bench@example.com', locale: 'English', tags: '' },
    organization: { id: '', name: '', tags: '' },
    current_user: { id: '77', role: 'End-user' },
  });
}

export async function benchIntake(open: () => Promise<TestStore>, backend: string, total = 2000, concurrency = 32): Promise<IntakeRow> {
  const sandbox = await startSandbox({ strictContract: false });
  const db = await open();
  const secret = crypto.randomBytes(18).toString('base64url');
  const config = loadConfig({ BATON_WEBHOOK_SECRET: secret, ZENDESK_BASE_URL: sandbox.url, ZENDESK_EMAIL: sandbox.apiEmail, ZENDESK_API_TOKEN: sandbox.apiToken, LOG_LEVEL: 'silent' });
  const policy = loadPolicy();
  const connector = await createConnector({ config, log: silentLogger, policy, triage: createLocalTriage(policy), store: db.store, runWorker: false });
  const url = `${await connector.start(0, '127.0.0.1')}/webhooks/zendesk`;
  const latencies: number[] = [];
  let accepted = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const raw = body(next++);
        const ts = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        const sig = crypto.createHmac('sha256', secret).update(ts + raw).digest('base64');
        const t0 = performance.now();
        const res = await fetch(url, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-zendesk-webhook-signature': sig, 'x-zendesk-webhook-signature-timestamp': ts } });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status === 202) accepted++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await connector.stop();
  await sandbox.close();
  await db.cleanup();
  const s = summarize(latencies);
  return { backend, requests: total, perSecond: total / seconds, p50: s.p50, p99: s.p99, accepted };
}

export const INTAKE_BACKENDS: [string, () => Promise<TestStore>][] = [
  ['sqlite', sqliteTestStore],
  ['postgres', pgTestStore],
];
