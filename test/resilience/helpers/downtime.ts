/**
 * The downtime proof shared by the SQLite and PostgreSQL tests: customers keep writing in
 * through the sandbox's triggers while every connector process is SIGKILLed and stays down,
 * so their webhooks fail past the last retry; then the processes start again. The catch-up
 * sweep must find every lost message, and every ticket be handled exactly once.
 *
 * How long is long enough: what the proof needs is that messages arrive while nothing
 * listens, that the helpdesk gives up on them, that the jobs' leases taken before the kill
 * run out, and that the export still withholds those messages when the processes come back.
 * The sandbox's webhook gives up 1.7 s after a failed delivery (retries after 0.2, 0.5 and
 * 1 s) and a job lease is 4 s, so DOWN_MS (15 s) is well past both. On Zendesk the export's
 * delay (EXPORT_LAG_SECONDS, 30 s; Zendesk's own is a minute) is longer than the outage, so
 * the first sweeps after the restart find nothing of the downtime yet (unless the restart
 * itself took over 15 s) and must keep their cursor until the export lets those messages
 * through: what a real minute-long outage against Zendesk's one-minute delay exercises, in
 * a quarter of the time. (Freshdesk's ticket list has no such delay.)
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBatonIntake, startSandbox, type Sandbox } from '../../../connector/src/sandbox/index.js';
import { HELPDESKS, type HelpdeskName } from '../../helpers/stack.js';
import { startServe, type ServeProcess } from '../../helpers/processes.js';
import type { TestStore } from '../../helpers/stores.js';
import { writeBackProblems } from './exactly-once.js';
import { mixedMessage, serveEnv } from './serve-env.js';
import { sleep, until } from './wait.js';

export interface DowntimeOptions {
  db: TestStore;
  helpdesk: HelpdeskName;
  replicas: number;
  /** Messages before the kill, and while the connector is down. */
  before: number;
  during: number;
  downMs: number;
}

export interface DowntimeRun {
  sandbox: Sandbox;
  ticketIds: number[];
  /** Tickets none of whose deliveries reached a connector (every attempt failed). */
  lost: number[];
  /** The processes after the restart. */
  restarted: ServeProcess[];
  close(): Promise<void>;
}

/** How long every connector process stays down, and the export's delay (see above). */
export const DOWN_MS = 15_000;
export const EXPORT_LAG_SECONDS = 30;

export async function runDowntime(o: DowntimeOptions): Promise<DowntimeRun> {
  // The helpdesk's webhook gives up after a few quick retries; the export withholds its most
  // recent changes for longer than the outage, so recovery also waits for that, as it would
  // on a real account.
  const sandbox = await startSandbox({ rateLimitPerMinute: 2500, webhookRetryDelaysMs: [200, 500, 1000], exportLagSeconds: EXPORT_LAG_SECONDS, helpdesk: o.helpdesk });
  const secret = crypto.randomBytes(18).toString('base64url');
  const env = { ...o.db.env, ...serveEnv(sandbox, secret, { BATON_SWEEP_INTERVAL_SECONDS: '5', BATON_JOB_LEASE_SECONDS: '4' }) };
  const first = await Promise.all(Array.from({ length: o.replicas }, () => startServe(env)));
  for (const p of first) await installBatonIntake(sandbox, p.url, secret);

  const ticketIds: number[] = [];
  const write = (i: number) => ticketIds.push(sandbox.inbound(mixedMessage(i)).ticket.id);
  for (let i = 0; i < o.before; i++) {
    write(i);
    await sleep(40);
  }
  // Mid-burst: deliveries and jobs are in flight.
  await Promise.all(first.map((p) => p.kill('SIGKILL')));
  const killedAt = Date.now();
  // The rest of the burst arrives in the first third of the downtime.
  const spacing = Math.floor(o.downMs / 3 / Math.max(1, o.during));
  for (let i = o.before; i < o.before + o.during; i++) {
    write(i);
    await sleep(spacing);
  }
  await sandbox.idle(); // every delivery has given up
  await sleep(Math.max(0, o.downMs - (Date.now() - killedAt)));
  const restarted = await Promise.all(first.map((p) => startServe(env, Number(new URL(p.url).port))));

  const lost = ticketIds.filter((id) => sandbox.deliveries().filter((d) => d.ticketId === id).every((d) => d.state === 'failed'));
  return {
    sandbox,
    ticketIds,
    lost,
    restarted,
    async close() {
      for (const p of [...first, ...restarted]) await p.kill();
      await sandbox.close();
    },
  };
}

