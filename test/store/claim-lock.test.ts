/**
 * PostgreSQL replicas claim one at a time: a claim that waited for another replica's claim
 * reads what that one took, so it never starts a ticket's later message while an earlier one
 * has just been taken elsewhere. Here the earlier job was backing off (not due, so it does not
 * hold the later one back) when the other replica, whose clock found it due, claimed it.
 */
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { pgTestStore, type TestStore } from '../helpers/stores.js';

let ts: TestStore;
beforeEach(async () => {
  ts = await pgTestStore();
});
afterEach(async () => ts.cleanup());

it('waits for a claim in progress elsewhere and sees the job it took', async () => {
  const clock = 1_000_000;
  const q = new JobQueue(ts.store, { workerId: 'here', now: () => clock });
  const first = (await q.enqueue({ kind: 'k', tenantId: 't', payload: 'first', dedupeKey: 't:acme:1#evt:a', runAt: clock + 5_000 }))!;
  await q.enqueue({ kind: 'k', tenantId: 't', payload: 'second', dedupeKey: 't:acme:1#evt:b' });

  const other = new pg.Client({ connectionString: ts.env.DATABASE_URL });
  await other.connect();
  try {
    await other.query('begin');
    await other.query('select pg_advisory_xact_lock(4242002)');
    await other.query(`update jobs set status = 'running', locked_by = 'there', locked_until = $1, attempts = 1 where id = $2`, [clock + 60_000, first]);
    const claiming = q.claim(10, 30_000);
    // Commit once the claim is waiting for the lock (it reached the database, then stopped).
    for (let i = 0; i < 400; i++) {
      const { rows } = await other.query(`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`);
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await other.query('commit');
    expect(await claiming).toEqual([]);
  } finally {
    await other.end();
  }
});
