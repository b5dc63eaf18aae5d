/**
 * `baton purge` deletes what has expired now, through the real command in a child process
 * against a real database file, with the settings the service uses.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepRawDelivery } from '../../connector/src/intake/raw-deliveries.js';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const baton = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [path.join(root, 'connector/bin/baton.js'), ...args], { env: { ...process.env, ...env }, cwd: root });

const DAY = 86_400_000;

describe('baton purge', () => {
  let ts: TestStore;
  beforeEach(async () => {
    ts = await sqliteTestStore();
    // One job done 40 days ago, one dead letter from then, one job done today, and a raw
    // webhook body kept 40 days ago that named no ticket (so no job reads it).
    const old = new JobQueue(ts.store, { workerId: 'test', now: () => Date.now() - 40 * DAY });
    await old.enqueue({ kind: 'k', tenantId: 't', payload: 'done' });
    await old.enqueue({ kind: 'k', tenantId: 't', payload: 'dead', maxAttempts: 1 });
    const [done, dead] = await old.claim(2, 60_000);
    await old.complete(done!.id);
    await old.fail(dead!, new Error('HELPDESK_HTTP: 422'));
    const today = new JobQueue(ts.store, { workerId: 'test' });
    await today.enqueue({ kind: 'k', tenantId: 't', payload: 'recent' });
    await today.complete((await today.claim(1, 60_000))[0]!.id);
    await keepRawDelivery(ts.store, today, { tenantId: 'zendesk:acme', provider: 'zendesk', deliveryId: 'd1', ticketId: null, cause: 'malformed_json', body: '{"requester":{"email":"ana@example.com"', partial: null, now: Date.now() - 40 * DAY });
  });
  afterEach(async () => ts.cleanup());

  it('deletes expired finished jobs and raw webhook bodies now and keeps a dead letter within its period', async () => {
    const { stdout } = await baton(['purge'], ts.env);
    expect(stdout).toMatch(/deleted 1 finished job\(s\), 0 dead letter\(s\), 0 webhook event\(s\), 1 raw webhook body\(ies\)/);
    const left = await new JobQueue(ts.store, { workerId: 'test' }).list();
    expect(left.map((j) => [j.payload, j.status])).toEqual([['recent', 'done'], ['dead', 'dead']]);
    expect(await ts.store.db.selectFrom('raw_deliveries').select('id').execute()).toEqual([]);
  });

  it('deletes the dead letter too once its own period is shorter, and prints JSON', async () => {
    const { stdout } = await baton(['purge', '--json'], { ...ts.env, BATON_RETENTION_DAYS: '7', BATON_DEAD_LETTER_RETENTION_DAYS: '14' });
    expect(JSON.parse(stdout)).toEqual({ retention: { days: 7, deadLetterDays: 14 }, purged: { finishedJobs: 1, deadLetters: 1, events: 0, rawDeliveries: 1 } });
  });

  it('refuses a wrong setting, naming the variable, and deletes nothing', async () => {
    const err = (await baton(['purge'], { ...ts.env, BATON_RETENTION_DAYS: '30', BATON_DEAD_LETTER_RETENTION_DAYS: '3' }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/BATON_DEAD_LETTER_RETENTION_DAYS: 3 is shorter than BATON_RETENTION_DAYS \(30\)/);
    expect((await new JobQueue(ts.store, { workerId: 'test' }).list()).length).toBe(3);
    expect((await ts.store.db.selectFrom('raw_deliveries').select('id').execute()).length).toBe(1);
  });
});
