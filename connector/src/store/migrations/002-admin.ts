/**
 * The admin loop's two tables: CSAT ratings pulled from the helpdesk, and what happened to a
 * ticket on the helpdesk side after Baton's decision (first human reply, solved time, group),
 * which the webhooks alone cannot tell because triggers only send customer messages.
 * Tables and indexes are created "if not exists" so that tests (and an operator) can apply
 * this migration before it is registered without breaking a later `migrate`.
 */
import { type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('satisfaction_ratings')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('rating_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('score', 'text', (c) => c.notNull()) // 'good' | 'bad' | 'offered' | 'unoffered'
    .addColumn('comment', 'text')
    .addColumn('reason', 'text')
    .addColumn('group_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .addColumn('synced_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('satisfaction_ratings_pk', ['tenant_id', 'rating_id'])
    .execute();
  await db.schema.createIndex('satisfaction_ratings_ticket').ifNotExists().on('satisfaction_ratings').columns(['tenant_id', 'ticket_id']).execute();
  await db.schema.createIndex('satisfaction_ratings_created').ifNotExists().on('satisfaction_ratings').columns(['tenant_id', 'created_at']).execute();

  await db.schema
    .createTable('ticket_outcomes')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('first_human_reply_at', big)
    .addColumn('solved_at', big)
    .addColumn('synced_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_outcomes_pk', ['tenant_id', 'ticket_id'])
    .execute();

  // The reports and the Prometheus gauges select decisions by time; without this index each
  // scrape would scan every attempt ever recorded.
  await db.schema.createIndex('attempts_created').ifNotExists().on('attempts').columns(['created_at']).execute();
}
