import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

/** Auto-increment primary key in each backend's own words. */
function serial(dialect: Dialect) {
  return dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`;
}

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('received_at', big, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('webhook_events_ticket').on('webhook_events').columns(['tenant_id', 'ticket_id']).execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', serial(dialect))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', big, (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', big)
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('group_key', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_claim').on('jobs').columns(['status', 'run_at']).execute();
  await db.schema.createIndex('jobs_group').on('jobs').columns(['group_key', 'status']).execute();

  await db.schema
    .createTable('tickets')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('ai_message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_ai_message_at', big)
    .addColumn('last_customer_message_at', big)
    .addColumn('handed_off_at', big)
    .addColumn('team', 'text')
    .addColumn('intent', 'text')
    .addColumn('requester_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('updated_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('tickets_pk', ['tenant_id', 'ticket_id'])
    .execute();

  await db.schema
    .createTable('attempts')
    .addColumn('id', serial(dialect))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('intent', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('sentiment', 'real', (c) => c.notNull())
    .addColumn('sentiment_label', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('team', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('summary', 'text')
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('customer_message', 'text', (c) => c.notNull())
    .addColumn('write_status', 'text', (c) => c.notNull())
    .addColumn('written_at', big)
    .addColumn('api_calls', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('attempts_ticket').on('attempts').columns(['tenant_id', 'ticket_id']).execute();

  await db.schema
    .createTable('feedback')
    .addColumn('id', serial(dialect))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('attempt_id', big)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
}
