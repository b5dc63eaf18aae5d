import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { BACKENDS, type TestStore } from '../helpers/stores.js';

describe.each(BACKENDS)('job queue on %s', (_name, open) => {
  let ts: TestStore;
  let clock: number;
  const queue = (workerId: string) => new JobQueue(ts.store, { workerId, now: () => clock, random: () => 1, backoffBaseMs: 1000 });

  beforeEach(async () => {
    ts = await open();
    clock = 1_000_000;
  });
  afterEach(async () => ts.cleanup());

  it('runs a job once, in due order, and keeps delayed jobs until their time', async () => {
    const q = queue('w1');
    await q.enqueue({ kind: 'k', tenantId: 't', payload: { n: 1 } });
    await q.enqueue({ kind: 'k', tenantId: 't', payload: { n: 2 }, runAt: clock + 60_000 });
    const first = await q.claim(10, 30_000);
    expect(first.map((j) => j.payload)).toEqual([{ n: 1 }]);
    expect(await q.complete(first[0]!.id)).toBe(true);
    expect(await q.claim(10, 30_000)).toEqual([]);
    clock += 60_000;
    const due = await q.claim(10, 30_000);
    expect(due.map((j) => j.payload)).toEqual([{ n: 2 }]);
  });

  it('ignores a second enqueue with the same dedupe key', async () => {
    const q = queue('w1');
    expect(await q.enqueue({ kind: 'k', tenantId: 't', payload: 1, dedupeKey: 'a#1' })).not.toBeNull();
    expect(await q.enqueue({ kind: 'k', tenantId: 't', payload: 2, dedupeKey: 'a#1' })).toBeNull();
    expect((await q.counts()).queued).toBe(1);
  });

  it('backs off exponentially, then dead-letters after max attempts, and can retry a dead letter', async () => {
    const q = queue('w1');
    await q.enqueue({ kind: 'k', tenantId: 't', payload: null, maxAttempts: 3 });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [job] = await q.claim(1, 30_000);
      expect(job).toBeDefined();
      const outcome = await q.fail(job!, new Error(`boom ${i}`));
      if (outcome === 'retry') {
        const again = (await q.get(job!.id))!;
        delays.push(again.runAt - clock);
        clock = again.runAt;
      } else expect(i).toBe(2);
    }
    expect(delays).toEqual([1000, 2000]); // random()=1 → the full exponential step
    const [dead] = await q.list({ status: 'dead' });
    expect(dead?.lastError).toBe('boom 2');
    expect(await q.retryDead(dead!.id)).toBe(true);
    expect((await q.claim(1, 30_000)).length).toBe(1);
  });

  it('gives a job whose worker died to another worker once the lease expires', async () => {
    const a = queue('dead-worker');
    const b = queue('w2');
    await a.enqueue({ kind: 'k', tenantId: 't', payload: 'x' });
    const [job] = await a.claim(1, 10_000);
    expect(await b.claim(1, 10_000)).toEqual([]);
    clock += 10_001;
    const [again] = await b.claim(1, 10_000);
    expect(again?.id).toBe(job!.id);
    expect(again?.attempts).toBe(2);
    expect(await a.complete(job!.id)).toBe(false); // the old worker lost its lease
    expect(await b.complete(job!.id)).toBe(true);
  });

  it('never hands the same job to two workers claiming at once', async () => {
    const setup = queue('setup');
    for (let i = 0; i < 40; i++) await setup.enqueue({ kind: 'k', tenantId: 't', payload: i, dedupeKey: `t${i}#e` });
    const workers = ['a', 'b', 'c', 'd'].map(queue);
    const claimed = (await Promise.all(workers.map((w) => w.claim(15, 30_000)))).flat();
    const ids = claimed.map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(40);
  });

  it("keeps one ticket's jobs in order: a second job waits while the first runs", async () => {
    const q = queue('w1');
    await q.enqueue({ kind: 'k', tenantId: 't', payload: 'first', dedupeKey: 't:acme:1#evt:a' });
    await q.enqueue({ kind: 'k', tenantId: 't', payload: 'second', dedupeKey: 't:acme:1#evt:b' });
    await q.enqueue({ kind: 'k', tenantId: 't', payload: 'other ticket', dedupeKey: 't:acme:2#evt:c' });
    const batch = await q.claim(10, 30_000);
    expect(batch.map((j) => j.payload).sort()).toEqual(['first', 'other ticket']);
    await q.complete(batch.find((j) => j.payload === 'first')!.id);
    expect((await q.claim(10, 30_000)).map((j) => j.payload)).toEqual(['second']);
  });

  it('cancels queued timers by key prefix', async () => {
    const q = queue('w1');
    await q.enqueue({ kind: 'timer', tenantId: 't', payload: null, dedupeKey: 't:acme:9#timer:silence', runAt: clock + 1000 });
    await q.enqueue({ kind: 'timer', tenantId: 't', payload: null, dedupeKey: 't:acme:10#timer:silence', runAt: clock + 1000 });
    expect(await q.cancelByKeyPrefix('t:acme:9#timer:')).toBe(1);
    clock += 1000;
    expect((await q.claim(10, 1000)).map((j) => j.dedupeKey)).toEqual(['t:acme:10#timer:silence']);
  });
});
