/**
 * The running service purges: the schedule runs once at start and `stop` waits for a purge in
 * flight, ending it between two batches; the connector starts it beside the worker and counts
 * what it deleted in /metrics.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keepRawDelivery } from '../../connector/src/intake/raw-deliveries.js';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import type { PurgeCounts } from '../../connector/src/store/retention.js';
import { RetentionSchedule } from '../../connector/src/store/retention-schedule.js';
import type { Store } from '../../connector/src/store/db.js';
import { silentLogger } from '../../connector/src/logger.js';
import { BACKENDS, sqliteTestStore, type TestStore } from '../helpers/stores.js';
import { HELPDESKS, startStack, type Stack } from '../helpers/stack.js';

const DAY = 86_400_000;

/** `n` jobs that finished 40 days ago. */
async function oldFinishedJobs(store: Store, n: number): Promise<void> {
  const queue = new JobQueue(store, { workerId: 'old', now: () => Date.now() - 40 * DAY });
  for (let i = 0; i < n; i++) await queue.enqueue({ kind: 'k', tenantId: 't', payload: i });
  for (const job of await queue.claim(n, 60_000)) await queue.complete(job.id);
}

const jobCount = async (store: Store) => Number((await store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n);

describe.each(BACKENDS)('the retention schedule on %s', (_name, open) => {
  let ts: TestStore;
  afterEach(async () => ts.cleanup());

  it('purges once at start, and stop ends a purge in flight between two batches', async () => {
    ts = await open();
    await oldFinishedJobs(ts.store, 5);
    const runs: PurgeCounts[] = [];
    const schedule = new RetentionSchedule({ store: ts.store, policy: { days: 30, deadLetterDays: 90 }, log: silentLogger, batchSize: 1, onPurged: (c) => runs.push(c) });
    schedule.start(); // the first batch is on its way
    await schedule.stop();
    expect(runs).toEqual([{ finishedJobs: 1, deadLetters: 0, events: 0, rawDeliveries: 0 }]);
    expect(await jobCount(ts.store)).toBe(4);
  });

  it('does not run when both periods keep everything', async () => {
    ts = await open();
    await oldFinishedJobs(ts.store, 2);
    const runs: PurgeCounts[] = [];
    const schedule = new RetentionSchedule({ store: ts.store, policy: { days: 0, deadLetterDays: 0 }, log: silentLogger, onPurged: (c) => runs.push(c) });
    schedule.start();
    await schedule.stop();
    expect(runs).toEqual([]);
    expect(await jobCount(ts.store)).toBe(2);
  });
});

describe.each(HELPDESKS)('the connector (%s)', (helpdesk) => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('purges at start where the worker runs, and counts the rows in /metrics', async () => {
    let seeded: Store | undefined;
    stack = await startStack({
      helpdesk,
      store: async () => {
        const ts = await sqliteTestStore();
        await oldFinishedJobs(ts.store, 3);
        // A raw body kept 40 days ago that named no ticket: no job reads it.
        await keepRawDelivery(ts.store, new JobQueue(ts.store, { workerId: 'old' }), { tenantId: 't', provider: 'zendesk', deliveryId: 'd1', ticketId: null, cause: 'malformed_json', body: '{', partial: null, now: Date.now() - 40 * DAY });
        seeded = ts.store;
        return ts;
      },
    });
    await stack.connector.retention.stop(); // waits for the purge that started with the connector
    expect(await jobCount(seeded!)).toBe(0);
    expect(await seeded!.db.selectFrom('raw_deliveries').select('id').execute()).toEqual([]);
    const text = await (await fetch(`${stack.url}/metrics`)).text();
    expect(text).toMatch(/^baton_retention_purged_rows_total\{rows="finished_jobs"\} 3$/m);
    expect(text).toMatch(/^baton_retention_purged_rows_total\{rows="events"\} 0$/m);
    expect(text).toMatch(/^baton_retention_purged_rows_total\{rows="raw_deliveries"\} 1$/m);
  });
});
