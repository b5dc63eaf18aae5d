/**
 * A connector process killed with SIGKILL while a job is in flight loses nothing: after a
 * restart the job runs again, and the customer gets exactly one reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorEnvFor, installBatonIntake, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { HELPDESKS } from '../helpers/stack.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';
import { startServe, type ServeProcess } from '../helpers/processes.js';
import { messageJobs } from './helpers/exactly-once.js';

// The helpdesks run at the same time: each mostly waits (a process starting, a lease running
// out), with its own sandbox, database and processes.
describe.concurrent.each(HELPDESKS)('%s', (helpdesk) => {
  let sandbox: Sandbox;
  let db: TestStore;
  const procs: ServeProcess[] = [];
  const secret = 'kill-test-secret-0123456789abcdef';

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimitPerMinute: 2500, helpdesk });
    db = await sqliteTestStore();
  });
  afterAll(async () => {
    for (const p of procs) await p.kill();
    await sandbox.close();
    await db.cleanup();
  });

  const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 20_000) => {
    for (let t = 0; t < ms; t += 50) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  describe('SIGKILL mid-job', () => {
    it('re-runs the job after a restart without a second reply', async () => {
      const env = {
        ...db.env,
        ...connectorEnvFor(sandbox, secret),
        BATON_JOB_LEASE_SECONDS: '2',
      };
      const first = await startServe(env);
      procs.push(first);
      await installBatonIntake(sandbox, first.url, secret);
      // The helpdesk applies the ticket update but answers 3 s late: the process dies while it waits.
      sandbox.injectFault({ answerDelayMs: 3000, count: 1, path: '/api/v2/tickets/', method: 'PUT' });
      const id = sandbox.inbound({ requester: { name: 'Rita Moreno', email: 'rita@example.com' }, subject: 'password', body: 'I forgot my password, how do I reset it?', channel: 'web' }).ticket.id;
      const job = async () => (await messageJobs(db.store))[0];
      await until('the job to start', async () => (await job())?.status === 'running');
      // The update is applied in the helpdesk; its answer has not reached the connector yet.
      await until('the reply to land', () => sandbox.state.commentsFor(id).some((c) => c.public && c.authorId === sandbox.apiUser.id));
      await first.kill('SIGKILL');
      expect((await job())!.status).toBe('running'); // nobody recorded it

      const second = await startServe(env, Number(new URL(first.url).port));
      procs.push(second);
      await until('the job to finish after the restart', async () => (await job())?.status === 'done');
      const bot = sandbox.state.commentsFor(id).filter((c) => c.public && c.authorId === sandbox.apiUser.id);
      expect(bot).toHaveLength(1);
      expect((await job())!.attempts).toBe(2);
      const [attempt] = await db.store.db.selectFrom('attempts').selectAll().execute();
      expect(attempt!.write_status).toBe('written');
    }, 60_000);
  });
});