/** Wait until every ticket has its one message handled (the export's delay included). */
export async function untilHandled(store: TestStore['store'], ticketIds: number[], ms: number): Promise<void> {
  await until(
    'every ticket to be handled',
    async () => {
      const done = await store.db.selectFrom('attempts').select('ticket_id').where('write_status', '=', 'written').where('event_id', 'not like', 'timer:%').execute();
      const handled = new Set(done.map((r) => Number(r.ticket_id)));
      return ticketIds.every((id) => handled.has(id));
    },
    ms,
    250,
  );
}

/** baton_sweep_recovered_tickets_total of one process. */
export async function recoveredMetric(p: ServeProcess): Promise<number> {
  const text = await (await fetch(`${p.url}/metrics`)).text();
  return Number(/^baton_sweep_recovered_tickets_total (\d+)/m.exec(text)?.[1] ?? 0);
}

/**
 * The proof itself: 20 messages, the kill, 20 more while down, DOWN_MS down, restart. Every
 * ticket handled exactly once; each lost one recovered by a sweep (or stored just before the
 * kill); the replicas' metrics add up to the tickets the sweeps recovered, each counted once.
 */
export function describeDowntimeProof(title: string, openStore: () => Promise<TestStore>, replicas: number): void {
  // The helpdesks' runs go at the same time: each is mostly waiting (the outage, the
  // export's delay) and they share nothing (each has its own sandbox, store and processes).
  const proofs = new Map<HelpdeskName, { db?: TestStore; run?: DowntimeRun; done: Promise<void> }>();

  beforeAll(() => {
    for (const helpdesk of HELPDESKS) {
      const proof: { db?: TestStore; run?: DowntimeRun; done: Promise<void> } = { done: Promise.resolve() };
      proof.done = (async () => {
        proof.db = await openStore();
        proof.run = await runDowntime({ db: proof.db, replicas, helpdesk, before: 20, during: 20, downMs: DOWN_MS });
        await untilHandled(proof.db.store, proof.run.ticketIds, 150_000);
      })();
      // Awaited by its own describe below; until then a failure must not count as unhandled.
      proof.done.catch(() => undefined);
      proofs.set(helpdesk, proof);
    }
  });

  afterAll(async () => {
    for (const proof of proofs.values()) {
      await proof.done.catch(() => undefined);
      await proof.run?.close();
      await proof.db?.cleanup();
    }
  });

  describe.each(HELPDESKS)('%s', (helpdesk) => {
    let db: TestStore;
    let run: DowntimeRun;

    beforeAll(async () => {
      const proof = proofs.get(helpdesk)!;
      await proof.done;
      db = proof.db!;
      run = proof.run!;
    }, 300_000);

    describe(title, () => {
      it('handles every ticket exactly once, with no double reply', async () => {
        expect(run.ticketIds).toHaveLength(40);
        expect(run.lost.length).toBeGreaterThanOrEqual(15); // the downtime really lost webhooks
        expect(await writeBackProblems(run.sandbox, db.store, run.ticketIds)).toEqual([]);
      });

      it('recovered the lost messages through the sweep, and counts each recovered ticket once', async () => {
        const swept = await db.store.db.selectFrom('webhook_events').select('ticket_id').where('delivery_id', '=', 'catch-up-sweep').execute();
        const sweptIds = new Set(swept.map((e) => Number(e.ticket_id)));
        for (const id of run.lost) {
          // Stored just before the kill: as an event (the body carried the comment, or a Freshdesk signal) or kept raw to be read.
          const kept = await db.store.db.selectFrom('raw_deliveries').select('id').where('ticket_id', '=', String(id)).execute();
          const accepted = await db.store.db.selectFrom('webhook_events').select('id').where('ticket_id', '=', String(id)).where('delivery_id', '!=', 'catch-up-sweep').execute();
          expect({ id, recovered: sweptIds.has(id) || kept.length > 0 || accepted.length > 0 }).toEqual({ id, recovered: true });
        }
        expect(sweptIds.size).toBeGreaterThanOrEqual(15);
        const counted = (await Promise.all(run.restarted.map(recoveredMetric))).reduce((a, b) => a + b, 0);
        expect(counted).toBe(sweptIds.size);
      });
    });
  });
}
