/**
 * Retention: finished jobs, old dead letters, old webhook events and old kept raw webhook
 * bodies are deleted, so the tables a running service writes to for every webhook do not grow
 * for ever (and a job claim, which scans for due rows, does not slow down with them), and a
 * customer's words do not stay in a raw body longer than in the event made from it.
 *
 * Deletes go in small batches, each its own statement: a purge never holds SQLite's single
 * write lock, or a PostgreSQL transaction, for longer than one batch, and webhooks are
 * accepted between batches.
 *
 * What stays, whatever its age:
 * - queued and running jobs; dead letters until their own (longer) period is over, since an
 *   admin lists and retries them (`baton jobs`, /api/jobs, the analytics page);
 * - an event while any job still names it (a dead letter's retry loads its event);
 * - the newest message event of each ticket: the catch-up sweep, a delivery that names no
 *   comment and a Freshdesk signal all take only messages newer than the newest one Baton saw
 *   on the ticket (catch-up/missing-messages.ts), so that event is what keeps an old message
 *   from being answered twice. Older events of the ticket can go: the newest one covers them;
 * - a kept raw delivery (intake/raw-deliveries.ts) while any job still names it: its
 *   resolve-delivery job loads it by id, and a dead letter's retry would find nothing (and
 *   fail for good) without it. Nothing else reads an old one: the catch-up sweep looks only
 *   at pending ones of the last minutes, and the body kept for whoever looks into a malformed
 *   delivery is worth no more than the events' own period. Its dedupe (the same delivery id
 *   and body) matters only while the helpdesk still retries, minutes, not days.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Store } from './db.js';

const DAY_MS = 86_400_000;
const DEFAULT_BATCH = 500;

/** Event types that carry a message; only they tell how far Baton saw a conversation. */
const MESSAGE_TYPES = ['ticket.customer_message', 'ticket.agent_message'];

export interface RetentionPolicy {
  /** Finished jobs (done, cancelled) and webhook events older than this many days go; 0 keeps them. */
  days: number;
  /** Dead letters that died more than this many days ago go; 0 keeps them. */
  deadLetterDays: number;
}

export interface PurgeOptions {
  now?: number;
  /** Rows deleted (jobs) or examined (events) per statement. */
  batchSize?: number;
  /** Asked between batches; false stops the purge where it is (the service is shutting down). */
  proceed?: () => boolean;
}

export interface PurgeCounts {
  /** Done and cancelled jobs. */
  finishedJobs: number;
  deadLetters: number;
  events: number;
  /** Kept raw webhook bodies (raw_deliveries). */
  rawDeliveries: number;
}

export async function purgeExpired(store: Store, policy: RetentionPolicy, opts: PurgeOptions = {}): Promise<PurgeCounts> {
  const now = opts.now ?? Date.now();
  const batch = opts.batchSize ?? DEFAULT_BATCH;
  const proceed = opts.proceed ?? (() => true);
  const counts: PurgeCounts = { finishedJobs: 0, deadLetters: 0, events: 0, rawDeliveries: 0 };
  // Jobs first: an event or raw delivery whose finished job has just gone is free to go in the same run.
  if (policy.days > 0) counts.finishedJobs = await purgeJobs(store, 'finished', now - policy.days * DAY_MS, batch, proceed);
  if (policy.deadLetterDays > 0 && proceed()) counts.deadLetters = await purgeJobs(store, 'dead', now - policy.deadLetterDays * DAY_MS, batch, proceed);
  if (policy.days > 0 && proceed()) counts.events = await purgeByArrival(store, 'webhook_events', EVENT_DELETABLE, now - policy.days * DAY_MS, batch, proceed);
  if (policy.days > 0 && proceed()) counts.rawDeliveries = await purgeByArrival(store, 'raw_deliveries', RAW_DELIVERY_DELETABLE, now - policy.days * DAY_MS, batch, proceed);
  return counts;
}

