/**
 * The operator's view of dead letters, through the real `baton` command in a child
 * process against a real database file.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const baton = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [path.join(root, 'connector/bin/baton.js'), ...args], { env: { ...process.env, ...env }, cwd: root });

describe('baton jobs', () => {
  let ts: TestStore;
  beforeEach(async () => {
    ts = await sqliteTestStore();
    const q = new JobQueue(ts.store, { workerId: 'test' });
    await q.enqueue({ kind: 'process-event', tenantId: 'zendesk:acme', payload: { eventId: 'e1' }, maxAttempts: 1 });
    const [job] = await q.claim(1, 1000);
    await q.fail(job!, new Error('HELPDESK_HTTP: Zendesk answered 422'));
  });
  afterEach(async () => ts.cleanup());

  it('lists dead letters with their error, and retry puts one back in the queue', async () => {
    const listed = await baton(['jobs', '--json'], ts.env);
    const body = JSON.parse(listed.stdout) as { counts: Record<string, number>; jobs: { id: number; lastError: string }[] };
    expect(body.counts.dead).toBe(1);
    expect(body.jobs[0]!.lastError).toMatch(/422/);
    const retried = await baton(['jobs', 'retry', String(body.jobs[0]!.id)], ts.env);
    expect(retried.stdout).toMatch(/queued again/);
    const q = new JobQueue(ts.store, { workerId: 'test' });
    expect(await q.counts()).toEqual({ queued: 1 });
  });

  it('says so, with a non-zero exit, when the job is not a dead letter', async () => {
    const err = (await baton(['jobs', 'retry', '999'], ts.env).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/no dead job #999/);
  });
});
