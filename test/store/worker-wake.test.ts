/**
 * The worker claims again, instead of sleeping until its next poll, when it is told of a job
 * while a claim is under way: that claim's snapshot may have been taken before the job's
 * commit. Fake timers: a worker that went to sleep would never claim again here.
 */
import { afterEach, expect, it, vi } from 'vitest';
import type { Job, JobQueue } from '../../connector/src/jobs/queue.js';
import { Worker } from '../../connector/src/jobs/worker.js';
import { silentLogger } from '../../connector/src/logger.js';

afterEach(() => {
  vi.useRealTimers();
});

const job = (id: number): Job => ({ id, kind: 'k', tenantId: 't', payload: null, status: 'running', attempts: 1, maxAttempts: 8, runAt: 0, lastError: null, dedupeKey: null, createdAt: 0, updatedAt: 0 });
const ticks = async (n = 20) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

it('claims again when a job is enqueued during a claim that found nothing', async () => {
  vi.useFakeTimers();
  let notify = () => {};
  let releaseFirst = (_: Job[]) => {};
  const claims: number[] = [];
  const done: number[] = [];
  const queue = {
    onEnqueue: (l: () => void) => ((notify = l), () => undefined),
    claim: (limit: number) => {
      claims.push(limit);
      if (claims.length === 1) return new Promise<Job[]>((resolve) => (releaseFirst = resolve));
      return Promise.resolve(claims.length === 2 ? [job(1)] : []);
    },
    nextRunAt: async () => null, // the job's commit is not visible to this look either
    complete: async (id: number) => (done.push(id), true),
    renew: async () => true,
  } as unknown as JobQueue;
  const worker = new Worker(queue, { k: async () => undefined }, { concurrency: 2, pollMs: 60_000, log: silentLogger });
  worker.start();
  await ticks();
  expect(claims).toEqual([2]);
  notify(); // another request committed a job while the claim was running
  releaseFirst([]);
  await ticks();
  expect(claims.slice(0, 2)).toEqual([2, 2]);
  expect(done).toEqual([1]);
  const stopped = worker.stop();
  await vi.runAllTimersAsync();
  await stopped;
});
