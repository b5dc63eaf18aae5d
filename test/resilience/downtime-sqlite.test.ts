/**
 * A minute of downtime on SQLite: the connector is SIGKILLed in the middle of a burst of
 * customer messages and restarted 60 s later. The webhooks sent meanwhile are lost (Zendesk
 * gave up); the catch-up sweep finds their messages, and every ticket is handled exactly once,
 * with no double reply. The metric counts the tickets the sweep recovered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';
import { writeBackProblems } from './helpers/exactly-once.js';
import { recoveredMetric, runDowntime, untilHandled, type DowntimeRun } from './helpers/downtime.js';

let db: TestStore;
let run: DowntimeRun;

beforeAll(async () => {
  db = await sqliteTestStore();
  run = await runDowntime({ db, replicas: 1, before: 20, during: 20, downMs: 60_000 });
  await untilHandled(db.store, run.ticketIds, 150_000);
}, 300_000);

afterAll(async () => {
  await run?.close();
  await db?.cleanup();
});

describe('SIGKILL for 60 s during a burst, on SQLite', () => {
  it('handles every ticket exactly once, with no double reply', async () => {
    expect(run.ticketIds).toHaveLength(40);
    expect(run.lost.length).toBeGreaterThanOrEqual(15); // the downtime really lost webhooks
    expect(await writeBackProblems(run.sandbox, db.store, run.ticketIds)).toEqual([]);
  });

  it('recovered the lost messages through the sweep, and counts them', async () => {
    const swept = await db.store.db.selectFrom('webhook_events').select('ticket_id').where('delivery_id', '=', 'catch-up-sweep').execute();
    const sweptIds = new Set(swept.map((e) => Number(e.ticket_id)));
    // A lost ticket was either recovered by the sweep or stored just before the kill.
    for (const id of run.lost) {
      const stored = await db.store.db.selectFrom('raw_deliveries').select('id').where('ticket_id', '=', String(id)).execute();
      expect({ id, recovered: sweptIds.has(id) || stored.length > 0 }).toEqual({ id, recovered: true });
    }
    expect(sweptIds.size).toBeGreaterThanOrEqual(15);
    expect(await recoveredMetric(run.restarted[0]!)).toBe(sweptIds.size);
  });
});
