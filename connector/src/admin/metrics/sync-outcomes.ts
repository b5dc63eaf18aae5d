/**
 * What happened on the helpdesk after Baton's decision, which webhooks do not tell (the
 * triggers only send customer messages): when a person first answered publicly, when the
 * ticket was solved, which group holds it. Read from the ticket and its audits through the
 * gateway, two calls per ticket, only for tickets people handled (handed off, shadow,
 * returned, or rated without Baton ever deciding), newest first, up to a limit.
 */
import type { ZendeskGateway } from '../../helpdesk/zendesk/gateway.js';
import type { Store } from '../../store/db.js';
import { listAll } from '../helpdesk-pages.js';
import { adminDb, type TicketOutcomesTable } from '../store/tables.js';
import { DAY } from '../time.js';

interface ZdAuditEvent {
  type: string;
  public?: boolean;
  author_id?: number | string;
  field_name?: string;
  value?: unknown;
}

interface ZdAudit {
  created_at: string;
  author_id: number | string;
  events: ZdAuditEvent[];
}

/** Human involvement: Baton did not (only) answer these itself. */
export const HUMAN_STATES = ['handed_off', 'returned', 'shadow'];

export interface SyncOutcomesResult {
  synced: number;
  failed: { ticketId: string; error: string }[];
}

/** Read one ticket's outcome; `selfIds` are Baton's own API user(s), whose replies are not human. */
export async function readTicketOutcome(gateway: ZendeskGateway, tenantId: string, ticketId: string, selfIds: ReadonlySet<string>, now: number): Promise<TicketOutcomesTable> {
  const ticket = await gateway.getTicket(ticketId);
  const requester = String(ticket.requester_id);
  let firstHumanReply: number | null = null;
  let solvedAt: number | null = null;
  for await (const audit of listAll<ZdAudit>(gateway, `/api/v2/tickets/${encodeURIComponent(ticketId)}/audits`, 'audits')) {
    const at = Date.parse(audit.created_at);
    for (const e of audit.events) {
      const author = String(e.author_id ?? audit.author_id);
      if (e.type === 'Comment' && e.public && author !== requester && !selfIds.has(author) && firstHumanReply === null) firstHumanReply = at;
      if (e.type === 'Change' && e.field_name === 'status') solvedAt = e.value === 'solved' ? at : e.value === 'closed' ? solvedAt ?? at : null;
    }
  }
  return {
    tenant_id: tenantId,
    ticket_id: ticketId,
    status: String(ticket.status),
    group_id: ticket.group_id === null || ticket.group_id === undefined ? null : String(ticket.group_id),
    assignee_id: ticket.assignee_id === null || ticket.assignee_id === undefined ? null : String(ticket.assignee_id),
    created_at: Date.parse(ticket.created_at),
    first_human_reply_at: firstHumanReply,
    solved_at: ticket.status === 'solved' || ticket.status === 'closed' ? solvedAt : null,
    synced_at: now,
  };
}

export async function syncTicketOutcomes(
  store: Store,
  gateway: ZendeskGateway,
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
  const selfIds = new Set(opts.selfUserIds ?? [String((await gateway.me()).id)]);
  const result: SyncOutcomesResult = { synced: 0, failed: [] };
  for (const ticketId of ids) {
    try {
      const row = await readTicketOutcome(gateway, opts.tenantId, ticketId, selfIds, now());
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
