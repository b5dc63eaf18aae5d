/**
 * Webhook intake against its own floor, in one run: signed trigger bodies posted by
 * autocannon over loopback to a server in its own process (bench/child.ts), first to the
 * bare Express endpoint that only verifies the signature (floor.ts), then to Baton's
 * connector with its worker off (verify, parse, persist event + job, 202) on SQLite and on
 * PostgreSQL. Each server gets the same warm-up and the same number of requests; Baton's
 * rate is reported as a fraction of the floor's.
 */
import crypto from 'node:crypto';
import { pgTestStore, sqliteTestStore, type TestStore } from '../test/helpers/stores.js';
import { cannon, startChild, syntheticBody } from './harness.js';

export interface IntakeRow {
  server: string;
  requests: number;
  accepted: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const WARMUP = 500;

async function measure(server: string, env: Record<string, string>, secret: string, requests: number, connections: number): Promise<IntakeRow> {
  const child = await startChild({ ...env, BATON_WEBHOOK_SECRET: secret });
  try {
    let i = 0;
    // The first requests pay for JIT compilation and connection set-up: not measured.
    await cannon(child.url, secret, () => syntheticBody(i++), { amount: WARMUP, connections });
    const { result, status202, seconds } = await cannon(child.url, secret, () => syntheticBody(i++), { amount: requests, connections });
    return { server, requests: result.requests.total, accepted: status202, perSecond: result.requests.total / seconds, p50: result.latency.p50, p99: result.latency.p99 };
  } finally {
    await child.stop();
  }
}

export async function benchFloor(requests = 4000, connections = 32): Promise<IntakeRow> {
  const secret = crypto.randomBytes(18).toString('base64url');
  return measure('floor: Express + signature check', { BENCH_SERVER: 'floor' }, secret, requests, connections);
}

export async function benchIntake(open: () => Promise<TestStore>, backend: string, requests = 4000, connections = 32): Promise<IntakeRow> {
  const db = await open();
  const secret = crypto.randomBytes(18).toString('base64url');
  try {
    const env = { ...db.env, ZENDESK_BASE_URL: 'http://127.0.0.1:9', ZENDESK_EMAIL: 'bench@example.com', ZENDESK_API_TOKEN: 'bench', BENCH_WORKER: 'off' };
    return await measure(`Baton intake, ${backend}`, env, secret, requests, connections);
  } finally {
    await db.cleanup();
  }
}

export const INTAKE_BACKENDS: [string, () => Promise<TestStore>][] = [
  ['sqlite', sqliteTestStore],
  ['postgres', pgTestStore],
];
