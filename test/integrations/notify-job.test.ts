/**
 * Notifications as durable jobs: notifyJobs() enqueued in a real queue (SQLite), run by
 * the real Worker with notificationJobHandler against loopback receivers. A 503 is
 * retried until it succeeds; a 404 becomes a dead letter after one try; the stored
 * payload holds no URL or secret.
 */
import express from 'express';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { PermanentJobError, Worker } from '../../connector/src/jobs/worker.js';
import { silentLogger } from '../../connector/src/logger.js';
import { notificationJobHandler, notifyJobs, NOTIFY_JOB } from '../../connector/src/integrations/notify/job.js';
import type { NotifyTarget } from '../../connector/src/integrations/notify/types.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';
import { closeAll, serve } from './loopback.js';
import { HANDED_OFF_AT, notice } from './notify-fixtures.js';

let ts: TestStore;
let worker: Worker | undefined;
beforeEach(async () => {
  ts = await sqliteTestStore();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await closeAll();
  await ts.cleanup();
});

/** Answers the scripted statuses in turn, then 200. */
async function receiver(statuses: number[], hits: string[]) {
  const app = express();
  app.post('/hook', express.json(), (req, res) => {
    hits.push(String(req.body.type ?? 'slack'));
    res.status(statuses.shift() ?? 200).send('ok');
  });
  return `${await serve(app)}/hook`;
}

function start(targets: NotifyTarget[]) {
  const queue = new JobQueue(ts.store, { workerId: 'w-notify', backoffBaseMs: 1, backoffCapMs: 5 });
  const settled: string[] = [];
  worker = new Worker(queue, { [NOTIFY_JOB]: notificationJobHandler({ targets, now: () => HANDED_OFF_AT + 60_000 }) }, { concurrency: 2, pollMs: 10, log: silentLogger, onSettled: (_job, outcome) => settled.push(outcome) });
  worker.start();
  return { queue, settled };
}

describe('notify jobs', () => {
  it('retries a receiver answering 503 until it takes the notification', async () => {
    const hits: string[] = [];
    const targets: NotifyTarget[] = [{ name: 'webhook', kind: 'webhook', url: await receiver([503, 503], hits), secret: 'whsec_0123456789abcdef0123' }];
    const { queue, settled } = start(targets);
    const [job] = notifyJobs(notice(), targets);
    const id = (await queue.enqueue(job!))!;
    await vi.waitFor(async () => expect((await queue.get(id))?.status).toBe('done'), { timeout: 10_000, interval: 20 });
    expect(hits).toEqual(['handoff.assigned', 'handoff.assigned', 'handoff.assigned']);
    expect(settled).toEqual(['retry', 'retry', 'done']);
    expect((await queue.get(id))!.attempts).toBe(3);
  });

  it('dead-letters a revoked Slack webhook after one try', async () => {
    const hits: string[] = [];
    const targets: NotifyTarget[] = [{ name: 'slack', kind: 'slack', url: await receiver([404], hits) }];
    const { queue } = start(targets);
    const id = (await queue.enqueue(notifyJobs(notice(), targets)[0]!))!;
    await vi.waitFor(async () => expect((await queue.get(id))?.status).toBe('dead'), { timeout: 10_000, interval: 20 });
    const dead = (await queue.get(id))!;
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toContain('Slack webhook "slack" answered 404');
    expect(hits).toHaveLength(1);
  });

  it('enqueues one job per target, once per handoff, with no URL or secret in the payload', async () => {
    const targets: NotifyTarget[] = [
      { name: 'slack', kind: 'slack', url: 'http://127.0.0.1:9/services/T/B/SECRETPATH' },
      { name: 'webhook', kind: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 'whsec_never_in_the_database' },
    ];
    const queue = new JobQueue(ts.store, { workerId: 'w' });
    const jobs = notifyJobs(notice(), targets);
    expect(jobs.map((j) => [j.kind, j.dedupeKey])).toEqual([
      ['notify', 'notify:default:evt_01JD8Z:slack'],
      ['notify', 'notify:default:evt_01JD8Z:webhook'],
    ]);
    for (const j of jobs) await queue.enqueue(j);
    for (const j of jobs) expect(await queue.enqueue(j)).toBeNull(); // redelivered handoff: no second notification
    const stored = JSON.stringify(await queue.list({ kind: 'notify' }));
    expect(stored).not.toContain('SECRETPATH');
    expect(stored).not.toContain('whsec_never_in_the_database');
  });
});

describe('notificationJobHandler on its own', () => {
  const job = (payload: unknown) => ({ id: 1, kind: NOTIFY_JOB, tenantId: 'default', payload, status: 'running', attempts: 1, maxAttempts: 6, runAt: 0, lastError: null, dedupeKey: null, createdAt: 0, updatedAt: 0 });

  it('refuses a malformed payload permanently', async () => {
    const handler = notificationJobHandler({ targets: [] });
    await expect(handler(job({ target: 'slack' }), silentLogger)).rejects.toBeInstanceOf(PermanentJobError);
  });

  it('drops notifications for a target no longer configured, and ones too old to help', async () => {
    const hits: string[] = [];
    const url = await receiver([], hits);
    const targets: NotifyTarget[] = [{ name: 'slack', kind: 'slack', url }];
    await notificationJobHandler({ targets })(job({ target: 'teams', handoff: notice() }), silentLogger);
    await notificationJobHandler({ targets, now: () => HANDED_OFF_AT + 7 * 3_600_000 })(job({ target: 'slack', handoff: notice() }), silentLogger);
    expect(hits).toEqual([]);
    await notificationJobHandler({ targets, now: () => HANDED_OFF_AT + 5 * 3_600_000 })(job({ target: 'slack', handoff: notice() }), silentLogger);
    expect(hits).toEqual(['slack']);
  });
});
