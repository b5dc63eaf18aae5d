/**
 * What the intake needs so that no customer message is lost:
 * - `raw_deliveries`: a signed delivery that could not become an event at once (a body that
 *   is not valid JSON, or no comment id): its raw text is kept, and a job reads the comment
 *   through the API;
 * - `sweep_state`: the catch-up sweep's cursor into the helpdesk's change stream, and the
 *   lease that lets exactly one replica sweep at a time.
 */
import { type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('raw_deliveries')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('received_at', big, (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('partial', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .execute();
  await db.schema
    .createTable('sweep_state')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cursor', 'text')
    .addColumn('watch_since', big, (c) => c.notNull())
    .addColumn('holder', 'text')
    .addColumn('lease_until', big, (c) => c.notNull())
    .addColumn('last_run_at', big)
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
}
