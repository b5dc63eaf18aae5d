/** Stored webhook events: the source of a ticket's conversation history for triage. */
import type { HelpdeskEvent } from '../events/types.js';
import type { Store } from './db.js';

export async function loadEvent(store: Store, eventId: string): Promise<HelpdeskEvent | undefined> {
  const row = await store.db.selectFrom('webhook_events').select('payload').where('id', '=', eventId).executeTakeFirst();
  return row ? (JSON.parse(row.payload) as HelpdeskEvent) : undefined;
}

export async function setEventStatus(store: Store, eventId: string, status: string, note?: string): Promise<void> {
  await store.db.updateTable('webhook_events').set({ status, note: note ?? null }).where('id', '=', eventId).execute();
}

/** Earlier events on the same ticket, oldest first. */
export async function ticketEvents(store: Store, tenantId: string, ticketId: string, beforeMs: number): Promise<HelpdeskEvent[]> {
  return readTicketEvents(store, tenantId, ticketId, { beforeMs, order: 'asc', limit: 50 });
}

/** The newest events on a ticket, newest first (the oldest-first read above stops at 50). */
export async function latestTicketEvents(store: Store, tenantId: string, ticketId: string, limit = 50): Promise<HelpdeskEvent[]> {
  return readTicketEvents(store, tenantId, ticketId, { order: 'desc', limit });
}

/** A ticket's stored events, ignored ones left out, by arrival. */
async function readTicketEvents(store: Store, tenantId: string, ticketId: string, q: { beforeMs?: number; order: 'asc' | 'desc'; limit: number }): Promise<HelpdeskEvent[]> {
  let query = store.db
    .selectFrom('webhook_events')
    .select('payload')
    .where('tenant_id', '=', tenantId)
    .where('ticket_id', '=', ticketId)
    .where('status', '!=', 'ignored');
  if (q.beforeMs !== undefined) query = query.where('received_at', '<', q.beforeMs);
  const rows = await query.orderBy('received_at', q.order).limit(q.limit).execute();
  return rows.map((r) => JSON.parse(r.payload) as HelpdeskEvent);
}
