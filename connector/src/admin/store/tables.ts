/**
 * The tables migration 002-admin adds, as Kysely types, and a typed view of the store that
 * includes them. Kept here rather than in store/schema.ts because only the admin loop uses them.
 */
import type { Kysely } from 'kysely';
import type { Store } from '../../store/db.js';
import type { Database } from '../../store/schema.js';
import { up as adminMigration } from '../../store/migrations/002-admin.js';

export type SatisfactionRatingsTable = {
  tenant_id: string;
  rating_id: string;
  ticket_id: string;
  score: string;
  comment: string | null;
  reason: string | null;
  group_id: string | null;
  assignee_id: string | null;
  created_at: number;
  updated_at: number;
  synced_at: number;
};

export type TicketOutcomesTable = {
  tenant_id: string;
  ticket_id: string;
  /** The helpdesk status when last synced: new, open, pending, hold, solved, closed. */
  status: string;
  group_id: string | null;
  assignee_id: string | null;
  /** When the ticket was created on the helpdesk (epoch ms). */
  created_at: number;
  /** First public comment by a person who is neither the requester nor Baton's API user. */
  first_human_reply_at: number | null;
  /** Last change of status to solved. */
  solved_at: number | null;
  synced_at: number;
};

// Type aliases, not interfaces: Kysely's withTables wants types with an implicit index signature.
export type AdminTables = {
  satisfaction_ratings: SatisfactionRatingsTable;
  ticket_outcomes: TicketOutcomesTable;
};

export type AdminDb = Kysely<Database & AdminTables>;

export function adminDb(store: Store): AdminDb {
  return store.db.withTables<AdminTables>();
}

/** Apply migration 002 (idempotent), for tests and tools that run before it is registered. */
export async function ensureAdminTables(store: Store): Promise<void> {
  await adminMigration(store.db as unknown as Kysely<any>, store.dialect);
}
