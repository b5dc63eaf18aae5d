/**
 * PostgreSQL briefly unreachable. The connector reaches the database through a TCP proxy
 * on loopback; the test cuts it (every connection reset, new ones refused) while a job is in
 * the middle of its helpdesk write and while customers keep writing, then restores it.
 * Webhooks during the outage are answered 503 and the helpdesk's retries deliver them after;
 * the worker's claims fail and resume; the job cut off after its write runs again and finds
 * its marker: every customer gets one answer, nothing is lost, nothing is dead.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../connector/src/store/db.js';
import { HELPDESKS, startStack, type Stack } from '../helpers/stack.js';
import { pgTestStore, PG_URL, type TestStore } from '../helpers/stores.js';
import { messageJobs, unfinishedEventJobs, writeBackProblems } from './helpers/exactly-once.js';
import { mixedMessage } from './helpers/serve-env.js';
import { startTcpProxy, viaProxy, type TcpProxy } from './helpers/tcp-proxy.js';
import { sleep, until } from './helpers/wait.js';

let stack: Stack | undefined;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  proxy?.restore();
  await stack?.close();
  await proxy?.close();
  stack = undefined;
  proxy = undefined;
});

/** A fresh schema (migrated directly), then the connector's store opened through the proxy. */
async function proxiedStore(p: TcpProxy): Promise<TestStore> {
  const direct = await pgTestStore();
  const url = viaProxy(direct.env.DATABASE_URL!, p);
  const store = openStore({ databaseUrl: url });
  return {
    store,
    env: { DATABASE_URL: url },
    async cleanup() {
      await store.close();
      await direct.cleanup();
    },
  };
}

describe.each(HELPDESKS)('PostgreSQL unreachable for a while (%s)', (helpdesk) => {
  it('answers 503 during the outage, and loses and repeats nothing after it', async () => {
    const pg = new URL(PG_URL);
    const p = (proxy = await startTcpProxy({ host: pg.hostname, port: Number(pg.port || 5432) }));
    stack = await startStack({
      helpdesk,
      store: () => proxiedStore(p),
      // Zendesk retries a failed webhook for minutes; a few seconds of retries cover this outage.
      sandbox: { webhookRetryDelaysMs: [300, 700, 1500, 3000, 5000] },
      env: { BATON_JOB_LEASE_SECONDS: '2' },
    });
    const s = stack;
    const before = [s.sandbox.inbound(mixedMessage(0)).ticket.id, s.sandbox.inbound(mixedMessage(2)).ticket.id];
    await s.settle();

    // A job whose helpdesk write lands but whose answer is late: the database goes away
    // before the job can record anything.
    s.sandbox.injectFault({ answerDelayMs: 800, count: 1, path: '/api/v2/tickets/', method: 'PUT' });
    const cutOff = s.sandbox.inbound(mixedMessage(5)).ticket.id; // a password reset: one write
    await until('the write to land in the helpdesk', () => s.sandbox.state.commentsFor(cutOff).some((c) => c.public && c.authorId === s.sandbox.apiUser.id), 30_000, 5);
    p.cut(); // the helpdesk's answer is still on its way: the job cannot record its write
    const cutAt = Date.now();
    const during = [1, 3, 4, 6].map((i) => s.sandbox.inbound(mixedMessage(i)).ticket.id);
    await until('the webhooks to be refused with 503', () =>
      during.every((id) => s.sandbox.deliveries().some((d) => d.ticketId === id && d.attempts.some((x) => x.status === 503))),
    );
    // Keep the database away until the late answer has arrived and the job has failed on it.
    await sleep(Math.max(0, cutAt + 2000 - Date.now()));
    const connectionsBefore = p.accepted();
    p.restore();

    await until('the helpdesk retries to deliver everything', async () => {
      await s.sandbox.idle();
      return (await unfinishedEventJobs(s.db.store)) === 0 && s.sandbox.deliveries().every((d) => d.state === 'delivered');
    });
    expect(p.accepted()).toBeGreaterThan(connectionsBefore); // the pool reconnected
    expect(await writeBackProblems(s.sandbox, s.db.store, [...before, cutOff, ...during])).toEqual([]);
    const [job] = await messageJobs(s.db.store, `t:${s.tenantId}:${cutOff}`);
    expect(job).toEqual({ status: 'done', attempts: 2 }); // it ran again, and wrote nothing twice
  }, 60_000);
});
