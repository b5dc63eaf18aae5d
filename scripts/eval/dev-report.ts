/**
 * The dev sets in the evaluation report: one table with the four figures and calibration
 * per set against the targets, each set's reliability chart, the reasons automation was held
 * back, and the tenant-adaptation table. Texts are never quoted (dev data stays out of the repo).
 */
import type { DevFigures, DevScored, Fraction } from './dev-figures.js';
import type { AdaptationResult } from './tenant-adaptation.js';

export const DEV_TARGETS = {
  mustEscalate: 0.98,
  automatedRight: 0.95,
  outOfScopeAutomated: 0.02,
  /** bitext-dev only. */
  automatableAutomated: 0.6,
};

const f3 = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
const frac = (f: Fraction) => (f.of === 0 ? '–' : `${f.hit}/${f.of} = ${f3(f.rate)}`);
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? ' ✓' : ' ✗');

export function figuresRow(name: string, g: DevFigures, coverageTarget: boolean): string {
  const r = (x: Fraction, ok: (v: number) => boolean) => `${frac(x)}${x.rate === null ? '' : mark(ok(x.rate))}`;
  return (
    `| ${name} | ${g.n} | ${r(g.mustEscalateHandedOff, (v) => v >= DEV_TARGETS.mustEscalate)} | ${r(g.automatedRight, (v) => v >= DEV_TARGETS.automatedRight)} | ` +
    `${coverageTarget ? r(g.automatableAutomated, (v) => v >= DEV_TARGETS.automatableAutomated) : frac(g.automatableAutomated)} | ` +
    `${r(g.outOfScopeAutomated, (v) => v <= DEV_TARGETS.outOfScopeAutomated)} | ${f3(g.calibration.ece)} |`
  );
}

export const FIGURES_HEAD = [
  '| set | messages | must-escalate handed off (≥ 0.98) | automated answers that were right (≥ 0.95) | automatable messages automated (bitext ≥ 0.60) | out-of-scope automated (≤ 0.02) | ECE |',
  '|---|---:|---:|---:|---:|---:|---:|',
];

/**
 * The 95% Wilson score interval of a fraction. A precision of 8/8 and one of 1315/1316 are both
 * near 1, but the first could be 0.68 on more traffic: the interval shows how much a small
 * count can say. Wilson rather than the normal approximation because it stays inside [0, 1]
 * and behaves at 0 and n hits.
 */
export function wilsonInterval(f: Fraction, z = 1.96): [number, number] | null {
  if (f.of === 0) return null;
  const p = f.hit / f.of;
  const z2n = (z * z) / f.of;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / f.of + z2n / (4 * f.of))) / (1 + z2n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** "bitext-dev 0.996–1.000, ..." for the automated-answer precision of each set. */
export function precisionIntervals(rows: { name: string; figures: DevFigures }[]): string {
  return rows
    .map(({ name, figures }) => {
      const ci = wilsonInterval(figures.automatedRight);
      return ci ? `${name} ${figures.automatedRight.hit}/${figures.automatedRight.of}: ${ci[0].toFixed(3)}–${ci[1].toFixed(3)}` : `${name}: no automated answers`;
    })
    .join('; ');
}

/** Why automation was held back on automate_candidate messages: the coverage the gates cost. */
export function heldBackReasons(scored: DevScored[]): string {
  const counts = new Map<string, number>();
  const candidates = scored.filter((s) => s.decision === 'automate_candidate' && s.action !== 'automate');
  for (const s of candidates) for (const code of new Set(s.reasons)) counts.set(code, (counts.get(code) ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return rows.length === 0 ? 'None held back.' : rows.map(([code, n]) => `\`${code}\` ${n}`).join(', ');
}

/** Wrong automated answers by dataset label → predicted intent (labels only, never texts). */
export function wrongAnswers(scored: DevScored[]): string {
  const counts = new Map<string, number>();
  for (const s of scored) {
    if (s.action !== 'automate' || (s.decision === 'automate_candidate' && s.predicted === s.intent)) continue;
    const key = `${s.label} → ${s.predicted}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return rows.length === 0 ? 'None.' : rows.map(([k, n]) => `${k} (${n})`).join('; ');
}

export function adaptationTable(results: AdaptationResult[]): string {
  const lines = [
    '| tenant data | trained on | evaluated on | model | must-escalate handed off | automated answers right | automatable automated | ECE |',
    '|---|---:|---:|---|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    for (const [label, g] of [['shipped', r.before], ['tenant', r.after]] as const) {
      lines.push(`| ${r.name} | ${r.trained} | ${r.evaluated} | ${label} | ${frac(g.mustEscalateHandedOff)} | ${frac(g.automatedRight)} | ${frac(g.automatableAutomated)} | ${f3(g.calibration.ece)} |`);
    }
  }
  return lines.join('\n');
}
