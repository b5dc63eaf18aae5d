/**
 * Pull CSAT ratings from the helpdesk into the store, so the
 * analytics can compare satisfaction after a handoff, after an automated answer, and on
 * tickets people handled alone. Upserts by rating id: running it again is safe, and a rating
 * the customer changed (bad → good) is updated.
 *
 * Listing ratings is "Allowed For: Admins" (Support API, List Satisfaction Ratings). With an
 * agent's token Zendesk answers 403: the sync skips CSAT and says which permission is missing,
 * and the rest of the sync (ticket outcomes) goes on.
 */
import { isBatonError } from '../../errors.js';
import type { HelpdeskPort } from '../../helpdesk/port.js';
import type { Store } from '../../store/db.js';
import { adminDb } from '../store/tables.js';

export interface SyncRatingsResult {
  fetched: number;
  stored: number;
  /** Set when CSAT could not be read at all: why, and what to change. */
  skipped?: { code: 'CSAT_FORBIDDEN'; message: string };
}

export const CSAT_FORBIDDEN_MESSAGE =
  "CSAT skipped: Zendesk answered 403 to listing satisfaction ratings, which only admins may do. Make the API user (ZENDESK_EMAIL) an admin, or use an admin's API token, to sync CSAT ratings.";

/**
 * Freshdesk's reference does not say which roles may call View all Satisfaction Ratings, so
 * the message names the refusal and the fix without claiming a role.
 */
export const FRESHDESK_CSAT_FORBIDDEN_MESSAGE =
  "CSAT skipped: Freshdesk answered 403 to View all Satisfaction Ratings: the agent whose API key Baton uses (FRESHDESK_API_KEY) may not read survey results. Use the API key of an agent who may (an admin), to sync CSAT ratings.";

/** The message for the helpdesk a tenant id names (`zendesk:acme`, `freshdesk:acme`). */
export function csatForbiddenMessage(tenantId: string): string {
  return tenantId.startsWith('freshdesk:') ? FRESHDESK_CSAT_FORBIDDEN_MESSAGE : CSAT_FORBIDDEN_MESSAGE;
}

function isForbidden(err: unknown): boolean {
  return isBatonError(err) && (err.details as { httpStatus?: number } | undefined)?.httpStatus === 403;
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
  try {
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
  } catch (err) {
    if (isForbidden(err) && fetched === 0) return { fetched, stored, skipped: { code: 'CSAT_FORBIDDEN', message: csatForbiddenMessage(opts.tenantId) } };
    throw err;
  }
  return { fetched, stored };
}
