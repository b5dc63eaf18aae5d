/** The audit as Markdown, for a wiki page or a pull request. */
import type { AuditReport } from './build-report.js';
import { SECTIONS, fmtPct, rolloutSnippet } from './sections.js';

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const table = (headers: string[], rows: (string | number)[][]) =>
  [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

export function auditMarkdown(r: AuditReport): string {
  const out: string[] = [];
  out.push(`# Support automation audit`);
  out.push(
    `${r.totals.classified} tickets classified from ${r.source.kind === 'zendesk' ? 'Zendesk' : `\`${r.source.name}\``} (${r.source.format})` +
      (r.period.from ? `, created ${r.period.from.slice(0, 10)} to ${r.period.to!.slice(0, 10)}` : '') +
      `; ${r.totals.problems} row(s) could not be read. Generated ${r.generatedAt}.`,
  );

  out.push(`\n## ${SECTIONS.buckets}\n`);
  out.push(table(['bucket', 'tickets', 'share'], r.buckets.map((b) => [b.label, b.tickets, fmtPct(b.share)])));
  out.push(
    `\nIf the candidates below go live: about **${r.savings.ticketsPerWeek} tickets** and **${r.savings.agentHoursPerWeek} agent hours per week** handled without an agent (see ${SECTIONS.assumptions}).`,
  );

  out.push(`\n## ${SECTIONS.intents}\n`);
  out.push(
    table(
      ['intent', 'tickets', 'share', 'fully', 'partially', 'human', 'mean confidence'],
      r.intents.map((i) => [i.intent, i.tickets, fmtPct(i.share), i.full, i.partial, i.human, i.meanConfidence.toFixed(2)]),
    ),
  );

  out.push(`\n## ${SECTIONS.phrases}\n`);
  out.push('Phrases found far more often in one intent than in the others (log-odds z-score), with the customers\' own words.\n');
  for (const p of r.phrases) {
    if (p.phrases.length === 0) continue;
    out.push(`### ${p.intent}\n`);
    for (const ph of p.phrases) {
      const ex = ph.examples.map((e) => `#${e.id}: "${e.snippet}"`).join('; ');
      out.push(`- **"${ph.phrase}"**: ${ph.tickets} tickets (${ph.elsewhere} elsewhere, z ${ph.z.toFixed(1)})${ex ? ` — ${ex}` : ''}`);
    }
    out.push('');
  }

  out.push(`\n## ${SECTIONS.candidates}\n`);
  out.push(
    r.candidates.length === 0
      ? 'No intent had tickets Baton could answer alone.'
      : table(
          ['#', 'intent', 'tickets', 'Baton alone', 'simplicity', 'mean confidence', 'tickets / week', 'agent hours / week', 'playbook'],
          r.candidates.map((c) => [c.rank, c.intent, c.tickets, c.automatable, fmtPct(c.simplicity), c.meanConfidence.toFixed(2), c.ticketsPerWeek, c.agentHoursPerWeek, c.readyNow ? 'ready' : 'to write']),
        ),
  );

  out.push(`\n## ${SECTIONS.rollout}\n`);
  for (const s of r.rollout) out.push(`${s.step}. **${s.mode}**: ${s.intents.join(', ')} — ${s.when}`);
  if (r.rollout.length) {
    out.push('\nIn the policy, start with everything in shadow and switch intents to live step by step; after step 2:\n');
    out.push(['```yaml', ...rolloutSnippet(r.rollout[0]!.intents), '```'].join('\n'));
  }

  out.push(`\n## ${SECTIONS.assumptions}\n`);
  for (const n of r.assumptions.notes) out.push(`- ${n}`);

  out.push(`\n## ${SECTIONS.problems}\n`);
  out.push(r.problems.length === 0 ? 'None: every row was read.' : table(['row', 'id', 'problem'], r.problems.map((p) => [p.row, p.id ?? '', p.problem])));
  return out.join('\n') + '\n';
}
