/**
 * Persist an event and its job in one transaction before the webhook is answered, so an
 * acknowledged webhook is never lost; a redelivery finds its id and has no second effect.
 * On SQLite the transaction is shared with the other webhooks that arrive together.
 */
import { sql } from 'kysely';
import type { HelpdeskEvent } from '../events/types.js';
import { PROCESS_EVENT_JOB, ticketJobKey } from './job-keys.js';
import type { JobQueue } from './queue.js';
import { groupCommitFor } from './sqlite-group-commit.js';
import type { Store } from '../store/db.js';
import type { WebhookEventsTable } from '../store/schema.js';

export function tenantIdFor(event: Pick<HelpdeskEvent, 'provider' | 'accountId'>): string {
  return `${event.provider}:${event.accountId}`;
}

type Outcome = 'accepted' | 'duplicate' | 'ignored';

export async function acceptEvent(
  store: Store,
  queue: JobQueue,
  event: HelpdeskEvent,
  opts: { status?: 'accepted' | 'ignored'; note?: string; now?: number } = {},
): Promise<Outcome> {
  const tenantId = tenantIdFor(event);
  const now = opts.now ?? Date.now();
  const status = opts.status ?? 'accepted';
  const row: WebhookEventsTable = {
    id: event.eventId,
    tenant_id: tenantId,
    provider: event.provider,
    delivery_id: event.deliveryId,
    type: event.type,
    ticket_id: event.ticket.id,
    received_at: now,
    payload: JSON.stringify(event),
    status,
    note: opts.note ?? null,
  };
  const tenant = { id: tenantId, provider: event.provider, account: event.accountId, created_at: now };
  const job = { kind: PROCESS_EVENT_JOB, tenantId, payload: { eventId: event.eventId, receivedAt: now }, dedupeKey: ticketJobKey(tenantId, event.ticket.id, `evt:${event.eventId}`) };
  const outcome = store.dialect === 'postgres' ? await acceptInOneStatement(store, queue, tenant, row, job) : await acceptInGroupCommit(store, queue, tenant, row, job);
  if (outcome === 'accepted') queue.notifyEnqueued(); // committed: a worker can claim it now
  return outcome;
}

type Tenant = { id: string; provider: string; account: string; created_at: number };
type NewJob = Parameters<JobQueue['enqueue']>[0];

/** SQLite: joins the webhooks arriving together in one commit (sqlite-group-commit.ts). */
function acceptInGroupCommit(store: Store, queue: JobQueue, tenant: Tenant, row: WebhookEventsTable, job: NewJob): Promise<Outcome> {
  return groupCommitFor(store).write({ tenant, row, job: row.status === 'ignored' ? null : queue.newRow(job) });
}

/**
 * PostgreSQL: tenant, event and job written by one statement (data-modifying CTEs), which is
 * one transaction and one round trip instead of five (begin, three inserts, commit). The job
 * is inserted from the event insert's RETURNING, so a redelivery (no event row) adds no job.
 */
async function acceptInOneStatement(store: Store, queue: JobQueue, tenant: Tenant, row: WebhookEventsTable, job: NewJob): Promise<Outcome> {
  const j = queue.newRow(job);
  const enqueue = row.status !== 'ignored';
  // Explicit casts: parameters in a SELECT list have no column to take their type from.
  const result = await sql<{ inserted: boolean }>`
    with tenant as (
      insert into tenants (id, provider, account, created_at)
      values (${tenant.id}, ${tenant.provider}, ${tenant.account}, ${tenant.created_at})
      on conflict (id) do nothing),
    event as (
      insert into webhook_events (id, tenant_id, provider, delivery_id, type, ticket_id, received_at, payload, status, note)
      values (${row.id}, ${row.tenant_id}, ${row.provider}, ${row.delivery_id}, ${row.type}, ${row.ticket_id}, ${row.received_at}, ${row.payload}, ${row.status}, ${row.note})
      on conflict (id) do nothing
      returning id),
    job as (
      insert into jobs (kind, tenant_id, payload, status, attempts, max_attempts, run_at, locked_by, locked_until, last_error, dedupe_key, group_key, created_at, updated_at)
      select ${j.kind}::text, ${j.tenant_id}::text, ${j.payload}::text, ${j.status}::text, ${j.attempts}::integer, ${j.max_attempts}::integer, ${j.run_at}::bigint,
             null, null, null, ${j.dedupe_key}::text, ${j.group_key}::text, ${j.created_at}::bigint, ${j.updated_at}::bigint
      from event where ${enqueue}::boolean
      on conflict (dedupe_key) do nothing)
    select exists (select 1 from event) as inserted`.execute(store.db);
  if (!result.rows[0]?.inserted) return 'duplicate';
  return enqueue ? 'accepted' : 'ignored';
}
