/**
 * More than one machine: two `baton serve` processes share one PostgreSQL schema and job
 * queue. The helpdesk calls both (a webhook, or a set of automation rules, per replica, as
 * two load-balancer targets would be), so every customer message reaches both; one replica
 * is SIGKILLed in the middle of a
 * burst while it holds jobs. Nothing is restarted. Every message must still be triaged once
 * and written back once, the dead replica's jobs taken over after their lease, and each
 * silence timer must fire exactly once across the survivors.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBatonIntake, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { HELPDESKS } from '../helpers/stack.js';
import { startServe, type ServeProcess } from '../helpers/processes.js';
import { pgTestStore, type TestStore } from '../helpers/stores.js';
import { unfinishedEventJobs, writeBackProblems } from './helpers/exactly-once.js';
import { mixedMessage, policyWithSilenceMinutes, serveEnv } from './helpers/serve-env.js';
import { until } from './helpers/wait.js';

const TICKETS = 60;
const LEASE_SECONDS = 4;

// The helpdesks run at the same time: each mostly waits (processes starting, a lease running
// out), with its own sandbox, schema and processes.
describe.concurrent.each(HELPDESKS)('%s', (helpdesk) => {
  let sandbox: Sandbox;
  let db: TestStore;
  let a: ServeProcess;
  let b: ServeProcess;
  const ticketIds: number[] = [];
  /** Jobs the killed replica held: they can only finish if the survivor takes them over. */
  let orphaned: { id: number }[] = [];
  /** Deliveries a replica answered with 202. */
  const acceptedBy = (p: ServeProcess) => sandbox.deliveries().filter((d) => d.endpoint.startsWith(p.url) && d.attempts.some((x) => x.status === 202)).length;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimitPerMinute: 2500, webhookRetryDelaysMs: [200, 500, 1000], helpdesk });
    db = await pgTestStore();
    const secret = crypto.randomBytes(18).toString('base64url');
    const env = {
      ...db.env,
      ...serveEnv(sandbox, secret, { BATON_JOB_LEASE_SECONDS: String(LEASE_SECONDS), BATON_POLICY_PATH: policyWithSilenceMinutes(0.02) }),
    };
    [a, b] = await Promise.all([startServe(env), startServe(env)]);
    // Baton's intake installed once per replica: its webhook and triggers, or its automation rules.
    await installBatonIntake(sandbox, a.url, secret);
    await installBatonIntake(sandbox, b.url, secret);

    // Slow answers from the helpdesk at the start, so replica A is caught holding jobs.
    sandbox.injectFault({ answerDelayMs: 600, count: 12, path: '/api/v2/tickets/' });
    for (let i = 0; i < TICKETS / 2; i++) ticketIds.push(sandbox.inbound(mixedMessage(i)).ticket.id);
    const heldByA = () =>
      db.store.db.selectFrom('jobs').select('id').where('status', '=', 'running').where('locked_by', 'like', `%-${a.child.pid}-%`).execute();
    // Killed once it has taken webhooks itself and holds a job: its worker can hold a job from
    // B's webhook before the helpdesk's first delivery to A is answered, and a kill then would
    // leave nothing to show that both replicas took webhooks.
    await until('replica A to take a webhook and hold a job', async () => acceptedBy(a) > 0 && (await heldByA()).length > 0, 30_000, 10);
    await a.kill('SIGKILL');
    orphaned = await heldByA(); // after the kill: nobody can finish these but replica B
    for (let i = TICKETS / 2; i < TICKETS; i++) ticketIds.push(sandbox.inbound(mixedMessage(i)).ticket.id);

    await sandbox.idle();
    await until('every message job to finish', async () => (await unfinishedEventJobs(db.store)) === 0, 45_000);
    await until('silence timers to fire', async () => {
      const pending = await db.store.db.selectFrom('jobs').select('id').where('kind', '=', 'timer-silence').where('status', 'in', ['queued', 'running']).execute();
      return pending.length === 0;
    }, 20_000);
  }, 120_000);

  afterAll(async () => {
    await a?.kill();
    await b?.kill();
    await sandbox?.close();
    await db?.cleanup();
  });

  describe('two replicas on one PostgreSQL, one killed mid-burst', () => {
    it('writes every ticket back exactly once, with no job left behind', async () => {
      expect(ticketIds).toHaveLength(TICKETS);
      expect(orphaned.length).toBeGreaterThan(0);
      const problems = await writeBackProblems(sandbox, db.store, ticketIds, { silenceFired: true });
      // Silence handoffs are checked on their own below; here only the message write-backs.
      expect(problems.filter((p) => !/internal notes|silence handoffs/.test(p))).toEqual([]);
      // Both replicas took webhooks; the survivor took every message after the kill.
      expect(acceptedBy(a)).toBeGreaterThan(0);
      expect(acceptedBy(b)).toBe(TICKETS);
    });

    it("lets the survivor finish the killed replica's jobs once their lease ran out", async () => {
      const jobs = await db.store.db.selectFrom('jobs').select(['id', 'status', 'attempts']).where('id', 'in', orphaned.map((j) => j.id)).execute();
      expect(jobs).toHaveLength(orphaned.length);
      for (const j of jobs) expect(j).toMatchObject({ status: 'done', attempts: expect.any(Number) });
      expect(jobs.every((j) => j.attempts >= 2)).toBe(true);
    });

    it('fires each silence timer exactly once across the replicas', async () => {
      const automated = await db.store.db.selectFrom('attempts').select('ticket_id').where('action', '=', 'automate').where('event_id', 'not like', 'timer:%').execute();
      expect(automated.length).toBeGreaterThan(0);
      const timers = await db.store.db.selectFrom('jobs').select(['dedupe_key', 'status']).where('kind', '=', 'timer-silence').execute();
      expect(timers).toHaveLength(automated.length);
      expect(timers.every((t) => t.status === 'done')).toBe(true);
      // Fired = the customer's silence was acted on: one handoff note and one recorded
      // silence attempt per automated ticket, never two.
      for (const { ticket_id } of automated) {
        const notes = sandbox.state.commentsFor(Number(ticket_id)).filter((c) => !c.public);
        const silence = await db.store.db.selectFrom('attempts').select('write_status').where('ticket_id', '=', ticket_id).where('event_id', 'like', 'timer:silence:%').execute();
        expect({ ticket: ticket_id, notes: notes.length, silence: silence.map((s) => s.write_status) }).toEqual({ ticket: ticket_id, notes: 1, silence: ['written'] });
      }
    });
  });
});
