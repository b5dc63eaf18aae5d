/**
 * The language model is down (HTTP 500 from an OpenAI-compatible server), then back. A real
 * `baton serve` on the openai engine keeps triaging with the local model meanwhile, says so
 * on each decision, and uses the model again once it answers. The engine-level fallbacks
 * (malformed answers, timeouts) are covered in test/triage/openai-engine.test.ts.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBatonIntake, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { HELPDESKS } from '../helpers/stack.js';
import { startServe, type ServeProcess } from '../helpers/processes.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';
import { startFakeOpenAI, type FakeOpenAI } from '../triage/fake-openai-server.js';
import { unfinishedEventJobs, writeBackProblems } from './helpers/exactly-once.js';
import { serveEnv } from './helpers/serve-env.js';
import { until } from './helpers/wait.js';

describe.each(HELPDESKS)('%s', (helpdesk) => {
  let sandbox: Sandbox;
  let db: TestStore;
  let llm: FakeOpenAI;
  let serve: ServeProcess;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimitPerMinute: 2500, helpdesk });
    db = await sqliteTestStore();
    llm = await startFakeOpenAI();
    const secret = crypto.randomBytes(18).toString('base64url');
    serve = await startServe({ ...db.env, ...serveEnv(sandbox, secret, { BATON_ENGINE: 'openai', OPENAI_BASE_URL: `${llm.baseURL}`, OPENAI_API_KEY: 'test-key', BATON_OPENAI_TIMEOUT_MS: '5000' }) });
    await installBatonIntake(sandbox, serve.url, secret);
  });
  afterAll(async () => {
    await serve?.kill();
    await llm?.close();
    await sandbox?.close();
    await db?.cleanup();
  });

  const ask = (n: number) => sandbox.inbound({ requester: { name: `Lola ${n}`, email: `lola${n}@example.com` }, subject: 'export', body: 'How do I export my contacts to a CSV file?', channel: 'web' }).ticket.id;

  const settle = () =>
    until('jobs to finish', async () => {
      await sandbox.idle();
      return (await unfinishedEventJobs(db.store)) === 0;
    });

  describe('LLM outage', () => {
    it('falls back to the local model while the LLM fails, and returns to it afterwards', async () => {
      llm.mode = 'error500';
      const during = [ask(1), ask(2), ask(3)];
      await settle();
      llm.mode = 'valid';
      llm.answer = { ...llm.answer, intent: 'how_to', confidence: 0.96 };
      const after = [ask(4)];
      await settle();

      expect(await writeBackProblems(sandbox, db.store, [...during, ...after])).toEqual([]);
      const engines = await db.store.db.selectFrom('attempts').select(['ticket_id', 'engine', 'reasons']).orderBy('id').execute();
      expect(engines.map((a) => a.engine)).toEqual(['openai→local', 'openai→local', 'openai→local', 'openai']);
      expect(engines[0]!.reasons).toMatch(/engine_fallback/);
      expect(llm.requests.length).toBeGreaterThanOrEqual(4); // it kept asking the model during the outage
    }, 60_000);
  });
});
