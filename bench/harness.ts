/**
 * What the load benches share: a server in a child process (child.ts), signed synthetic
 * trigger bodies, and autocannon posting them (each body signed as it is sent).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { NODE_RUNTIME_FLAGS } from '../connector/src/cli/node-options.js';

export interface Child {
  url: string;
  stop(): Promise<void>;
}

/** `nodeArgs`: extra Node options for the child, e.g. ['--cpu-prof'] to profile the server. */
export async function startChild(env: Record<string, string>, nodeArgs: string[] = []): Promise<Child> {
  // With the connector's Node options (connector/src/cli/node-options.ts), as `npx baton serve` runs; the floor gets them too, so the two compare alike.
  const proc: ChildProcess = spawn(process.execPath, [...NODE_RUNTIME_FLAGS, ...nodeArgs, '--import', 'tsx', path.join(import.meta.dirname, 'child.ts')], {
    // DATABASE_URL cleared first: one in the caller's environment must not turn the SQLite run into PostgreSQL.
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ZENDESK_RATE_LIMIT_PER_MINUTE: '2500', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: proc.stdout! }).once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`bench child exited (${code}) before listening`)));
  });
  return {
    url: (JSON.parse(first) as { url: string }).url,
    stop: () => new Promise<void>((resolve) => (proc.exitCode !== null ? resolve() : (proc.once('exit', () => resolve()), proc.kill('SIGTERM')))),
  };
}

export const stamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
export const sign = (secret: string, ts: string, body: string) => crypto.createHmac('sha256', secret).update(ts + body).digest('base64');

export function syntheticBody(i: number): string {
  return JSON.stringify({
    schema: 'baton.trigger.v1',
    event: 'ticket.comment_added',
    account: 'Bench',
    ticket: { id: String(100_000 + i), subject: 'Where is my order?', status: 'Open', priority: '', tags: 'web', group_id: '', assignee_id: '', via: 'Mail', url: 'bench.zendesk.com/agent/tickets/1', updated_at: stamp() },
    comment: { id: String(i), body: `Hi, where is my order NW-${100_000 + i}? It should have arrived by now.`, author_id: '77', public: 'true', created_at: stamp() },
    requester: { id: '77', name: 'Bench Customer', email: 'bench@example.com', locale: 'English', tags: '' },
    organization: { id: '', name: '', tags: '' },
    current_user: { id: '77', role: 'End-user' },
  });
}

/**
 * autocannon over `next()` bodies, each signed at send time; collects the event ids answered
 * "accepted" and counts 202s. `seconds`: from the start to the last answer. autocannon's own
 * `result.duration` ends on its once-a-second sample tick, so a fixed count of requests reads
 * as a whole number of seconds (4,000 in 7.1 s and in 7.9 s both give 500/s).
 */
export async function cannon(url: string, secret: string, next: () => string | null, opts: { duration?: number; amount?: number; overallRate?: number; connections: number }) {
  const accepted: string[] = [];
  let status202 = 0;
  const started = performance.now();
  let lastAnswer = started;
  const result = await autocannon({
    url: `${url}/webhooks/zendesk`,
    connections: opts.connections,
    ...(opts.duration ? { duration: opts.duration } : {}),
    ...(opts.amount ? { amount: opts.amount } : {}),
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const body = next();
          if (body === null) return req; // out of bodies: amount stops the run
          const ts = stamp();
          return { ...req, body, headers: { 'content-type': 'application/json', 'x-zendesk-webhook-signature-timestamp': ts, 'x-zendesk-webhook-signature': sign(secret, ts, body) } };
        },
        onResponse: (status, body) => {
          lastAnswer = performance.now();
          if (status !== 202) return;
          status202++;
          const answer = JSON.parse(body) as { status: string; event_id?: string };
          if (answer.status === 'accepted' && answer.event_id) accepted.push(answer.event_id);
        },
      },
    ],
  });
  return { result, accepted, status202, seconds: (lastAnswer - started) / 1000 };
}
