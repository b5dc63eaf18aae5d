/**
 * The admin figures as Prometheus gauges on the connector's registry. Each scrape reads the
 * store once for a rolling window (default the last 7 days) and every gauge is filled from
 * that one snapshot; snapshots are cached for `cacheMs` so several Prometheus servers (or a
 * fast scrape interval) do not turn into queries. Rates are 0..1; times are minutes.
 */
import { Gauge, type Registry } from 'prom-client';
import type { Store } from '../../store/db.js';
import { DAY } from '../time.js';
import { summarize, type AdminAnalytics } from './analytics-summary.js';
import { HEALTHY_RANGES } from './healthy-ranges.js';
import { loadMetricsData } from './load-facts.js';

export interface AdminMetricsOptions {
  tenantId?: string;
  windowDays?: number;
  cacheMs?: number;
  now?: () => number;
}

export const ADMIN_METRIC_NAMES = [
  'baton_admin_tickets',
  'baton_admin_handoff_rate',
  'baton_admin_automation_rate',
  'baton_admin_reopen_rate',
  'baton_admin_handoff_healthy_range',
  'baton_admin_handoffs_by_team',
  'baton_admin_csat_score',
  'baton_admin_csat_ratings',
  'baton_admin_first_response_minutes',
  'baton_admin_resolution_minutes',
  'baton_admin_feedback_flags',
  'baton_admin_metrics_up',
] as const;

