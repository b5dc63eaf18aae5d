/**
 * A minute of downtime with two replicas on PostgreSQL: both are SIGKILLed in the middle of a
 * burst (each gets every message through its own webhook, as two load-balancer targets would)
 * and restarted 60 s later. Both sweep; the lease lets one at a time, and the messages found
 * are handled exactly once across the two, with no double reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgTestStore, type TestStore } from '../helpers/stores.js';
import { writeBackProblems } from './helpers/exactly-once.js';
import { recoveredMetric, runDowntime, untilHandled, type DowntimeRun } from './helpers/downtime.js';

let db: TestStore;
let run: DowntimeRun;

beforeAll(async () => {
  db = await pgTestStore();
  run = await runDowntime({ db, replicas: 2, before: 20, during: 20, downMs: 60_000 });
  await untilHandled(db.store, run.ticketIds, 150_000);
}, 300_000);

afterAll(async () => {
  await run?.close();
  await db?.cleanup();
});

describe('two replicas SIGKILLed for 60 s during a burst, on PostgreSQL', () => {
  it('handles every ticket exactly once, with no double reply', async () => {
    expect(run.ticketIds).toHaveLength(40);
    expect(run.lost.length).toBeGreaterThanOrEqual(15);
    expect(await writeBackProblems(run.sandbox, db.store, run.ticketIds)).toEqual([]);
  });

  it('recovered the lost messages through the sweeps of both replicas, each counted once', async () => {
    const swept = await db.store.db.selectFrom('webhook_events').select('ticket_id').where('delivery_id', '=', 'catch-up-sweep').execute();
    const sweptIds = new Set(swept.map((e) => Number(e.ticket_id)));
    for (const id of run.lost) {
      const stored = await db.store.db.selectFrom('raw_deliveries').select('id').where('ticket_id', '=', String(id)).execute();
      expect({ id, recovered: sweptIds.has(id) || stored.length > 0 }).toEqual({ id, recovered: true });
    }
    expect(sweptIds.size).toBeGreaterThanOrEqual(15);
    const counted = (await Promise.all(run.restarted.map(recoveredMetric))).reduce((a, b) => a + b, 0);
    expect(counted).toBe(sweptIds.size);
  });
});
