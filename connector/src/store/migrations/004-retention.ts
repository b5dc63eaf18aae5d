/**
 * Retention walks old webhook events by arrival time; without this index every purge batch
 * would scan the whole table (the only other index is by ticket). Old finished jobs are found
 * through the claim index (status, run_at), which already exists.
 */
import { type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('webhook_events_received').ifNotExists().on('webhook_events').columns(['received_at', 'id']).execute();
}