export function registerAdminMetrics(registry: Registry, store: Store, opts: AdminMetricsOptions = {}): { refresh(): Promise<AdminAnalytics> } {
  const now = opts.now ?? Date.now;
  const windowMs = (opts.windowDays ?? 7) * DAY;
  const cacheMs = opts.cacheMs ?? 30_000;
  type Snapshot = { summary: AdminAnalytics; flags: { kind: string; n: number }[] } | null;
  let cached: { at: number; value: Promise<Snapshot> } | null = null;

  const snapshot = () => {
    const t = now();
    if (!cached || t - cached.at >= cacheMs) {
      const range = { from: t - windowMs, to: t + 1, tenantId: opts.tenantId };
      const value = (async (): Promise<Snapshot> => {
        try {
          const data = await loadMetricsData(store, range);
          let flagsQ = store.db.selectFrom('feedback').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).where('created_at', '>=', range.from).groupBy('kind');
          if (opts.tenantId !== undefined) flagsQ = flagsQ.where('tenant_id', '=', opts.tenantId);
          const flags = (await flagsQ.execute()).map((r) => ({ kind: r.kind, n: Number(r.n) }));
          return { summary: summarize(data, { ...range, asOf: t }), flags };
        } catch {
          // A store error must not fail the whole /metrics scrape (the pipeline's counters live
          // there too): the admin gauges go empty, baton_admin_metrics_up says 0, and the
          // failed read is not cached so the next scrape tries again.
          cached = null;
          return null;
        }
      })();
      cached = { at: t, value };
    }
    return cached.value;
  };

  const window = `over the last ${opts.windowDays ?? 7} days`;
  const gauge = <L extends string>(name: (typeof ADMIN_METRIC_NAMES)[number], help: string, labelNames: L[], fill: (g: Gauge<L>, s: NonNullable<Snapshot>) => void) =>
    new Gauge<L>({
      name,
      help: `${help} ${window}`,
      labelNames,
      registers: [registry],
      async collect() {
        const s = await snapshot();
        this.reset(); // label sets that vanished (an intent with no tickets this week) must not linger
        if (s) fill(this, s);
      },
    });
  new Gauge({
    name: 'baton_admin_metrics_up',
    help: '1 when the admin figures could be read from the store at the last scrape, else 0',
    registers: [registry],
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });
  const setIf = <L extends string>(g: Gauge<L>, labels: Partial<Record<L, string>>, v: number | null) => {
    if (v !== null) g.set(labels, v);
  };

  gauge('baton_admin_tickets', 'Tickets first decided, by outcome (durable, provisional, reopened, handed_off, shadow, ignored)', ['outcome'], (g, { summary: { totals: t } }) => {
    const reopenedAutomated = t.automated - t.durable - t.provisional;
    for (const [outcome, v] of Object.entries({ durable: t.durable, provisional: t.provisional, reopened: reopenedAutomated, handed_off: t.handedOff, shadow: t.shadowOnly, ignored: t.ignored })) g.set({ outcome }, v);
  });
  gauge('baton_admin_handoff_rate', 'Share of live-decided tickets handed to a person (intent="all" overall)', ['intent'], (g, { summary: s }) => {
    setIf(g, { intent: 'all' }, s.totals.handoffRate);
    for (const i of s.byIntent) setIf(g, { intent: i.intent }, i.handoffRate);
  });
  gauge('baton_admin_automation_rate', 'Share of live-decided tickets resolved by automation and not reopened within 7 days', ['intent'], (g, { summary: s }) => {
    setIf(g, { intent: 'all' }, s.totals.automationRate);
    for (const i of s.byIntent) setIf(g, { intent: i.intent }, i.automationRate);
  });
  gauge('baton_admin_reopen_rate', 'Share of automatically answered tickets the customer reopened within 7 days', ['intent'], (g, { summary: s }) => {
    setIf(g, { intent: 'all' }, s.totals.reopenRate);
    for (const i of s.byIntent) setIf(g, { intent: i.intent }, i.reopenRate);
  });
  gauge('baton_admin_handoff_healthy_range', "The guide's healthy handoff rate range (bound=min|max), for dashboards", ['bound'], (g) => {
    g.set({ bound: 'min' }, HEALTHY_RANGES.handoffRate.min);
    g.set({ bound: 'max' }, HEALTHY_RANGES.handoffRate.max);
  });
  gauge('baton_admin_handoffs_by_team', 'Tickets handed off, by team', ['team'], (g, { summary: s }) => {
    for (const t of s.byTeam) g.set({ team: t.team }, t.handedOff);
  });
  gauge('baton_admin_csat_score', 'CSAT good / (good + bad), by path (automated, handoff, human_only)', ['path'], (g, { summary: s }) => {
    setIf(g, { path: 'automated' }, s.totals.csat.automated.score);
    setIf(g, { path: 'handoff' }, s.totals.csat.handoff.score);
    setIf(g, { path: 'human_only' }, s.totals.csat.humanOnly.score);
  });
  gauge('baton_admin_csat_ratings', 'CSAT ratings, by path and score', ['path', 'score'], (g, { summary: s }) => {
    for (const [path, c] of [['automated', s.totals.csat.automated], ['handoff', s.totals.csat.handoff], ['human_only', s.totals.csat.humanOnly]] as const) {
      g.set({ path, score: 'good' }, c.good);
      g.set({ path, score: 'bad' }, c.bad);
    }
  });
  gauge('baton_admin_first_response_minutes', 'Median minutes to the first response, automated vs human', ['path'], (g, { summary: s }) => {
    setIf(g, { path: 'automated' }, s.totals.firstResponse.automated.medianMinutes);
    setIf(g, { path: 'human' }, s.totals.firstResponse.human.medianMinutes);
  });
  gauge('baton_admin_resolution_minutes', 'Median minutes to resolution, automated vs human', ['path'], (g, { summary: s }) => {
    setIf(g, { path: 'automated' }, s.totals.resolution.automated.medianMinutes);
    setIf(g, { path: 'human' }, s.totals.resolution.human.medianMinutes);
  });
  gauge('baton_admin_feedback_flags', 'Agent flags on decisions, by kind', ['kind'], (g, { flags }) => {
    for (const f of flags) g.set({ kind: f.kind }, f.n);
  });

  return {
    refresh: async () => {
      const s = await snapshot();
      if (!s) throw new Error('admin metrics: the store could not be read (is migration 002-admin applied?)');
      return s.summary;
    },
  };
}
