/**
 * One row per sweep in `sweep_state`: its cursor, and a lease so that with several replicas
 * exactly one sweeps at a time. Taking the lease is one conditional UPDATE, atomic on both
 * backends: SQLite has one writer, and PostgreSQL re-checks the WHERE clause on the row a
 * concurrent UPDATE just changed, so of two replicas racing only one matches.
 */
import type { Store } from '../store/db.js';
import type { SweepStateTable } from '../store/schema.js';

export class SweepLease {
  constructor(
    private readonly store: Store,
    readonly name: string,
    private readonly holder: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates the row on first use; `watchSince` is when Baton began to answer this account. */
  async ensure(watchSince: number): Promise<void> {
    await this.store.db
      .insertInto('sweep_state')
      .values({ name: this.name, cursor: null, watch_since: watchSince, holder: null, lease_until: 0, last_run_at: null, updated_at: this.now() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }

  /** Take (or extend) the lease for `ms`; false while another holder's lease runs. */
  async acquire(ms: number): Promise<boolean> {
    const now = this.now();
    const res = await this.store.db
      .updateTable('sweep_state')
      .set({ holder: this.holder, lease_until: now + ms, updated_at: now })
      .where('name', '=', this.name)
      .where((eb) => eb.or([eb('lease_until', '<', now), eb('holder', '=', this.holder)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async state(): Promise<SweepStateTable | undefined> {
    return this.store.db.selectFrom('sweep_state').selectAll().where('name', '=', this.name).executeTakeFirst();
  }

  /** Store the cursor and extend the lease, only while this holder still has it. */
  async advance(cursor: string, ms: number): Promise<boolean> {
    const now = this.now();
    const res = await this.store.db
      .updateTable('sweep_state')
      .set({ cursor, lease_until: now + ms, updated_at: now })
      .where('name', '=', this.name)
      .where('holder', '=', this.holder)
      .where('lease_until', '>=', now)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Let the next sweep (any replica's) start at once. */
  async release(): Promise<void> {
    const now = this.now();
    await this.store.db.updateTable('sweep_state').set({ lease_until: 0, last_run_at: now, updated_at: now }).where('name', '=', this.name).where('holder', '=', this.holder).execute();
  }
}
