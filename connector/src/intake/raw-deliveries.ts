/**
 * A signed delivery that cannot become an event yet (its body does not parse, or it names no
 * comment) is kept as it came, with a job that reads the comment through the API. Stored and
 * queued in one transaction before the 202, like an event: acknowledged means kept.
 */
import crypto from 'node:crypto';
import type { HelpdeskEvent, Provider } from '../events/types.js';
import type { JobQueue } from '../jobs/queue.js';
import type { RawDeliveriesTable } from '../store/schema.js';
import type { Store } from '../store/db.js';
import { PROCESS_EVENT_JOB, ticketJobKey } from '../jobs/job-keys.js';

export const RESOLVE_DELIVERY_JOB = 'resolve-delivery';

/** The jobs between a delivery and its ticket update: waiting for a message to be handled means waiting for both. */
export const INTAKE_JOB_KINDS = [RESOLVE_DELIVERY_JOB, PROCESS_EVENT_JOB];

export type RawDeliveryCause = 'malformed_json' | 'invalid_payload' | 'empty_comment_id';

export interface RawDeliveryInput {
  tenantId: string;
  provider: Provider;
  deliveryId: string;
  ticketId: string | null;
  cause: RawDeliveryCause;
  body: string;
  /** The event as far as the body told it, or what could be read from the raw text. */
  partial: HelpdeskEvent | SalvagedFields | null;
  now?: number;
}

export interface SalvagedFields {
  salvaged: true;
  accountId: string;
  ticketId: string;
  actorId: string | null;
  event: string | null;
}

/**
 * One row per delivery. Two comments can render the same body (nothing in it names the
 * comment), so the body alone is not a key; a retry that comes back under another delivery id
 * makes a second row, which is harmless: both resolve to the same comment's event id.
 */
export function rawDeliveryId(tenantId: string, deliveryId: string, body: string): string {
  return `raw:${tenantId}:${deliveryId}:${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22)}`;
}

export async function keepRawDelivery(store: Store, queue: JobQueue, d: RawDeliveryInput): Promise<'kept' | 'duplicate'> {
  const now = d.now ?? Date.now();
  const id = rawDeliveryId(d.tenantId, d.deliveryId, d.body);
  const status = d.ticketId ? 'pending' : 'unrecoverable';
  const outcome = await store.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('raw_deliveries')
      .values({
        id,
        tenant_id: d.tenantId,
        provider: d.provider,
        delivery_id: d.deliveryId,
        ticket_id: d.ticketId,
        received_at: now,
        cause: d.cause,
        body: d.body.replace(/\u0000/g, ''), // PostgreSQL text cannot hold NUL
        partial: d.partial ? JSON.stringify(d.partial) : null,
        status,
        event_id: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'duplicate';
    if (d.ticketId) {
      await queue.enqueue({ kind: RESOLVE_DELIVERY_JOB, tenantId: d.tenantId, payload: { rawId: id }, dedupeKey: ticketJobKey(d.tenantId, d.ticketId, `raw:${id}`) }, trx);
    }
    return 'kept';
  });
  if (outcome === 'kept' && d.ticketId) queue.notifyEnqueued(); // after the commit, when a worker can see it
  return outcome;
}

export async function loadRawDelivery(store: Store, id: string): Promise<RawDeliveriesTable | undefined> {
  return store.db.selectFrom('raw_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Record how a kept delivery ended. A routine one (it only named no comment) holds nothing
 * worth keeping once read, but the customer's name and e-mail: its body goes. A malformed one
 * keeps its body for whoever looks into why, until the retention purge deletes the row
 * (store/retention.ts) or `baton erase` empties it with the customer.
 */
export async function settleRawDelivery(store: Store, id: string, status: string, eventId: string | null, keepBody: boolean): Promise<void> {
  await store.db
    .updateTable('raw_deliveries')
    .set({ status, event_id: eventId, ...(keepBody ? {} : { body: '', partial: null }) })
    .where('id', '=', id)
    .execute();
}
