/**
 * Finding one customer's data for an erasure request. The only place Baton keeps a
 * customer's e-mail is the normalized event JSON in `webhook_events.payload`, so the search
 * starts there: a cheap LIKE narrows the rows, and each candidate is parsed and compared
 * exactly (case-insensitively), so a LIKE hit inside someone else's message body
 * ("please cc bob@example.com") never erases the wrong customer's tickets.
 * From those events we learn the requester's id per tenant, then take every ticket of that
 * requester (the `tickets` table knows tickets whose later events carried no e-mail).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface TicketRef {
  tenantId: string;
  ticketId: string;
}

export interface RequesterData {
  /** tenant id → requester ids of that e-mail there. */
  requesterIds: Map<string, Set<string>>;
  tickets: TicketRef[];
  /** Every stored event of those tickets (the whole conversation), ids only. */
  eventIds: string[];
}

/** LIKE pattern for a literal substring; `\` is the escape character in both backends. */
export function likeLiteral(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface PayloadShape {
  requester?: { id?: unknown; email?: unknown };
  ticket?: { id?: unknown };
}

function parse(payload: string): PayloadShape | null {
  try {
    const v = JSON.parse(payload) as unknown;
    return typeof v === 'object' && v !== null ? (v as PayloadShape) : null;
  } catch {
    return null;
  }
}

export async function findRequesterData(db: Db, email: string, tenantId?: string): Promise<RequesterData> {
  const wanted = email.trim().toLowerCase();
  const requesterIds = new Map<string, Set<string>>();
  const tickets = new Map<string, TicketRef>();
  const addTicket = (t: string, id: string) => tickets.set(`${t}\u0000${id}`, { tenantId: t, ticketId: id });

  // 1. Events whose requester is this e-mail. lower() on both sides: e-mail case is not identity.
  // SQLite's lower() folds ASCII only: a non-ASCII address is found by parsing every event
  // that has an e-mail at all (slower, and rare).
  const ascii = /^[\x20-\x7e]*$/.test(wanted);
  const prefilter = ascii
    ? sql<boolean>`lower(payload) like ${likeLiteral(JSON.stringify(wanted).slice(1, -1))} escape '\\'`
    : sql<boolean>`payload like ${likeLiteral('"email":"')} escape '\\'`;
  let q = db.selectFrom('webhook_events').select(['id', 'tenant_id', 'ticket_id', 'payload']).where(prefilter);
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  for (const row of await q.execute()) {
    const p = parse(row.payload);
    const mail = typeof p?.requester?.email === 'string' ? p.requester.email.trim().toLowerCase() : '';
    if (mail !== wanted) continue;
    addTicket(row.tenant_id, row.ticket_id);
    const rid = p?.requester?.id;
    if (typeof rid === 'string' && rid !== '') {
      if (!requesterIds.has(row.tenant_id)) requesterIds.set(row.tenant_id, new Set());
      requesterIds.get(row.tenant_id)!.add(rid);
    }
  }

  // 2. Every ticket of those requesters that Baton keeps state for.
  for (const [tenant, ids] of requesterIds) {
    const rows = await db.selectFrom('tickets').select('ticket_id').where('tenant_id', '=', tenant).where('requester_id', 'in', [...ids]).execute();
    for (const r of rows) addTicket(tenant, r.ticket_id);
    // Events of those requesters that carried no e-mail (event-subscription payloads).
    for (const rid of ids) {
      const byId = await db
        .selectFrom('webhook_events')
        .select(['tenant_id', 'ticket_id', 'payload'])
        .where('tenant_id', '=', tenant)
        .where(sql<boolean>`payload like ${likeLiteral(`"requester":{"id":${JSON.stringify(rid)}`)} escape '\\'`)
        .execute();
      for (const r of byId) if (parse(r.payload)?.requester?.id === rid) addTicket(tenant, r.ticket_id);
    }
  }

  // 3. The whole conversation of each ticket: agent messages quote the customer too.
  const eventIds: string[] = [];
  for (const t of tickets.values()) {
    const rows = await db.selectFrom('webhook_events').select('id').where('tenant_id', '=', t.tenantId).where('ticket_id', '=', t.ticketId).execute();
    eventIds.push(...rows.map((r) => r.id));
  }
  return { requesterIds, tickets: [...tickets.values()], eventIds };
}