/**
 * Finished jobs by the time they were due (the claim index (status, run_at) finds them; a job
 * finishes at or after that time). Dead letters by the time they died (updated_at; a retry
 * through `baton jobs retry` starts the clock again).
 */
async function purgeJobs(store: Store, which: 'finished' | 'dead', cutoff: number, batch: number, proceed: () => boolean): Promise<number> {
  let total = 0;
  for (;;) {
    let ids = store.db.selectFrom('jobs').select('id').limit(batch);
    ids = which === 'finished' ? ids.where('status', 'in', ['done', 'cancelled']).where('run_at', '<', cutoff) : ids.where('status', '=', 'dead').where('updated_at', '<', cutoff);
    const res = await store.db.deleteFrom('jobs').where('id', 'in', ids).executeTakeFirst();
    const n = Number(res.numDeletedRows);
    total += n;
    if (n < batch || !(await nextBatch(proceed))) return total;
  }
}

/** Where a walk by arrival goes on from: the last row it read. */
interface Cursor {
  at: number;
  id: string;
}

/** Tables whose old rows are walked by arrival: both have `id` and `received_at`, indexed together. */
type ArrivalTable = 'webhook_events' | 'raw_deliveries';

/**
 * Rows of `table` that arrived before the cutoff, walked in arrival order a window of `batch`
 * rows at a time; of each window only the rows `deletable` allows are deleted (see the file
 * comment), and the kept ones are stepped over, so a purge reads each old row once instead of
 * scanning the kept ones again per batch.
 */
async function purgeByArrival(store: Store, table: ArrivalTable, deletable: RawBuilder<boolean>, cutoff: number, batch: number, proceed: () => boolean): Promise<number> {
  let total = 0;
  let after: Cursor | null = null;
  for (;;) {
    const from: Cursor | null = after;
    // Typed here: Kysely infers nothing useful from a union of table names.
    const window: { id: string; received_at: number }[] = await store.db
      .selectFrom(table)
      .select(['id', 'received_at'])
      .where('received_at', '<', cutoff)
      .$if(from !== null, (q) => q.where(sql<boolean>`(received_at, id) > (${from!.at}, ${from!.id})`))
      .orderBy('received_at')
      .orderBy('id')
      .limit(batch)
      .execute();
    if (window.length === 0) return total;
    const res = await store.db
      .deleteFrom(table)
      .where(
        'id',
        'in',
        window.map((r) => r.id),
      )
      .where(deletable)
      .executeTakeFirst();
    total += Number(res.numDeletedRows);
    const last = window[window.length - 1]!;
    after = { at: Number(last.received_at), id: last.id };
    if (window.length < batch || !(await nextBatch(proceed))) return total;
  }
}

/** An event goes unless a job still names it, or it is its ticket's newest message. */
const EVENT_DELETABLE = sql<boolean>`not exists (select 1 from jobs j where j.dedupe_key = 't:' || webhook_events.tenant_id || ':' || webhook_events.ticket_id || '#evt:' || webhook_events.id)
  and (webhook_events.status = 'ignored' or webhook_events.type not in (${sql.join(MESSAGE_TYPES)}) or exists (
    select 1 from webhook_events n
    where n.tenant_id = webhook_events.tenant_id and n.ticket_id = webhook_events.ticket_id
      and n.status <> 'ignored' and n.type in (${sql.join(MESSAGE_TYPES)}) and n.received_at > webhook_events.received_at))`;

/**
 * A raw delivery goes unless a job still names it through its dedupe key
 * (raw-deliveries.ts: `t:<tenant>:<ticket>#raw:<id>`); one without a ticket never had a job.
 */
const RAW_DELIVERY_DELETABLE = sql<boolean>`(raw_deliveries.ticket_id is null or not exists (select 1 from jobs j where j.dedupe_key = 't:' || raw_deliveries.tenant_id || ':' || raw_deliveries.ticket_id || '#raw:' || raw_deliveries.id))`;

/** Let other work (webhooks, the worker) have the database between two batches. */
async function nextBatch(proceed: () => boolean): Promise<boolean> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return proceed();
}
