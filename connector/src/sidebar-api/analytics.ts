/**
 * Dead letters for the analytics page: jobs that used up their attempts, with the ticket
 * they were about. The figures themselves come from the admin metrics (analytics-summary.ts).
 */
import { JobQueue } from '../jobs/queue.js';
import type { Store } from '../store/db.js';
import { notFound } from './errors.js';
import type { DeadLetterView } from './types.js';

/** Jobs that used up their attempts, with the ticket they were about when we can tell. */
export async function deadLetters(store: Store, tenantId: string, limit = 50): Promise<DeadLetterView[]> {
  const rows = await store.db
    .selectFrom('jobs')
    .select(['id', 'kind', 'attempts', 'last_error', 'payload', 'created_at', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'dead')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const eventIds = rows.map((r) => eventIdOf(r.payload)).filter((id): id is string => id !== null);
  const events = eventIds.length
    ? await store.db.selectFrom('webhook_events').select(['id', 'ticket_id']).where('id', 'in', eventIds).execute()
    : [];
  const ticketOf = new Map(events.map((e) => [e.id, e.ticket_id]));
  return rows.map((r) => {
    const eventId = eventIdOf(r.payload);
    return {
      id: Number(r.id),
      kind: r.kind,
      attempts: r.attempts,
      lastError: r.last_error,
      ticketId: eventId ? (ticketOf.get(eventId) ?? null) : null,
      createdAt: new Date(Number(r.created_at)).toISOString(),
      updatedAt: new Date(Number(r.updated_at)).toISOString(),
    };
  });
}

function eventIdOf(payload: string): string | null {
  try {
    const p = JSON.parse(payload) as { eventId?: unknown };
    return typeof p.eventId === 'string' ? p.eventId : null;
  } catch {
    return null;
  }
}

/**
 * Give one of the tenant's dead letters another full set of attempts (the queue's own
 * retry, as `baton jobs retry` does). A job of another tenant, or one that is not dead
 * (already retried, say), is not found: nothing to retry. The worker picks it up at its
 * next poll.
 */
export async function retryDeadLetter(store: Store, tenantId: string, id: number): Promise<{ status: 'queued' }> {
  const job = await store.db.selectFrom('jobs').select('id').where('id', '=', id).where('tenant_id', '=', tenantId).where('status', '=', 'dead').executeTakeFirst();
  if (!job || !(await new JobQueue(store, { workerId: 'sidebar-api' }).retryDead(id))) throw notFound(`No dead letter ${id} to retry.`);
  return { status: 'queued' };
}
