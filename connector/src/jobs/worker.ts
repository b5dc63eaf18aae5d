/**
 * Runs queued jobs with bounded concurrency. Handlers are looked up by job kind; a
 * handler that throws a retryable error is retried later, anything marked permanent
 * (or out of attempts) becomes a dead letter that `baton jobs` and the API show.
 */
import type { Logger } from 'pino';
import { isBatonError } from '../errors.js';
import type { Job, JobQueue } from './queue.js';

export type JobHandler = (job: Job, log: Logger) => Promise<void>;

export interface WorkerOptions {
  concurrency: number;
  leaseMs?: number;
  /** Longest sleep between polls when idle (other replicas may enqueue). */
  pollMs?: number;
  log: Logger;
  onSettled?: (job: Job, outcome: 'done' | 'retry' | 'dead', error?: unknown) => void;
}

/** Errors that will fail the same way on every try. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export class Worker {
  private running = 0;
  private stopped = true;
  private wake: (() => void) | null = null;
  private poked = false;
  private loopDone: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Record<string, JobHandler>,
    private readonly opts: WorkerOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.queue.onEnqueue(() => this.poke());
    this.loopDone = this.loop();
  }

  /** Stop claiming and wait for the jobs in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.poke();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * A job was enqueued or a slot came free. While the loop sleeps it wakes at once; while it
   * is claiming, the poke is kept, so the loop claims again instead of sleeping: the job may
   * have committed after that claim's snapshot and would otherwise wait for the next poll.
   */
  private poke(): void {
    this.poked = true;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    const leaseMs = this.opts.leaseMs ?? 60_000;
    const pollMs = this.opts.pollMs ?? 1000;
    while (!this.stopped) {
      this.poked = false;
      const free = this.opts.concurrency - this.running;
      let claimed: Job[] = [];
      if (free > 0) {
        try {
          claimed = await this.queue.claim(free, leaseMs);
        } catch (err) {
          // The database may be restarting: log, wait, and try again.
          this.opts.log.warn({ err: String(err) }, 'job claim failed; retrying');
        }
      }
      for (const job of claimed) this.track(this.run(job));
      if (claimed.length === free && free > 0) continue;
      let sleep = pollMs;
      // A job was claimed (or every slot is busy): a job finishing pokes the loop, which then
      // claims again and, finding nothing, asks when the next job is due. Asked only then, it
      // costs one query per idle moment, not one per claim.
      if (free > 0 && claimed.length === 0) {
        try {
          const next = await this.queue.nextRunAt();
          if (next !== null) sleep = Math.max(5, Math.min(pollMs, next - Date.now()));
        } catch {
          /* keep the default sleep */
        }
      }
      if (this.poked) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, sleep);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => {
      this.inFlight.delete(p);
      this.poke();
    });
  }

  private async run(job: Job): Promise<void> {
    this.running++;
    const log = this.opts.log.child({ job: job.id, kind: job.kind, attempt: job.attempts });
    // Renew the lease while the handler runs: a slow helpdesk (retries, Retry-After) must not
    // let another replica start the same job.
    const leaseMs = this.opts.leaseMs ?? 60_000;
    const heartbeat = setInterval(() => void this.queue.renew(job.id, leaseMs).catch(() => undefined), Math.max(1000, leaseMs / 3));
    try {
      const handler = this.handlers[job.kind];
      if (!handler) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
      await handler(job, log);
      await this.queue.complete(job.id);
      this.opts.onSettled?.(job, 'done');
    } catch (err) {
      const permanent = err instanceof PermanentJobError || (isBatonError(err) && err.status >= 400 && err.status < 500 && err.status !== 409 && err.status !== 429);
      const retryAfterMs = isBatonError(err, 'HELPDESK_RATE_LIMITED') ? Number(err.details?.retryAfterMs ?? 0) : undefined;
      let outcome: 'retry' | 'dead' = 'dead';
      try {
        outcome = await this.queue.fail(job, err, { retryable: !permanent, retryAfterMs });
      } catch (failErr) {
        // Could not record the failure (database down): the lease expires and the job runs again.
        log.error({ err: String(failErr) }, 'could not record job failure');
      }
      (outcome === 'dead' ? log.error.bind(log) : log.warn.bind(log))({ err: err instanceof Error ? err.message : String(err), outcome }, 'job failed');
      this.opts.onSettled?.(job, outcome, err);
    } finally {
      clearInterval(heartbeat);
      this.running--;
    }
  }
}
