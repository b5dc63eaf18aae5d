/**
 * SQLite intake: the events that arrive together are committed together. Each webhook's
 * tenant, event and job wait for the end of the current turn of the event loop (setImmediate:
 * every request read in the same poll joins, and a lone webhook waits for nothing but that
 * turn), then all are written in one transaction, each under a savepoint of its own, so one
 * that fails is rolled back alone and the others still commit. Every promise settles only
 * after the commit: a 202 still means the event and its job are on disk (WAL).
 *
 * Why: a commit costs more than the three inserts it holds (under load it was most of the
 * intake's database time), and Kysely's query building per statement cost as much again;
 * here the statements are prepared once and run in one synchronous block.
 *
 * A flush takes Kysely's connection, so a caller must not wait for a write while it holds
 * that connection itself (inside `db.transaction()` or `db.connection()`): it would wait on
 * itself. No caller does; acceptEvent is only called outside transactions.
 */
import type SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { Store } from '../store/db.js';
import type { JobsTable, WebhookEventsTable } from '../store/schema.js';

export type AcceptOutcome = 'accepted' | 'duplicate' | 'ignored';

export interface IntakeWrite {
  tenant: { id: string; provider: string; account: string; created_at: number };
  row: WebhookEventsTable;
  /** null: record the event without a job (an ignored one). */
  job: Insertable<JobsTable> | null;
}

interface Pending {
  write: IntakeWrite;
  resolve(outcome: AcceptOutcome): void;
  reject(err: unknown): void;
}

export class SqliteGroupCommit {
  /** Transactions committed and writes in them, for operators and tests. */
  readonly stats = { commits: 0, writes: 0 };
  private pending: Pending[] = [];
  private statements: ReturnType<typeof prepare> | undefined;

  constructor(private readonly store: Store) {
    if (!store.sqlite) throw new Error('group commit needs a SQLite store');
  }

  write(write: IntakeWrite): Promise<AcceptOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    let results: (AcceptOutcome | Error)[];
    try {
      // Kysely's single connection is held meanwhile: no Kysely transaction (a worker's) can be
      // open on it, so BEGIN here is a real transaction and COMMIT makes it durable.
      results = await this.store.db.connection().execute(async () => this.writeAll(batch.map((p) => p.write)));
    } catch (err) {
      batch.forEach((p) => p.reject(err)); // nothing committed: every sender is told to retry
      return;
    }
    this.stats.commits++;
    this.stats.writes += batch.length;
    batch.forEach((p, i) => {
      const r = results[i]!;
      if (r instanceof Error) p.reject(r);
      else p.resolve(r);
    });
  }

  private writeAll(writes: IntakeWrite[]): (AcceptOutcome | Error)[] {
    const sqlite = this.store.sqlite!;
    if (sqlite.inTransaction) throw new Error('group commit: the SQLite connection is already in a transaction');
    const s = (this.statements ??= prepare(sqlite));
    return s.all(writes.map((w) => (): AcceptOutcome | Error => {
      try {
        return s.one(w);
      } catch (err) {
        return err instanceof Error ? err : new Error(String(err));
      }
    }));
  }
}

/**
 * The statements, prepared once. A statement whose table changed is re-prepared by SQLite;
 * one whose table is gone throws when run, which fails that write alone.
 */
function prepare(sqlite: SQLite.Database) {
  const tenant = sqlite.prepare('insert into tenants (id, provider, account, created_at) values (?, ?, ?, ?) on conflict (id) do nothing');
  const event = sqlite.prepare(
    'insert into webhook_events (id, tenant_id, provider, delivery_id, type, ticket_id, received_at, payload, status, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing',
  );
  const job = sqlite.prepare(
    'insert into jobs (kind, tenant_id, payload, status, attempts, max_attempts, run_at, locked_by, locked_until, last_error, dedupe_key, group_key, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing',
  );
  // Nested inside `all`, better-sqlite3 runs `one` under a savepoint: a throw rolls back that write only.
  const one = sqlite.transaction((w: IntakeWrite): AcceptOutcome => {
    const t = w.tenant;
    tenant.run(t.id, t.provider, t.account, t.created_at);
    const r = w.row;
    if (event.run(r.id, r.tenant_id, r.provider, r.delivery_id, r.type, r.ticket_id, r.received_at, r.payload, r.status, r.note).changes === 0) return 'duplicate';
    if (!w.job) return 'ignored';
    const j = w.job;
    job.run(j.kind, j.tenant_id, j.payload, j.status, j.attempts, j.max_attempts, j.run_at, j.locked_by, j.locked_until, j.last_error, j.dedupe_key, j.group_key, j.created_at, j.updated_at);
    return 'accepted';
  });
  const all = sqlite.transaction((steps: (() => AcceptOutcome | Error)[]) => steps.map((step) => step()));
  return { one, all };
}

const committers = new WeakMap<Store, SqliteGroupCommit>();

/** One group commit per store: every caller of that store joins the same batches. */
export function groupCommitFor(store: Store): SqliteGroupCommit {
  let c = committers.get(store);
  if (!c) committers.set(store, (c = new SqliteGroupCommit(store)));
  return c;
}
