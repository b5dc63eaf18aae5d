/** The audit as one self-contained HTML page with inline SVG charts (no scripts, no network). */
import { escapeXml as esc, horizontalBars, shareBar } from '../svg-charts.js';
import type { AuditReport } from './build-report.js';
import { BUCKET_COLORS, SECTIONS, fmtPct, rolloutSnippet } from './sections.js';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}h2{margin-top:2.2rem;border-bottom:2px solid #eee}code,pre{background:#f5f5f5}pre{padding:.6rem}
.muted{color:#666}.phrase{font-weight:600}blockquote{margin:.2rem 0 .2rem 1rem;color:#444}`;

function table(headers: string[], rows: (string | number)[][], numeric: boolean[] = []): string {
  const th = headers.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${esc(String(c))}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

const section = (id: string, title: string, body: string) => `<section id="${id}"><h2>${esc(title)}</h2>\n${body}\n</section>`;

export function auditHtml(r: AuditReport): string {
  const source = r.source.kind === 'zendesk' ? 'Zendesk' : r.source.name;
  const intro =
    `<p>${r.totals.classified} tickets classified from <code>${esc(source)}</code> (${esc(r.source.format)})` +
    (r.period.from ? `, created ${esc(r.period.from.slice(0, 10))} to ${esc(r.period.to!.slice(0, 10))}` : '') +
    `; ${r.totals.problems} row(s) could not be read. <span class="muted">Generated ${esc(r.generatedAt)}.</span></p>`;

  const buckets = section(
    'buckets',
    SECTIONS.buckets,
    shareBar(r.buckets.map((b) => ({ label: b.label, value: b.tickets, color: BUCKET_COLORS[b.bucket] })), { title: 'Tickets by bucket' }) +
      table(['bucket', 'tickets', 'share'], r.buckets.map((b) => [b.label, b.tickets, fmtPct(b.share)]), [false, true, true]) +
      `<p>If the candidates below go live: about <strong>${r.savings.ticketsPerWeek} tickets</strong> and <strong>${r.savings.agentHoursPerWeek} agent hours per week</strong> handled without an agent (see <a href="#assumptions">assumptions</a>).</p>`,
  );

  const intentRows = r.intents.map((i) => ({
    label: i.intent,
    segments: [
      { label: 'fully', value: i.full, color: BUCKET_COLORS.full },
      { label: 'partially', value: i.partial, color: BUCKET_COLORS.partial },
      { label: 'human', value: i.human, color: BUCKET_COLORS.human },
    ],
    note: `${i.tickets} (${fmtPct(i.share)})`,
  }));
  const intents = section(
    'intents',
    SECTIONS.intents,
    horizontalBars(intentRows, { title: 'Tickets per intent, by bucket' }) +
      table(
        ['intent', 'tickets', 'share', 'fully', 'partially', 'human', 'mean confidence'],
        r.intents.map((i) => [i.intent, i.tickets, fmtPct(i.share), i.full, i.partial, i.human, i.meanConfidence.toFixed(2)]),
        [false, true, true, true, true, true, true],
      ),
  );

  const phraseBlocks = r.phrases
    .filter((p) => p.phrases.length > 0)
    .map((p) => {
      const items = p.phrases
        .map((ph) => {
          const ex = ph.examples.map((e) => `<blockquote>#${esc(e.id)}: “${esc(e.snippet)}”</blockquote>`).join('');
          return `<li><span class="phrase">“${esc(ph.phrase)}”</span> <span class="muted">${ph.tickets} tickets, ${ph.elsewhere} elsewhere, z ${ph.z.toFixed(1)}</span>${ex}</li>`;
        })
        .join('\n');
      return `<h3>${esc(p.intent)}</h3><ul>${items}</ul>`;
    })
    .join('\n');
  const phrases = section('phrases', SECTIONS.phrases, `<p class="muted">Phrases found far more often in one intent than in the others (log-odds z-score), with the customers' own words.</p>${phraseBlocks}`);

  const candidates = section(
    'candidates',
    SECTIONS.candidates,
    r.candidates.length === 0
      ? '<p>No intent had tickets Baton could answer alone.</p>'
      : horizontalBars(
          r.candidates.map((c) => ({ label: c.intent, segments: [{ label: 'agent hours / week', value: c.agentHoursPerWeek, color: BUCKET_COLORS.full }], note: `${c.agentHoursPerWeek} h/week` })),
          { title: 'Agent hours saved per week by candidate' },
        ) +
          table(
            ['#', 'intent', 'tickets', 'Baton alone', 'simplicity', 'mean confidence', 'tickets / week', 'agent hours / week', 'playbook'],
            r.candidates.map((c) => [c.rank, c.intent, c.tickets, c.automatable, fmtPct(c.simplicity), c.meanConfidence.toFixed(2), c.ticketsPerWeek, c.agentHoursPerWeek, c.readyNow ? 'ready' : 'to write']),
            [true, false, true, true, true, true, true, true, false],
          ),
  );

  const steps = r.rollout.map((s) => `<li><strong>${esc(s.mode)}</strong>: ${esc(s.intents.join(', '))} — ${esc(s.when)}</li>`).join('\n');
  const snippet = r.rollout.length ? `<p>In the policy, start with everything in shadow and switch intents to live step by step; after step 2:</p><pre>${esc(rolloutSnippet(r.rollout[0]!.intents).join('\n'))}</pre>` : '';
  const rollout = section('rollout', SECTIONS.rollout, `<ol>${steps}</ol>${snippet}`);

  const assumptions = section('assumptions', SECTIONS.assumptions, `<ul>${r.assumptions.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  const problems = section(
    'problems',
    SECTIONS.problems,
    r.problems.length === 0 ? '<p>None: every row was read.</p>' : table(['row', 'id', 'problem'], r.problems.map((p) => [p.row, p.id ?? '', p.problem]), [true, false, false]),
  );

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Support automation audit</title><style>${STYLE}</style></head>
<body><h1>Support automation audit</h1>
${intro}
${[buckets, intents, phrases, candidates, rollout, assumptions, problems].join('\n')}
</body></html>
`;
}
