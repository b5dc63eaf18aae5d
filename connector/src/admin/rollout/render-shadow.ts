/** Terminal text for the shadow-mode comparison. */
import { renderTable } from '../../demo/table.js';
import { pct } from '../time.js';
import type { ShadowReport } from './shadow-report.js';

export function renderShadowReport(r: ShadowReport): string {
  const out: string[] = [`Shadow mode ${r.range.from.slice(0, 10)} → ${r.range.to.slice(0, 10)}: what Baton would have done, next to what the agents did`];
  out.push('');
  out.push(renderTable(['intent', 'tickets', 'agreed', 'disagreed', 'pending', 'agreement'], r.byIntent.map((i) => [i.intent, i.tickets, i.agreed, i.disagreed, i.pending, pct(i.agreement)])));
  out.push('');
  out.push(
    renderTable(
      ['ticket', 'Baton would', 'agents did', 'verdict'],
      r.rows.map((x) => [
        x.ticketId,
        `${x.ai.action} ${x.ai.intent} ${x.ai.confidence.toFixed(2)}${x.ai.team ? ` → ${x.ai.team}` : ''}`,
        x.agent ? `${x.agent.status}${x.agent.team ? ` in ${x.agent.team}` : x.agent.group ? ` in ${x.agent.group}` : ''}${x.agent.firstReplyMinutes !== null ? `, replied after ${x.agent.firstReplyMinutes} min` : ''}` : (x.error ?? ''),
        x.verdict,
      ]),
    ),
  );
  return out.join('\n') + '\n';
}
