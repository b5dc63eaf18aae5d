/**
 * The sweep's lease on both backends: of replicas racing for it exactly one gets it, nobody
 * else can move the cursor while it runs, a dead holder's lease is taken over once it ran
 * out, and a released lease is free at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SweepLease } from '../../connector/src/catch-up/lease.js';
import { migrate } from '../../connector/src/store/migrate.js';
import { BACKENDS, type TestStore } from '../helpers/stores.js';

describe.each(BACKENDS)('sweep lease on %s', (_name, open) => {
  let ts: TestStore;
  beforeEach(async () => {
    ts = await open();
    await migrate(ts.store);
  });
  afterEach(async () => ts.cleanup());

  it('goes to exactly one of several replicas racing for it, round after round', async () => {
    const replicas = ['a', 'b', 'c', 'd'].map((h) => new SweepLease(ts.store, 'zendesk-sweep:zendesk:acme', h));
    await replicas[0]!.ensure(1000);
    for (let round = 0; round < 15; round++) {
      const won = await Promise.all(replicas.map((r) => r.acquire(60_000)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = replicas[won.indexOf(true)]!;
      for (const other of replicas.filter((r) => r !== winner)) expect(await other.advance(`c${round}`, 60_000)).toBe(false);
      expect(await winner.advance(`cursor-${round}`, 60_000)).toBe(true);
      await winner.release();
    }
    expect(await replicas[0]!.state()).toMatchObject({ cursor: 'cursor-14', watch_since: 1000 });
  });

  it("takes over a dead holder's lease only once it has run out", async () => {
    let now = 10_000;
    const dead = new SweepLease(ts.store, 's', 'dead', () => now);
    const alive = new SweepLease(ts.store, 's', 'alive', () => now);
    await dead.ensure(0);
    await dead.ensure(5); // a second ensure keeps the first row
    expect(await dead.acquire(30_000)).toBe(true);
    now += 29_000;
    expect(await alive.acquire(30_000)).toBe(false);
    now += 2_000;
    expect(await alive.acquire(30_000)).toBe(true);
    expect(await dead.advance('stale', 30_000)).toBe(false); // the old holder cannot move the cursor
    expect(await alive.state()).toMatchObject({ holder: 'alive', watch_since: 0, cursor: null });
  });
});
