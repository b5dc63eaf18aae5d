/**
 * Retention walks kept raw webhook bodies by arrival time too; a delivery that names no comment
 * is kept this way on every such webhook, so without this index each purge batch would scan a
 * table that grows with traffic.
 */
import { type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('raw_deliveries_received').ifNotExists().on('raw_deliveries').columns(['received_at', 'id']).execute();
}
