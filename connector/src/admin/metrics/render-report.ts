/** `baton report` in the terminal: the analytics summary as tables, healthy ranges beside the figures. */
import { renderTable } from '../../demo/table.js';
import { pct } from '../time.js';
import type { AdminAnalytics } from './analytics-summary.js';
import type { CsatSplit, Timing } from './figures.js';
import { HEALTHY_RANGES, rangeStatus, type RangeStatus } from './healthy-ranges.js';

const RANGE = `${pct(HEALTHY_RANGES.handoffRate.min, 0)}–${pct(HEALTHY_RANGES.handoffRate.max, 0)}`;
const STATUS: Record<RangeStatus, string> = { within: 'ok', below: 'LOW', above: 'HIGH', no_data: '' };
const handoffCell = (x: number | null) => {
  const s = STATUS[rangeStatus(x, HEALTHY_RANGES.handoffRate)];
  return `${pct(x)}${s ? ` ${s}` : ''}`;
};
const csatCell = (c: CsatSplit) => (c.score === null ? '–' : `${pct(c.score, 0)} (${c.good}/${c.good + c.bad})`);
const minutes = (t: Timing) => {
  if (t.medianMinutes === null) return '–';
  const m = t.medianMinutes;
  // Automated answers take seconds; "0 min" would hide the difference from people.
  const value = m < 1 ? `${Math.round(m * 60)} s` : m < 120 ? `${m.toFixed(1)} min` : `${(m / 60).toFixed(1)} h`;
  return `${value} (n=${t.tickets})`;
};

export function renderReport(s: AdminAnalytics): string {
  const t = s.totals;
  const out: string[] = [];
  out.push(`Baton report ${s.range.from.slice(0, 10)} → ${s.range.to.slice(0, 10)}${s.tenantId ? ` · ${s.tenantId}` : ''} · durability judged at ${s.asOf.slice(0, 16)}Z`);
  out.push('');
  out.push(
    renderTable(
      ['figure', 'value', 'healthy range (guide)'],
      [
        ['Handoff rate', handoffCell(t.handoffRate), `${RANGE}${s.healthy.handoffRate.status === 'no_data' ? '' : `: ${s.healthy.handoffRate.status}`}`],
        ['Automation rate (durable)', pct(t.automationRate), ''],
        ['  incl. provisional (< 7 days)', pct(t.automationRateIncludingProvisional), ''],
        ['Reopened within 7 days', pct(t.reopenRate), ''],
        ['Tickets decided live', String(t.tickets), ''],
        ['  automated: durable / provisional / reopened', `${t.durable} / ${t.provisional} / ${t.automated - t.durable - t.provisional}`, ''],
        ['  handed off', String(t.handedOff), ''],
        ['Shadow only / ignored', `${t.shadowOnly} / ${t.ignored}`, ''],
      ],
      { alignRight: [false, true, false] },
    ),
  );
  out.push('');
  out.push('CSAT (good / rated) and median times');
  out.push(
    renderTable(
      ['path', 'CSAT', 'first response', 'resolution'],
      [
        ['automated', csatCell(t.csat.automated), minutes(t.firstResponse.automated), minutes(t.resolution.automated)],
        ['after handoff', csatCell(t.csat.handoff), minutes(t.firstResponse.human), minutes(t.resolution.human)],
        ['human only', csatCell(t.csat.humanOnly), '', ''],
      ],
    ),
  );
  if (s.byIntent.length) {
    out.push('');
    out.push('By intent');
    out.push(
      renderTable(
        ['intent', 'tickets', 'handoff rate', 'automation (durable)', 'reopened', 'CSAT automated', 'CSAT handoff'],
        s.byIntent.map((i) => [i.intent, i.tickets, handoffCell(i.handoffRate), pct(i.automationRate), i.reopened, csatCell(i.csat.automated), csatCell(i.csat.handoff)]),
      ),
    );
  }
  if (s.byTeam.length) {
    out.push('');
    out.push('By team (handoffs)');
    out.push(
      renderTable(
        ['team', 'handed off', 'share', 'CSAT after handoff', 'first human response', 'resolution'],
        s.byTeam.map((x) => [x.team, x.handedOff, pct(x.shareOfHandoffs), csatCell(x.csatAfterHandoff), minutes(x.firstHumanResponse), minutes(x.resolution)]),
      ),
    );
  }
  if (s.byWeek.length) {
    out.push('');
    out.push('By week (Monday, UTC)');
    out.push(
      renderTable(
        ['week', 'tickets', 'handoff rate', 'automation (durable)', 'reopened', 'CSAT automated', 'CSAT handoff'],
        s.byWeek.map((w) => [w.weekStart, w.tickets, handoffCell(w.handoffRate), pct(w.automationRate), w.reopened, csatCell(w.csat.automated), csatCell(w.csat.handoff)]),
      ),
    );
  }
  out.push('');
  for (const n of s.notes) out.push(`· ${n}`);
  return out.join('\n') + '\n';
}
