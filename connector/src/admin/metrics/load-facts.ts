/**
 * Read what the metrics need from the store, in a few queries that work alike on SQLite and
 * PostgreSQL: tickets whose first decision falls in the range (with all their attempts and
 * customer messages, so a reopen after the range still counts), CSAT ratings given in the
 * range (with the path of the ticket they rate, whenever it was decided), and the synced
 * helpdesk outcomes of those tickets.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { Store } from '../../store/db.js';
import type { Database } from '../../store/schema.js';
import { adminDb, type AdminDb, type AdminTables, type SatisfactionRatingsTable, type TicketOutcomesTable } from '../store/tables.js';
import { CLOSING_REASONS } from '../../triage/engine/apply-policy.js';
import { factsOf, ticketKey, type AttemptFact, type TicketFacts } from './ticket-facts.js';

export interface MetricsRange {
  from: number;
  to: number;
  /** All tenants when omitted. */
  tenantId?: string;
}

export interface MetricsData {
  /** Tickets first decided in the range. */
  tickets: TicketFacts[];
  ratings: SatisfactionRatingsTable[];
  /** Facts of every ticket that is rated or decided in the range, by ticketKey. */
  factsByKey: Map<string, TicketFacts>;
  outcomesByKey: Map<string, TicketOutcomesTable>;
}

/** A subquery selecting ticket ids. */
type TicketIds = SelectQueryBuilder<Database & AdminTables, any, { ticket_id: string }>;

async function factsFor(db: AdminDb, ids: TicketIds, tenantId: string | undefined): Promise<Map<string, TicketFacts>> {
  let attemptsQ = db
    .selectFrom('attempts')
    .select(['tenant_id', 'ticket_id', 'id', 'created_at', 'written_at', 'action', 'intent', 'team', 'mode', 'event_id', 'reasons'])
    .where('ticket_id', 'in', ids );
  let eventsQ = db
    .selectFrom('webhook_events')
    .select(['id', 'tenant_id', 'ticket_id', 'received_at'])
    .where('type', '=', 'ticket.customer_message')
    .where('status', '!=', 'ignored')
    .where('ticket_id', 'in', ids );
  if (tenantId !== undefined) {
    attemptsQ = attemptsQ.where('tenant_id', '=', tenantId);
    eventsQ = eventsQ.where('tenant_id', '=', tenantId);
  }
  const [attempts, events] = await Promise.all([attemptsQ.execute(), eventsQ.execute()]);
  const byTicket = new Map<string, AttemptFact[]>();
  const closings = new Set<string>();
  for (const { event_id, reasons, ...a } of attempts) {
    const k = ticketKey(a.tenant_id, a.ticket_id);
    byTicket.set(k, [...(byTicket.get(k) ?? []), { ...a, id: Number(a.id), created_at: Number(a.created_at), written_at: a.written_at === null ? null : Number(a.written_at) }]);
    if (isClosing(reasons)) closings.add(event_id);
  }
  const messages = new Map<string, number[]>();
  for (const e of events) {
    if (closings.has(e.id)) continue; // "thanks, that fixed it" confirms the answer; it is no reopen
    const k = ticketKey(e.tenant_id, e.ticket_id);
    messages.set(k, [...(messages.get(k) ?? []), Number(e.received_at)]);
  }
  return new Map([...byTicket].map(([k, list]) => [k, factsOf(list, messages.get(k) ?? [])]));
}

function isClosing(reasonsJson: string): boolean {
  try {
    const reasons = JSON.parse(reasonsJson) as { code?: unknown }[];
    return Array.isArray(reasons) && reasons.some((r) => typeof r?.code === 'string' && CLOSING_REASONS.has(r.code));
  } catch {
    return false;
  }
}

export async function loadMetricsData(store: Store, range: MetricsRange): Promise<MetricsData> {
  const db = adminDb(store);
  const tenant = range.tenantId;
  let decidedIds = db.selectFrom('attempts').select('ticket_id').where('created_at', '>=', range.from).where('created_at', '<', range.to);
  if (tenant !== undefined) decidedIds = decidedIds.where('tenant_id', '=', tenant);
  let ratedIds = db.selectFrom('satisfaction_ratings').select('ticket_id').where('created_at', '>=', range.from).where('created_at', '<', range.to);
  if (tenant !== undefined) ratedIds = ratedIds.where('tenant_id', '=', tenant);

  let ratingsQ = db.selectFrom('satisfaction_ratings').selectAll().where('created_at', '>=', range.from).where('created_at', '<', range.to);
  if (tenant !== undefined) ratingsQ = ratingsQ.where('tenant_id', '=', tenant);
  let outcomesQ = db
    .selectFrom('ticket_outcomes')
    .selectAll()
    .where((eb) => eb.or([eb('ticket_id', 'in', decidedIds ), eb('ticket_id', 'in', ratedIds )]));
  if (tenant !== undefined) outcomesQ = outcomesQ.where('tenant_id', '=', tenant);

  const [decided, rated, ratings, outcomes] = await Promise.all([
    factsFor(db, decidedIds , tenant),
    factsFor(db, ratedIds , tenant),
    ratingsQ.execute(),
    outcomesQ.execute(),
  ]);
  const tickets = [...decided.values()].filter((f) => f.firstAt >= range.from && f.firstAt < range.to);
  return {
    tickets,
    ratings: ratings.map((r) => ({ ...r, created_at: Number(r.created_at), updated_at: Number(r.updated_at), synced_at: Number(r.synced_at) })),
    factsByKey: new Map([...rated, ...decided]),
    outcomesByKey: new Map(outcomes.map((o) => [ticketKey(o.tenant_id, o.ticket_id), o])),
  };
}
