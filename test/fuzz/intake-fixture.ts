/**
 * A connector whose intake listens on loopback (worker off: the fuzz suites are about what
 * the HTTP front door does with hostile bytes), and a client that checks every answer has
 * the one error shape.
 */
import { expect } from 'vitest';
import { createConnector, type Connector } from '../../connector/src/connector.js';
import { silentLogger } from '../../connector/src/logger.js';
import { createLocalTriage, loadPolicy } from '../../connector/src/triage/index.js';
import { testConfig, TEST_SECRET } from '../helpers/config.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';
import { signedHeaders } from './generators.js';
import { readAnswer } from './read-response.js';

export interface IntakeFixture {
  url: string;
  connector: Connector;
  db: TestStore;
  /** POST a body with a valid signature over exactly these bytes. */
  post(body: Buffer | string, headers?: Record<string, string>): Promise<{ status: number; json: any; text: string }>;
  close(): Promise<void>;
}

export async function startIntake(open: () => Promise<TestStore> = sqliteTestStore, env: Record<string, string> = {}): Promise<IntakeFixture> {
  const db = await open();
  const policy = loadPolicy();
  const connector = await createConnector({ config: testConfig(env), log: silentLogger, policy, triage: createLocalTriage(policy), store: db.store, runWorker: false });
  const url = await connector.start(0, '127.0.0.1');
  return {
    url,
    connector,
    db,
    async post(body, headers = {}) {
      const res = await fetch(`${url}/webhooks/zendesk`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { ...signedHeaders(TEST_SECRET, body), ...headers } });
      return readAnswer(res);
    },
    async close() {
      await connector.stop();
      await db.cleanup();
    },
  };
}

/** Never a 5xx; every refusal a 4xx with a JSON `{error:{code,message}}` a sender can act on. */
export function expectCleanAnswer(res: { status: number; json: any; text: string }, allowed: number[] = [202, 400]): void {
  if (!allowed.includes(res.status)) throw new Error(`unexpected ${res.status}: ${res.text.slice(0, 300)}`);
  expect(res.json, res.text.slice(0, 200)).toBeTypeOf('object');
  if (res.status >= 400) {
    expect(res.json.error.code).toMatch(/^[A-Z_]+$/);
    expect(typeof res.json.error.message).toBe('string');
    expect(res.json.error.message.length).toBeGreaterThan(10);
  } else {
    expect(['accepted', 'duplicate', 'ignored']).toContain(res.json.status);
  }
}
