/** Terminal text for `baton calibrate` and the weekly review. */
import { renderTable } from '../../demo/table.js';
import { pct } from '../time.js';
import type { CalibrationReport } from './recommend.js';
import type { WeeklyReview } from './weekly-review.js';

export function renderCalibration(r: CalibrationReport): string {
  const out: string[] = [];
  out.push(`Calibration from agents' flags · target precision ${pct(r.targetPrecision, 0)} · at least ${r.minFlags} flags to change a threshold`);
  out.push('');
  out.push(
    renderTable(
      ['intent', 'decisions', 'automated', 'flags unneeded/wrong/team', 'wrong answers', 'unneeded escalations', 'threshold', 'automation rate', 'precision', 'action'],
      r.intents.map((i) => {
        const rec = i.recommendation;
        const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
        return [
          i.intent,
          i.decisions,
          i.automated,
          `${i.flags.should_have_automated}/${i.flags.wrong_answer}/${i.flags.wrong_team}`,
          pct(i.errorRates.wrongAnswer),
          pct(i.errorRates.unneededEscalation),
          i.automatable ? arrow(i.currentThreshold.toFixed(2), rec.threshold.toFixed(2)) : '– (not automatable)',
          arrow(pct(rec.now.automationRate), pct(rec.then.automationRate)),
          arrow(pct(rec.now.precision), pct(rec.then.precision)),
          rec.action,
        ];
      }),
    ),
  );
  out.push('');
  for (const i of r.intents) {
    if (i.recommendation.action !== 'keep' || i.flags.should_have_automated + i.flags.wrong_answer + i.flags.wrong_team > 0) out.push(`${i.intent}: ${i.recommendation.action} — ${i.recommendation.why}`);
    const unfixable = Object.entries(i.notFixableByThreshold);
    if (unfixable.length) out.push(`  flagged as unneeded but escalated for other reasons (a threshold will not change these): ${unfixable.map(([c, n]) => `${c} ×${n}`).join(', ')}`);
    if (i.flags.wrong_team > 0) out.push(`  ${i.flags.wrong_team} handoff(s) went to the wrong team: check intents.${i.intent}.team and the triggers' teams`);
  }
  out.push(r.changes.length ? `\nThreshold changes: ${r.changes.map((c) => `${c.intent} ${c.from.toFixed(2)} → ${c.to.toFixed(2)}`).join(', ')} (write them with --write)` : '\nNo threshold changes recommended.');
  return out.join('\n') + '\n';
}

export function renderWeeklyReview(w: WeeklyReview): string {
  const out: string[] = [`Weekly review, week of ${w.weekStart}: ${w.escalations} escalation(s)`];
  const flags = Object.entries(w.flags);
  if (flags.length) out.push(`Agents' flags this week: ${flags.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const g of w.groups) {
    out.push('');
    out.push(`${g.reason}: ${g.escalations} (${pct(g.share, 0)}) · ${g.intents.map((i) => `${i.intent} ${i.count}`).join(', ')}`);
    for (const e of g.examples) out.push(`  #${e.ticketId} ${e.intent} ${e.confidence.toFixed(2)} → ${e.team ?? '–'}: ${e.reason}\n      “${e.message}”`);
  }
  return out.join('\n') + '\n';
}
