/**
 * What happened on the helpdesk after Baton's decision, which webhooks do not tell (the
 * triggers only send customer messages): when a person first answered publicly, when the
 * ticket was solved, which group holds it. Read from the ticket and its history through the
 * helpdesk port (Zendesk: two calls per ticket), only for tickets people handled (handed off, shadow,
 * returned, or rated without Baton ever deciding), newest first, up to a limit.
 */
import type { HelpdeskPort } from '../../helpdesk/port.js';
import type { Store } from '../../store/db.js';
import { adminDb, type TicketOutcomesTable } from '../store/tables.js';
import { DAY } from '../time.js';

/** Human involvement: Baton did not (only) answer these itself. */
export const HUMAN_STATES = ['handed_off', 'returned', 'shadow'];

export interface SyncOutcomesResult {
  synced: number;
  failed: { ticketId: string; error: string }[];
}

/** Read one ticket's outcome; `selfIds` are Baton's own API user(s), whose replies are not human. */
export async function readTicketOutcome(helpdesk: Pick<HelpdeskPort, 'reports'>, tenantId: string, ticketId: string, selfIds: ReadonlySet<string>, now: number): Promise<TicketOutcomesTable> {
  const { ticket, firstHumanReplyAt, solvedAt } = await helpdesk.reports.ticketActivity(ticketId, selfIds);
  return {
    tenant_id: tenantId,
    ticket_id: ticketId,
    status: ticket.status,
    group_id: ticket.groupId,
    assignee_id: ticket.assigneeId,
    created_at: Date.parse(ticket.createdAt),
    first_human_reply_at: firstHumanReplyAt,
    solved_at: solvedAt,
    synced_at: now,
  };
}

export async function syncTicketOutcomes(
  store: Store,
  helpdesk: Pick<HelpdeskPort, 'reports' | 'selfUserId'>,
  opts: { tenantId: string; ticketIds?: string[]; since?: number; limit?: number; selfUserIds?: string[]; now?: () => number },
): Promise<SyncOutcomesResult> {
  const db = adminDb(store);
  const now = opts.now ?? Date.now;
  const since = opts.since ?? now() - 30 * DAY;
  const limit = opts.limit ?? 500;
  let ids = opts.ticketIds;
  if (!ids) {
    const handled = await db
      .selectFrom('tickets')
      .select('ticket_id')
      .where('tenant_id', '=', opts.tenantId)
      .where('state', 'in', HUMAN_STATES)
      .where('updated_at', '>=', since)
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    const rated = await db
      .selectFrom('satisfaction_ratings as r')
      .leftJoin('tickets as t', (j) => j.onRef('t.tenant_id', '=', 'r.tenant_id').onRef('t.ticket_id', '=', 'r.ticket_id'))
      .select('r.ticket_id')
      .where('r.tenant_id', '=', opts.tenantId)
      .where('r.created_at', '>=', since)
      .where('t.ticket_id', 'is', null)
      .orderBy('r.created_at', 'desc')
      .limit(limit)
      .execute();
    ids = [...new Set([...handled, ...rated].map((r) => r.ticket_id))].slice(0, limit);
  }
  const selfIds = new Set(opts.selfUserIds ?? [await helpdesk.selfUserId()]);
  const result: SyncOutcomesResult = { synced: 0, failed: [] };
  for (const ticketId of ids) {
    try {
      const row = await readTicketOutcome(helpdesk, opts.tenantId, ticketId, selfIds, now());
      const { tenant_id: _t, ticket_id: _i, ...changes } = row;
      await db.insertInto('ticket_outcomes').values(row).onConflict((oc) => oc.columns(['tenant_id', 'ticket_id']).doUpdateSet(changes)).execute();
      result.synced++;
    } catch (err) {
      // A deleted or inaccessible ticket must not stop the rest.
      result.failed.push({ ticketId, error: (err as Error).message });
    }
  }
  return result;
}
