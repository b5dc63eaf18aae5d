/**
 * Persist an event and its job in one transaction before the webhook is answered, so an
 * acknowledged webhook is never lost; a redelivery finds its id and has no second effect.
 */
import type { HelpdeskEvent } from '../events/types.js';
import { PROCESS_EVENT_JOB, ticketJobKey } from './job-keys.js';
import type { JobQueue } from './queue.js';
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
  const outcome = await acceptInTransaction(store, queue, tenant, row, job);
  if (outcome === 'accepted') queue.notifyEnqueued(); // committed: a worker can claim it now
  return outcome;
}

type Tenant = { id: string; provider: string; account: string; created_at: number };
type NewJob = Parameters<JobQueue['enqueue']>[0];

async function acceptInTransaction(store: Store, queue: JobQueue, tenant: Tenant, row: WebhookEventsTable, job: NewJob): Promise<Outcome> {
  return store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tenants')
      .values(tenant)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const inserted = await trx
      .insertInto('webhook_events')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'duplicate';
    if (row.status === 'ignored') return 'ignored';
    await queue.enqueue(job, trx);
    return 'accepted';
  });
}
