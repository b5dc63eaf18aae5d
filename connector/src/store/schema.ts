/**
 * The one schema, as Kysely types. Both backends (SQLite, PostgreSQL) share it;
 * timestamps are epoch milliseconds (integers) so comparisons are the same in both.
 * JSON columns hold JSON text.
 */
import type { Generated } from 'kysely';

export interface TenantsTable {
  id: string; // e.g. 'zendesk:acme'
  provider: string;
  account: string;
  created_at: number;
}

export interface WebhookEventsTable {
  id: string; // tenant-scoped dedupe key: a redelivery maps to the same id
  tenant_id: string;
  provider: string;
  delivery_id: string;
  type: string;
  ticket_id: string;
  received_at: number;
  payload: string; // normalized event JSON
  status: string; // 'accepted' | 'ignored' | 'processed' | 'dead'
  note: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  tenant_id: string;
  payload: string;
  status: string; // 'queued' | 'running' | 'done' | 'dead' | 'cancelled'
  attempts: number;
  max_attempts: number;
  run_at: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  /** Unique when set: enqueueing the same key twice is a no-op. */
  dedupe_key: string | null;
  /** Jobs of one group (a ticket) run one at a time, in order. */
  group_key: string | null;
  created_at: number;
  updated_at: number;
}

export interface TicketsTable {
  tenant_id: string;
  ticket_id: string;
  state: string; // 'ai' | 'handed_off' | 'returned' | 'shadow' | 'resolved'
  ai_message_count: number;
  last_ai_message_at: number | null;
  last_customer_message_at: number | null;
  handed_off_at: number | null;
  team: string | null;
  intent: string | null;
  requester_id: string | null;
  subject: string | null;
  updated_at: number;
}

export interface AttemptsTable {
  id: Generated<number>;
  tenant_id: string;
  ticket_id: string;
  event_id: string;
  created_at: number;
  action: string;
  intent: string;
  confidence: number;
  sentiment: number;
  sentiment_label: string;
  language: string;
  team: string | null;
  priority: string;
  tags: string; // JSON string[]
  reasons: string; // JSON Reason[]
  reply: string | null;
  summary: string | null;
  engine: string;
  mode: string;
  customer_message: string;
  /** 'pending' until the helpdesk write succeeded, then 'written'. */
  write_status: string;
  written_at: number | null;
  api_calls: number;
}

export interface FeedbackTable {
  id: Generated<number>;
  tenant_id: string;
  ticket_id: string;
  attempt_id: number | null;
  kind: string; // 'should_have_automated' | 'wrong_answer' | 'wrong_team' | 'other'
  comment: string | null;
  agent_id: string | null;
  created_at: number;
}

/** A signed delivery kept raw until its comment is read through the API. */
export interface RawDeliveriesTable {
  id: string;
  tenant_id: string;
  provider: string;
  delivery_id: string;
  /** Recovered from the body; null when even that failed (the sweep still finds the comment). */
  ticket_id: string | null;
  received_at: number;
  /** Why it was kept: 'malformed_json' | 'invalid_payload' | 'empty_comment_id' | 'no_comment'. */
  cause: string;
  body: string;
  /** The event as far as the body told it (JSON), when the body parsed. */
  partial: string | null;
  status: string; // 'pending' | 'resolved' | 'duplicate' | 'nothing_to_do' | 'unrecoverable'
  event_id: string | null;
}

export interface SweepStateTable {
  name: string;
  cursor: string | null;
  /** Comments older than this were never Baton's to answer (before the first sweep). */
  watch_since: number;
  holder: string | null;
  lease_until: number;
  last_run_at: number | null;
  updated_at: number;
}

export interface Database {
  tenants: TenantsTable;
  webhook_events: WebhookEventsTable;
  jobs: JobsTable;
  tickets: TicketsTable;
  attempts: AttemptsTable;
  feedback: FeedbackTable;
  raw_deliveries: RawDeliveriesTable;
  sweep_state: SweepStateTable;
}
