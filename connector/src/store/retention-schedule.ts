/**
 * Runs the retention purge where the worker runs: once at start, then every interval. Each
 * replica purges on its own; two purges meeting on PostgreSQL delete each row once (the second
 * finds it gone), so no lease is needed. `stop` ends a purge between two batches.
 */
import type { Logger } from 'pino';
import type { Store } from './db.js';
import { purgeExpired, type PurgeCounts, type RetentionPolicy } from './retention.js';

/** Rows age by days; once an hour keeps each purge small without being noticed. */
export const RETENTION_INTERVAL_MS = 60 * 60_000;

export interface RetentionScheduleDeps {
  store: Store;
  policy: RetentionPolicy;
  log: Logger;
  intervalMs?: number;
  batchSize?: number;
  onPurged?: (counts: PurgeCounts) => void;
}

export class RetentionSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  /** Set by `stop`: a purge in progress ends after its current batch. */
  private halting = false;

  constructor(private readonly deps: RetentionScheduleDeps) {}

  /** Nothing to schedule when both periods keep rows for ever. */
  get enabled(): boolean {
    return this.deps.policy.days > 0 || this.deps.policy.deadLetterDays > 0;
  }

  start(): void {
    if (!this.stopped || !this.enabled) return;
    this.stopped = false;
    this.halting = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .catch((err) => this.deps.log.warn({ err: (err as Error).message }, 'retention purge failed; the next one tries again'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.deps.intervalMs ?? RETENTION_INTERVAL_MS);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  async runOnce(): Promise<PurgeCounts> {
    const counts = await purgeExpired(this.deps.store, this.deps.policy, { batchSize: this.deps.batchSize, proceed: () => !this.halting });
    this.deps.onPurged?.(counts);
    if (counts.finishedJobs + counts.deadLetters + counts.events + counts.rawDeliveries > 0) this.deps.log.info({ purged: counts }, 'retention purge deleted expired rows');
    return counts;
  }
}
