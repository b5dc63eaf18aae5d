/**
 * Pull CSAT ratings from Zendesk (`GET /api/v2/satisfaction_ratings`) into the store, so the
 * analytics can compare satisfaction after a handoff, after an automated answer, and on
 * tickets people handled alone. Upserts by rating id: running it again is safe, and a rating
 * the customer changed (bad → good) is updated.
 */
import type { ZendeskGateway } from '../../helpdesk/zendesk/gateway.js';
import type { Store } from '../../store/db.js';
import { listAll } from '../helpdesk-pages.js';
import { adminDb } from '../store/tables.js';

interface ZdRating {
  id: number | string;
  ticket_id: number | string;
  score: string;
  comment?: string | null;
  reason?: string | null;
  group_id?: number | string | null;
  assignee_id?: number | string | null;
  created_at: string;
  updated_at?: string;
}

export interface SyncRatingsResult {
  fetched: number;
  stored: number;
}

export async function syncSatisfactionRatings(
  store: Store,
  gateway: ZendeskGateway,
  opts: { tenantId: string; since?: number; now?: () => number },
): Promise<SyncRatingsResult> {
  const db = adminDb(store);
  const now = opts.now ?? Date.now;
  // Zendesk filters by start_time (unix seconds); the filter is repeated below for servers that ignore it.
  const query = new URLSearchParams({ per_page: '100', ...(opts.since ? { start_time: String(Math.floor(opts.since / 1000)) } : {}) });
  let fetched = 0;
  let stored = 0;
  for await (const r of listAll<ZdRating>(gateway, `/api/v2/satisfaction_ratings?${query}`, 'satisfaction_ratings')) {
    fetched++;
    const createdAt = Date.parse(r.created_at);
    const updatedAt = r.updated_at ? Date.parse(r.updated_at) : createdAt;
    if (!Number.isFinite(createdAt) || (opts.since !== undefined && updatedAt < opts.since)) continue;
    const row = {
      tenant_id: opts.tenantId,
      rating_id: String(r.id),
      ticket_id: String(r.ticket_id),
      score: r.score,
      comment: r.comment || null,
      reason: r.reason || null,
      group_id: r.group_id === null || r.group_id === undefined || r.group_id === 0 ? null : String(r.group_id),
      assignee_id: r.assignee_id === null || r.assignee_id === undefined ? null : String(r.assignee_id),
      created_at: createdAt,
      updated_at: updatedAt,
      synced_at: now(),
    };
    const { tenant_id: _t, rating_id: _r, ...changes } = row;
    await db.insertInto('satisfaction_ratings').values(row).onConflict((oc) => oc.columns(['tenant_id', 'rating_id']).doUpdateSet(changes)).execute();
    stored++;
  }
  return { fetched, stored };
}
