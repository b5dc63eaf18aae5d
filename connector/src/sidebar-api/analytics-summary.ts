/**
 * `GET /api/analytics/summary`: the admin metrics (admin/metrics/analytics-summary.ts) for
 * the caller's tenant, reshaped into the app's contract (types.ts), plus the two queue
 * counts the page shows. There is deliberately no counting here: one computation serves
 * this route, `/api/admin/analytics`, Prometheus and `baton report`, so they cannot disagree.
 * Each field is copied by name, so a change on either side fails to compile here instead
 * of leaking into the JSON.
 */
import { analyticsSummary as adminAnalytics, type AdminAnalytics } from '../admin/metrics/analytics-summary.js';
import type { Figures } from '../admin/metrics/figures.js';
import type { Store } from '../store/db.js';
import type { AnalyticsFigures, AnalyticsSummary, TeamFiguresView } from './types.js';

function figures(f: Figures): AnalyticsFigures {
  return {
    tickets: f.tickets,
    automated: f.automated,
    handedOff: f.handedOff,
    durable: f.durable,
    provisional: f.provisional,
    reopened: f.reopened,
    shadowOnly: f.shadowOnly,
    ignored: f.ignored,
    handoffRate: f.handoffRate,
    automationRate: f.automationRate,
    automationRateIncludingProvisional: f.automationRateIncludingProvisional,
    reopenRate: f.reopenRate,
    csat: { automated: f.csat.automated, handoff: f.csat.handoff, humanOnly: f.csat.humanOnly },
    firstResponse: { automated: f.firstResponse.automated, human: f.firstResponse.human },
    resolution: { automated: f.resolution.automated, human: f.resolution.human },
  };
}

function team(t: AdminAnalytics['byTeam'][number]): TeamFiguresView {
  return {
    team: t.team,
    handedOff: t.handedOff,
    shareOfHandoffs: t.shareOfHandoffs,
    csatAfterHandoff: t.csatAfterHandoff,
    firstHumanResponse: t.firstHumanResponse,
    resolution: t.resolution,
  };
}

async function queueCounts(store: Store, tenantId: string): Promise<{ flags: number; dead: number }> {
  const [flags, dead] = await Promise.all([
    store.db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirst(),
    store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('status', '=', 'dead').executeTakeFirst(),
  ]);
  return { flags: Number(flags?.n ?? 0), dead: Number(dead?.n ?? 0) };
}

/**
 * `range.to` is inclusive here (a date-only `to` means the whole day, see schemas.ts) and
 * exclusive in the admin metrics, hence the +1 ms.
 */
export async function analyticsSummary(store: Store, tenantId: string, range: { from: number; to: number }, asOf: number): Promise<AnalyticsSummary> {
  const [a, queues] = await Promise.all([adminAnalytics(store, { from: range.from, to: range.to + 1, tenantId, asOf }), queueCounts(store, tenantId)]);
  return {
    range: { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() },
    asOf: a.asOf,
    ...figures(a.totals),
    handoffHealthyRange: { min: a.healthy.handoffRate.min, max: a.healthy.handoffRate.max, status: a.healthy.handoffRate.status },
    byIntent: a.byIntent.map((i) => ({ intent: i.intent, ...figures(i) })),
    byTeam: a.byTeam.map(team),
    byWeek: a.byWeek.map((w) => ({ weekStart: w.weekStart, ...figures(w) })),
    flagsAwaitingReview: queues.flags,
    deadLetters: queues.dead,
    notes: a.notes,
  };
}
