/** Automation state per ticket, and the attempt history the sidebar and reports read. */
import type { Store } from './db.js';
import type { AttemptsTable, TicketsTable } from './schema.js';
import type { Decision } from '../triage/types.js';

export type TicketRow = TicketsTable;
export type AttemptRow = Omit<AttemptsTable, 'id'> & { id: number };

export async function getTicketState(store: Store, tenantId: string, ticketId: string): Promise<TicketRow | undefined> {
  return store.db.selectFrom('tickets').selectAll().where('tenant_id', '=', tenantId).where('ticket_id', '=', ticketId).executeTakeFirst();
}

export async function upsertTicketState(store: Store, row: TicketRow): Promise<void> {
  const { tenant_id, ticket_id, ...rest } = row;
  await store.db
    .insertInto('tickets')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'ticket_id']).doUpdateSet(rest))
    .execute();
}

export async function findAttemptByEvent(store: Store, eventId: string): Promise<AttemptRow | undefined> {
  const row = await store.db.selectFrom('attempts').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  return row ? { ...row, id: Number(row.id) } : undefined;
}

export async function recordAttempt(
  store: Store,
  a: { tenantId: string; ticketId: string; eventId: string; decision: Decision; customerMessage: string; now: number },
): Promise<AttemptRow> {
  const d = a.decision;
  // The new row comes back from the insert; only an attempt recorded before (a re-run after a
  // crash) costs a second query.
  const inserted = await store.db
    .insertInto('attempts')
    .values({
      tenant_id: a.tenantId,
      ticket_id: a.ticketId,
      event_id: a.eventId,
      created_at: a.now,
      action: d.action,
      intent: d.intent,
      confidence: d.confidence,
      sentiment: d.sentiment.score,
      sentiment_label: d.sentiment.label,
      language: d.language,
      team: d.team,
      priority: d.priority,
      tags: JSON.stringify(d.tags),
      reasons: JSON.stringify(d.reasons),
      reply: d.reply ?? null,
      summary: d.summary ?? null,
      engine: d.engine,
      mode: d.mode,
      customer_message: a.customerMessage.slice(0, 20_000),
      write_status: 'pending',
      written_at: null,
      api_calls: 0,
    })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { ...inserted, id: Number(inserted.id) };
  return (await findAttemptByEvent(store, a.eventId))!;
}

export async function markAttempt(store: Store, id: number, writeStatus: string, apiCalls: number, now: number): Promise<void> {
  await store.db.updateTable('attempts').set({ write_status: writeStatus, api_calls: apiCalls, written_at: now }).where('id', '=', id).execute();
}

export async function listAttempts(store: Store, tenantId: string, ticketId: string): Promise<AttemptRow[]> {
  const rows = await store.db.selectFrom('attempts').selectAll().where('tenant_id', '=', tenantId).where('ticket_id', '=', ticketId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export function decisionOf(a: AttemptRow): Decision {
  return {
    action: a.action as Decision['action'],
    intent: a.intent,
    confidence: a.confidence,
    sentiment: { score: a.sentiment, label: a.sentiment_label as Decision['sentiment']['label'], trend: 0 },
    language: a.language,
    team: a.team,
    priority: a.priority as Decision['priority'],
    tags: JSON.parse(a.tags) as string[],
    reasons: JSON.parse(a.reasons) as Decision['reasons'],
    mode: a.mode as Decision['mode'],
    engine: a.engine,
    reply: a.reply ?? undefined,
    summary: a.summary ?? undefined,
  };
}

/** The requester's other tickets Baton has seen (any channel), newest first, with their last decision. */
export async function requesterHistory(store: Store, tenantId: string, requesterId: string, excludeTicketId: string, limit = 5): Promise<{ ticketId: string; subject: string | null; intent: string | null; state: string; updatedAt: number }[]> {
  const rows = await store.db
    .selectFrom('tickets')
    .select(['ticket_id', 'subject', 'intent', 'state', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('requester_id', '=', requesterId)
    .where('ticket_id', '!=', excludeTicketId)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ticketId: r.ticket_id, subject: r.subject, intent: r.intent, state: r.state, updatedAt: Number(r.updated_at) }));
}
