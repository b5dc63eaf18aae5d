/**
 * Pull CSAT ratings from the helpdesk into the store, so the
 * analytics can compare satisfaction after a handoff, after an automated answer, and on
 * tickets people handled alone. Upserts by rating id: running it again is safe, and a rating
 * the customer changed (bad → good) is updated.
 */
import type { HelpdeskPort } from '../../helpdesk/port.js';
import type { Store } from '../../store/db.js';
import { adminDb } from '../store/tables.js';

export interface SyncRatingsResult {
  fetched: number;
  stored: number;
}

export async function syncSatisfactionRatings(
  store: Store,
  helpdesk: Pick<HelpdeskPort, 'reports'>,
  opts: { tenantId: string; since?: number; now?: () => number },
): Promise<SyncRatingsResult> {
  const db = adminDb(store);
  const now = opts.now ?? Date.now;
  let fetched = 0;
  let stored = 0;
  for await (const r of helpdesk.reports.satisfactionRatings(opts.since)) {
    fetched++;
    const createdAt = Date.parse(r.createdAt);
    const updatedAt = r.updatedAt ? Date.parse(r.updatedAt) : createdAt;
    // The helpdesk may ignore the `since` filter: it is checked here again.
    if (!Number.isFinite(createdAt) || (opts.since !== undefined && updatedAt < opts.since)) continue;
    const row = {
      tenant_id: opts.tenantId,
      rating_id: r.id,
      ticket_id: r.ticketId,
      score: r.score,
      comment: r.comment,
      reason: r.reason,
      group_id: r.groupId,
      assignee_id: r.assigneeId,
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
