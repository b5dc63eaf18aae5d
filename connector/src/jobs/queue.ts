/**
 * A durable job queue in the same database as everything else: jobs survive restarts,
 * a crashed worker's job is leased again when its lease runs out, failures back off
 * exponentially with jitter, and a job that keeps failing becomes a visible dead letter.
 */
import { sql, type Insertable, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database, JobsTable } from '../store/schema.js';
import type { Store } from '../store/db.js';

export interface NewJob {
  kind: string;
  tenantId: string;
  payload: unknown;
  /** Epoch ms; defaults to now. Timers are delayed jobs. */
  runAt?: number;
  /** Enqueueing the same key twice is a no-op (redeliveries, re-armed timers). */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface Job {
  id: number;
  kind: string;
  tenantId: string;
  payload: unknown;
  status: string;
  attempts: number;
  maxAttempts: number;
  runAt: number;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface QueueOptions {
  workerId: string;
  defaultMaxAttempts?: number;
  /** Backoff base and cap, in ms. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  now?: () => number;
  random?: () => number;
}

type Db = Kysely<Database> | Transaction<Database>;

export class JobQueue {
  private readonly now: () => number;
  private readonly random: () => number;
  private listeners = new Set<() => void>();

  constructor(private readonly store: Store, private readonly opts: QueueOptions) {
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
  }

  /** Called after each enqueue in this process, so a local worker can wake at once. */
  onEnqueue(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Tell local workers a job is there to claim. `enqueue` does it itself, except inside a
   * caller's transaction: the job is invisible to other connections until the commit, and a
   * worker woken before it would find nothing and sleep until its next poll. Such a caller
   * calls this once its transaction has committed.
   */
  notifyEnqueued(): void {
    queueMicrotask(() => this.listeners.forEach((l) => l()));
  }

  /** The row `enqueue` inserts, for a caller that inserts it in a statement of its own. */
  newRow(job: NewJob): Insertable<JobsTable> {
    const now = this.now();
    return {
      kind: job.kind,
      tenant_id: job.tenantId,
      payload: JSON.stringify(job.payload ?? null),
      status: 'queued',
      attempts: 0,
      max_attempts: job.maxAttempts ?? this.opts.defaultMaxAttempts ?? 8,
      run_at: job.runAt ?? now,
      locked_by: null,
      locked_until: null,
      last_error: null,
      dedupe_key: job.dedupeKey ?? null,
      group_key: job.dedupeKey?.includes('#') ? job.dedupeKey.slice(0, job.dedupeKey.indexOf('#')) : null,
      created_at: now,
      updated_at: now,
    };
  }

  /**
   * Returns the new job id, or null when the dedupe key already exists. Given `trx`, the job
   * is part of the caller's transaction, and the caller calls `notifyEnqueued` after its commit.
   */
  async enqueue(job: NewJob, trx?: Db): Promise<number | null> {
    const row = await (trx ?? this.store.db)
      .insertInto('jobs')
      .values(this.newRow(job))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row && !trx) this.notifyEnqueued();
    return row ? Number(row.id) : null;
  }

  /**
   * Lease up to `limit` runnable jobs: queued and due, or running with an expired lease
   * (their worker died). On PostgreSQL rows are claimed with FOR UPDATE SKIP LOCKED so
   * replicas never take the same job; SQLite has one writer, so one UPDATE is atomic.
   * Jobs of a ticket that already has a job running are left for later, so one ticket's
   * messages are handled in order.
   */
  async claim(limit: number, leaseMs: number): Promise<Job[]> {
    const now = this.now();
    const until = now + leaseMs;
    const me = this.opts.workerId;
    if (this.store.dialect === 'postgres') return this.claimOnPostgres(limit, now, until);
    const result = await sql<JobsTable>`
      update jobs set status = 'running', locked_by = ${me}, locked_until = ${until},
             attempts = attempts + 1, updated_at = ${now}
      where id in (
        select j.id from jobs j
        where ${runnable(now)}
        order by j.run_at, j.id
        limit ${limit})
      returning *`.execute(this.store.db);
    return result.rows.map(toJob);
  }

  /**
   * Claims are serialised by a transaction-scoped advisory lock, which closes the window where
   * two replicas could each take a different message of the same ticket: the claim that waited
   * for the lock reads the rows the other one claimed (a statement after the lock sees what
   * committed before it). The lock and the claim go as two statements of one simple query: one
   * transaction in one round trip, instead of begin, lock, claim and commit in four, and the lock
   * is held for the claim's own time, not across network round trips. The simple protocol takes
   * no parameters, so the values are written in: numbers checked as integers, the worker id
   * escaped as a literal.
   */
  private async claimOnPostgres(limit: number, now: number, until: number): Promise<Job[]> {
    const pool = this.store.pool;
    if (!pool) throw new Error('a PostgreSQL store needs its pool to claim jobs');
    for (const n of [limit, now, until]) if (!Number.isSafeInteger(n)) throw new Error(`claim: ${n} is not an integer`);
    const statement = sql`
      select pg_advisory_xact_lock(4242002);
      update jobs set status = 'running', locked_by = ${sql.raw(pg.escapeLiteral(this.opts.workerId))}, locked_until = ${sql.lit(until)},
             attempts = attempts + 1, updated_at = ${sql.lit(now)}
      where id in (
        select j.id from jobs j
        where ${runnable(sql.lit(now))}
        order by j.run_at, j.id
        limit ${sql.lit(limit)}
        for update skip locked)
      returning *`.compile(this.store.db);
    if (statement.parameters.length > 0) throw new Error('claim: the simple query protocol takes no parameters');
    const results = (await pool.query(statement.sql)) as unknown as pg.QueryResult<JobsTable>[];
    return results[1]!.rows.map(toJob);
  }

  /** Extend the lease of a job this worker is still running (a long job keeps it). */
  async renew(id: number, leaseMs: number): Promise<boolean> {
    const res = await this.store.db
      .updateTable('jobs')
      .set({ locked_until: this.now() + leaseMs })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', this.opts.workerId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Mark done, only if this worker still holds the lease. */
  async complete(id: number): Promise<boolean> {
    const res = await this.store.db
      .updateTable('jobs')
      .set({ status: 'done', locked_by: null, locked_until: null, updated_at: this.now() })
      .where('id', '=', id)
      .where('locked_by', '=', this.opts.workerId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Retry later with exponential backoff and full jitter, or dead-letter it. */
  async fail(job: Job, error: unknown, opts: { retryable?: boolean; retryAfterMs?: number } = {}): Promise<'retry' | 'dead'> {
    const message = describeError(error);
    const now = this.now();
    const dead = opts.retryable === false || job.attempts >= job.maxAttempts;
    const base = this.opts.backoffBaseMs ?? 1000;
    const cap = this.opts.backoffCapMs ?? 10 * 60_000;
    const exp = Math.min(cap, base * 2 ** Math.max(0, job.attempts - 1));
    const delay = Math.max(opts.retryAfterMs ?? 0, Math.round(exp / 2 + (this.random() * exp) / 2));
    await this.store.db
      .updateTable('jobs')
      .set({
        status: dead ? 'dead' : 'queued',
        run_at: dead ? job.runAt : now + delay,
        locked_by: null,
        locked_until: null,
        last_error: message.slice(0, 2000),
        updated_at: now,
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', this.opts.workerId)
      .execute();
    return dead ? 'dead' : 'retry';
  }

  /** Cancel queued jobs by dedupe key prefix (e.g. a ticket's pending timers). */
  async cancelByKeyPrefix(prefix: string, kind?: string): Promise<number> {
    let q = this.store.db
      .updateTable('jobs')
      .set({ status: 'cancelled', updated_at: this.now() })
      .where('status', '=', 'queued')
      .where('dedupe_key', 'like', `${prefix.replace(/[%_]/g, (c) => `\\${c}`)}%`);
    // A prefix within one ticket's group: search that group (indexed), not every queued job;
    // every customer message cancels its ticket's timers, and a busy night queues thousands.
    if (prefix.includes('#')) q = q.where('group_key', '=', prefix.slice(0, prefix.indexOf('#')));
    if (kind) q = q.where('kind', '=', kind);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  async list(filter: { status?: string; kind?: string; limit?: number } = {}): Promise<Job[]> {
    let q = this.store.db.selectFrom('jobs').selectAll();
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    const rows = await q.orderBy('id', 'desc').limit(filter.limit ?? 100).execute();
    return rows.map(toJob);
  }

  async get(id: number): Promise<Job | undefined> {
    const row = await this.store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toJob(row) : undefined;
  }

  /** Give a dead letter another full set of attempts. */
  async retryDead(id: number): Promise<boolean> {
    const res = await this.store.db
      .updateTable('jobs')
      .set({ status: 'queued', attempts: 0, run_at: this.now(), updated_at: this.now() })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    const ok = Number(res.numUpdatedRows) > 0;
    if (ok) this.listeners.forEach((l) => l());
    return ok;
  }

  async counts(): Promise<Record<string, number>> {
    const rows = await this.store.db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** Epoch ms of the earliest queued job, for the worker's sleep. */
  async nextRunAt(): Promise<number | null> {
    const row = await this.store.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('run_at').as('next'))
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return row?.next == null ? null : Number(row.next);
  }
}

/**
 * Due (or lease-expired) jobs that are first in their group: nothing earlier of the same
 * ticket is still due or running, and nothing of the ticket runs under a live lease.
 */
function runnable(now: number | RawBuilder<unknown>) {
  return sql`((j.status = 'queued' and j.run_at <= ${now}) or (j.status = 'running' and j.locked_until < ${now}))
    and (j.group_key is null or not exists (
      select 1 from jobs r where r.group_key = j.group_key and r.id <> j.id and (
        (r.status = 'running' and (r.locked_until >= ${now} or r.id < j.id))
        or (r.status = 'queued' and r.run_at <= ${now} and r.id < j.id))))`;
}

function toJob(row: JobsTable | Record<string, any>): Job {
  return {
    id: Number(row.id),
    kind: row.kind,
    tenantId: row.tenant_id,
    payload: JSON.parse(row.payload),
    status: row.status,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAt: Number(row.run_at),
    lastError: row.last_error ?? null,
    dedupeKey: row.dedupe_key ?? null,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${(error as { code?: string }).code ? `${(error as { code?: string }).code}: ` : ''}${error.message}`;
  return String(error);
}
