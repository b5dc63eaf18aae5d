/**
 * The analytics page's numbers, computed from the attempts the store recorded. Counted per
 * ticket, not per message: a ticket Baton handed off at any point in the range counts as
 * handed off; one it only answered counts as automated; one decided only in shadow mode is
 * counted apart, since nothing was done for the customer. Week and intent are those of the
 * ticket's first decision in the range. CSAT and resolution time are not recorded yet and
 * are reported as null, not guessed.
 */
import type { Store } from '../store/db.js';
import type { AnalyticsSummary, CountSplit, DeadLetterView } from './types.js';

export const HEALTHY_HANDOFF = { min: 0.1, max: 0.4 } as const;
const DAY = 86_400_000;

interface TicketOutcome {
  firstAt: number;
  intent: string;
  outcome: 'automated' | 'handed_off' | 'shadow';
  team: string | null;
}

/** Monday 00:00 UTC of the week holding `ms`, as YYYY-MM-DD. */
export function weekStart(ms: number): string {
  const d = new Date(ms);
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function split(rows: TicketOutcome[]): CountSplit {
  return {
    tickets: rows.length,
    automated: rows.filter((r) => r.outcome === 'automated').length,
    handedOff: rows.filter((r) => r.outcome === 'handed_off').length,
  };
}

function groupBy<K>(rows: TicketOutcome[], key: (r: TicketOutcome) => K): Map<K, TicketOutcome[]> {
  const out = new Map<K, TicketOutcome[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

export async function analyticsSummary(store: Store, tenantId: string, range: { from: number; to: number }): Promise<AnalyticsSummary> {
  const attempts = await store.db
    .selectFrom('attempts')
    .select(['ticket_id', 'created_at', 'action', 'intent', 'team', 'mode'])
    .where('tenant_id', '=', tenantId)
    .where('created_at', '>=', range.from)
    .where('created_at', '<=', range.to)
    .orderBy('id')
    .execute();
  const tickets = new Map<string, TicketOutcome>();
  for (const a of attempts) {
    const t = tickets.get(a.ticket_id) ?? { firstAt: Number(a.created_at), intent: a.intent, outcome: 'shadow' as const, team: null };
    if (a.mode === 'live' && a.action === 'handoff') {
      t.outcome = 'handed_off';
      t.team = a.team;
    } else if (a.mode === 'live' && a.action === 'automate' && t.outcome === 'shadow') {
      t.outcome = 'automated';
    }
    tickets.set(a.ticket_id, t);
  }
  const all = [...tickets.values()];
  const live = all.filter((t) => t.outcome !== 'shadow');
  const totals = split(live);

  const byIntent = [...groupBy(live, (t) => t.intent)].map(([intent, rows]) => ({ intent, ...split(rows) })).sort((a, b) => b.tickets - a.tickets);
  const byTeam = [...groupBy(live.filter((t) => t.outcome === 'handed_off'), (t) => t.team ?? 'unassigned')]
    .map(([team, rows]) => ({ team, handedOff: rows.length }))
    .sort((a, b) => b.handedOff - a.handedOff);
  const byWeek = [...groupBy(live, (t) => weekStart(t.firstAt))].map(([week, rows]) => ({ weekStart: week, ...split(rows) })).sort((a, b) => a.weekStart.localeCompare(b.weekStart));

  const [flags, dead] = await Promise.all([
    store.db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirst(),
    store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('status', '=', 'dead').executeTakeFirst(),
  ]);

  return {
    range: { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() },
    tickets: totals.tickets,
    automated: totals.automated,
    handedOff: totals.handedOff,
    shadowOnly: all.length - live.length,
    automationRate: rate(totals.automated, totals.tickets),
    handoffRate: rate(totals.handedOff, totals.tickets),
    handoffHealthyRange: { ...HEALTHY_HANDOFF },
    byIntent,
    byTeam,
    byWeek,
    flagsAwaitingReview: Number(flags?.n ?? 0),
    deadLetters: Number(dead?.n ?? 0),
    csat: null,
    medianResolutionMinutes: null,
    notes: ['CSAT and resolution time are not recorded by the connector yet; they appear here once the metrics work stores them.'],
  };
}

/** Jobs that used up their attempts, with the ticket they were about when we can tell. */
export async function deadLetters(store: Store, tenantId: string, limit = 50): Promise<DeadLetterView[]> {
  const rows = await store.db
    .selectFrom('jobs')
    .select(['id', 'kind', 'attempts', 'last_error', 'payload', 'created_at', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'dead')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const eventIds = rows.map((r) => eventIdOf(r.payload)).filter((id): id is string => id !== null);
  const events = eventIds.length
    ? await store.db.selectFrom('webhook_events').select(['id', 'ticket_id']).where('id', 'in', eventIds).execute()
    : [];
  const ticketOf = new Map(events.map((e) => [e.id, e.ticket_id]));
  return rows.map((r) => {
    const eventId = eventIdOf(r.payload);
    return {
      id: Number(r.id),
      kind: r.kind,
      attempts: r.attempts,
      lastError: r.last_error,
      ticketId: eventId ? (ticketOf.get(eventId) ?? null) : null,
      createdAt: new Date(Number(r.created_at)).toISOString(),
      updatedAt: new Date(Number(r.updated_at)).toISOString(),
    };
  });
}

function eventIdOf(payload: string): string | null {
  try {
    const p = JSON.parse(payload) as { eventId?: unknown };
    return typeof p.eventId === 'string' ? p.eventId : null;
  } catch {
    return null;
  }
}
