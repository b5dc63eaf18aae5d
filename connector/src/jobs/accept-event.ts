/**
 * Persist an event and its job in one transaction before the webhook is answered, so an
 * acknowledged webhook is never lost; a redelivery finds its id and has no second effect.
 */
import type { HelpdeskEvent } from '../events/types.js';
import { PROCESS_EVENT_JOB, ticketJobKey } from './job-keys.js';
import type { JobQueue } from './queue.js';
import type { Store } from '../store/db.js';

export function tenantIdFor(event: Pick<HelpdeskEvent, 'provider' | 'accountId'>): string {
  return `${event.provider}:${event.accountId}`;
}

export async function acceptEvent(
  store: Store,
  queue: JobQueue,
  event: HelpdeskEvent,
  opts: { status?: 'accepted' | 'ignored'; note?: string; now?: number } = {},
): Promise<'accepted' | 'duplicate' | 'ignored'> {
  const tenantId = tenantIdFor(event);
  const now = opts.now ?? Date.now();
  const status = opts.status ?? 'accepted';
  return store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tenants')
      .values({ id: tenantId, provider: event.provider, account: event.accountId, created_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const inserted = await trx
      .insertInto('webhook_events')
      .values({
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
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'duplicate';
    if (status === 'ignored') return 'ignored';
    await queue.enqueue(
      { kind: PROCESS_EVENT_JOB, tenantId, payload: { eventId: event.eventId, receivedAt: now }, dedupeKey: ticketJobKey(tenantId, event.ticket.id, `evt:${event.eventId}`) },
      trx,
    );
    return 'accepted';
  });
}
