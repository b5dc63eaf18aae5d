/**
 * The JSON behind the analytics page: the figures for a date range, overall and per intent,
 * team and week, with the guide's healthy ranges beside them.
 */
import type { Store } from '../../store/db.js';
import { rate, weekStart } from '../time.js';
import { computeFigures, type CsatSplit, type Figures, type Timing } from './figures.js';
import { HEALTHY_RANGES, rangeStatus, type RangeStatus } from './healthy-ranges.js';
import { loadMetricsData, type MetricsData } from './load-facts.js';
import { ticketKey } from './ticket-facts.js';

export interface TeamFigures {
  team: string;
  handedOff: number;
  /** This team's share of all handoffs in the range. */
  shareOfHandoffs: number | null;
  csatAfterHandoff: CsatSplit;
  firstHumanResponse: Timing;
  resolution: Timing;
}

export interface AdminAnalytics {
  range: { from: string; to: string };
  /** Durability is judged at this time (7 days after an automated answer). */
  asOf: string;
  tenantId: string | null;
  totals: Figures;
  healthy: { handoffRate: { min: number; max: number; status: RangeStatus } };
  byIntent: (Figures & { intent: string })[];
  byTeam: TeamFigures[];
  byWeek: (Figures & { weekStart: string })[];
  notes: string[];
}

export interface SummaryOptions {
  from: number;
  to: number;
  tenantId?: string;
  /** Default: now. */
  asOf?: number;
}

function group<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
}

export function summarize(data: MetricsData, opts: SummaryOptions): AdminAnalytics {
  const asOf = opts.asOf ?? Date.now();
  const base = { factsByKey: data.factsByKey, outcomesByKey: data.outcomesByKey, asOf };
  const totals = computeFigures({ ...base, tickets: data.tickets, ratings: data.ratings });
  const ratedFacts = (r: MetricsData['ratings'][number]) => data.factsByKey.get(ticketKey(r.tenant_id, r.ticket_id));

  const byIntent = [...group(data.tickets, (t) => t.intent)]
    .map(([intent, tickets]) => ({
      intent,
      ...computeFigures({ ...base, tickets, ratings: data.ratings.filter((r) => ratedFacts(r)?.intent === intent) }),
    }))
    .sort((a, b) => b.tickets - a.tickets || a.intent.localeCompare(b.intent));

  const weeks = new Set([...data.tickets.map((t) => weekStart(t.firstAt)), ...data.ratings.map((r) => weekStart(r.created_at))]);
  const byWeek = [...weeks]
    .sort()
    .map((week) => ({
      weekStart: week,
      ...computeFigures({
        ...base,
        tickets: data.tickets.filter((t) => weekStart(t.firstAt) === week),
        ratings: data.ratings.filter((r) => weekStart(r.created_at) === week),
      }),
    }));

  const handedOff = data.tickets.filter((t) => t.path === 'handoff');
  const byTeam = [...group(handedOff, (t) => t.team ?? 'unassigned')]
    .map(([team, tickets]): TeamFigures => {
      const f = computeFigures({ ...base, tickets, ratings: data.ratings.filter((r) => (ratedFacts(r)?.team ?? 'unassigned') === team && ratedFacts(r)?.path === 'handoff') });
      return { team, handedOff: tickets.length, shareOfHandoffs: rate(tickets.length, handedOff.length), csatAfterHandoff: f.csat.handoff, firstHumanResponse: f.firstResponse.human, resolution: f.resolution.human };
    })
    .sort((a, b) => b.handedOff - a.handedOff || a.team.localeCompare(b.team));

  return {
    range: { from: new Date(opts.from).toISOString(), to: new Date(opts.to).toISOString() },
    asOf: new Date(asOf).toISOString(),
    tenantId: opts.tenantId ?? null,
    totals,
    healthy: { handoffRate: { ...HEALTHY_RANGES.handoffRate, status: rangeStatus(totals.handoffRate, HEALTHY_RANGES.handoffRate) } },
    byIntent,
    byTeam,
    byWeek,
    notes: [
      'Tickets count once, in the week and range of their first decision; intent is that of the first live decision, team that of the last handoff.',
      'Automation rate counts durable resolutions only: no customer message within 7 days of the last automated answer. Younger ones are provisional.',
      'CSAT is good / (good + bad) among ratings given in the range, by the path of the rated ticket (human only: Baton never acted on it live). Run the sync to pull ratings from Zendesk.',
      'Human first response and resolution come from the helpdesk (ticket audits), for tickets synced with the outcome sync; automated ones from when Zendesk accepted the answer.',
    ],
  };
}

/** The analytics page's JSON for a range (epoch ms, `to` exclusive). */
export async function analyticsSummary(store: Store, opts: SummaryOptions): Promise<AdminAnalytics> {
  return summarize(await loadMetricsData(store, opts), opts);
}
