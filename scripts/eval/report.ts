/**
 * The evaluation report as Markdown: targets first, then each dataset's details.
 * Bitext utterances are never written into the report (its text stays out of the repo);
 * project held-back misses are quoted since they are the project's own examples.
 */
import type { DatasetMetrics } from './metrics.js';

export const TARGETS = {
  bitextAccuracy: 0.9,
  mustEscalateRecall: 0.98,
  automatedPrecision: 0.95,
  automatableCoverage: 0.7,
  ece: 0.05,
};

export interface DatasetSection {
  key: string;
  title: string;
  metrics: DatasetMetrics;
  /** Quote missed texts (only for the project's own examples). */
  quoteMisses: boolean;
  notes: string[];
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null | undefined, d = 3) => (x === null || x === undefined ? 'n/a' : x.toFixed(d));
const status = (ok: boolean | null) => (ok === null ? '–' : ok ? 'met' : '**not met**');

function short(intent: string): string {
  return intent
    .split('_')
    .map((w) => w.slice(0, 4))
    .join('_');
}

function confusionTable(m: DatasetMetrics): string {
  const { labels, matrix } = m.confusion;
  const used = labels.map((_, i) => matrix[i]!.some((v) => v > 0) || matrix.some((row) => row[i]! > 0));
  const idx = labels.map((_, i) => i).filter((i) => used[i]);
  const head = `| gold \\ predicted | ${idx.map((i) => short(labels[i]!)).join(' | ')} |`;
  const sep = `|---|${idx.map(() => '---:').join('|')}|`;
  const rows = idx.map((g) => `| ${labels[g]} | ${idx.map((p) => (matrix[g]![p]! === 0 ? '·' : g === p ? `**${matrix[g]![p]}**` : String(matrix[g]![p]))).join(' | ')} |`);
  return [head, sep, ...rows].join('\n');
}

export function targetTable(project: DatasetMetrics, bitext: DatasetMetrics | null): string {
  const rows: [string, string, (m: DatasetMetrics) => number | null, (v: number) => boolean, boolean][] = [
    ['mapped intent accuracy', `≥ ${TARGETS.bitextAccuracy}`, (m) => m.accuracy, (v) => v >= TARGETS.bitextAccuracy, true],
    ['must-escalate recall', `≥ ${TARGETS.mustEscalateRecall}`, (m) => m.mustEscalate.recall, (v) => v >= TARGETS.mustEscalateRecall, false],
    ['precision of automated decisions', `≥ ${TARGETS.automatedPrecision}`, (m) => m.atPolicy.precision, (v) => v >= TARGETS.automatedPrecision, false],
    ['automatable messages automated', `≥ ${TARGETS.automatableCoverage}`, (m) => m.atPolicy.coverage, (v) => v >= TARGETS.automatableCoverage, false],
    ['expected calibration error', `≤ ${TARGETS.ece}`, (m) => m.calibration.ece, (v) => v <= TARGETS.ece, false],
  ];
  const cell = (m: DatasetMetrics | null, get: (m: DatasetMetrics) => number | null, ok: (v: number) => boolean, isEce: boolean) => {
    if (!m) return 'skipped';
    const v = get(m);
    return v === null ? 'n/a' : `${isEce ? num(v) : pct(v)} (${status(ok(v))})`;
  };
  const lines = ['| metric | target | project held-back | bitext-dev (mapped) |', '|---|---|---|---|'];
  for (const [name, target, get, ok, bitextOnly] of rows) {
    const isEce = name.startsWith('expected');
    lines.push(`| ${name} | ${target} | ${bitextOnly ? `${pct(get(project))} (for information)` : cell(project, get, ok, isEce)} | ${cell(bitext, get, ok, isEce)} |`);
  }
  return lines.join('\n');
}

/** One row per source file of a dataset: the headline measures side by side. */
export function fileTable(files: { file: string; metrics: DatasetMetrics }[]): string {
  const lines = ['| file | messages | accuracy | ECE | automated precision | automatable automated | must-escalate recall |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const { file, metrics: m } of files) {
    lines.push(`| ${file} | ${m.n} | ${pct(m.accuracy)} | ${num(m.calibration.ece)} | ${pct(m.atPolicy.precision)} | ${pct(m.atPolicy.coverage)} | ${pct(m.mustEscalate.recall)} |`);
  }
  return lines.join('\n');
}

export function datasetSection(s: DatasetSection, policyThreshold: number): string {
  const m = s.metrics;
  const out: string[] = [`## ${s.title}`, '', ...s.notes.map((n) => `${n}`), ''];
  out.push(`Messages: ${m.n}. Intent accuracy: **${pct(m.accuracy)}**. ECE: **${num(m.calibration.ece)}**.`);
  out.push(
    `At the shipped policy: ${m.atPolicy.automated} automated, precision **${pct(m.atPolicy.precision)}**; ` +
      `${pct(m.atPolicy.coverage)} of the ${m.atPolicy.automatableMessages} messages with an automatable intent automated. ` +
      `Must-escalate recall: **${pct(m.mustEscalate.recall)}** of ${m.mustEscalate.count}.`,
  );
  out.push('', '### Accuracy per intent', '', '| intent | messages | accuracy |', '|---|---:|---:|');
  for (const r of m.perIntent) out.push(`| ${r.intent} | ${r.count} | ${pct(r.accuracy)} |`);
  out.push('', '### Confusion matrix', '', '(rows: true intent; columns: predicted, abbreviated in the same order)', '', confusionTable(m));
  out.push('', '### Calibration', '', `![reliability](reliability-${s.key}.svg)`, '', '| confidence | messages | mean confidence | share correct |', '|---|---:|---:|---:|');
  for (const b of m.calibration.bins) if (b.count > 0) out.push(`| ${b.lo.toFixed(1)}–${b.hi.toFixed(1)} | ${b.count} | ${num(b.confidence)} | ${num(b.accuracy)} |`);
  out.push('', '### Handoff trade-off', '', `![trade-off](tradeoff-${s.key}.svg)`, '');
  out.push('The other rules (triggers, sentiment, language, injection) stay on; only the confidence threshold moves.', '');
  out.push('| threshold | automated | precision of automated | automatable messages automated |', '|---:|---:|---:|---:|');
  for (const p of m.tradeoff.filter((p) => [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99].includes(p.threshold) || p.threshold === policyThreshold)) {
    out.push(`| ${p.threshold.toFixed(2)} | ${p.automated} | ${pct(p.precision)} | ${pct(p.coverage)} |`);
  }
  out.push('', `### Must-escalate messages not handed off (${m.mustEscalate.missed.length})`, '');
  if (m.mustEscalate.missed.length === 0) out.push('None.');
  else if (s.quoteMisses) {
    for (const x of m.mustEscalate.missed.slice(0, 15)) out.push(`- ${x.gold} → ${x.predicted} ${num(x.confidence, 2)}, ${x.action}: "${x.text.replace(/\s+/g, ' ').slice(0, 160)}"`);
  } else {
    const byGold = new Map<string, number>();
    for (const x of m.mustEscalate.missed) byGold.set(`${x.gold} → ${x.predicted} (${x.action})`, (byGold.get(`${x.gold} → ${x.predicted} (${x.action})`) ?? 0) + 1);
    for (const [k, n] of [...byGold].sort((a, b) => b[1] - a[1])) out.push(`- ${k}: ${n}`);
    out.push('', '(texts not quoted: the development data stays out of the repository)');
  }
  return out.join('\n');
}

export function mapTable(map: Record<string, string | null>, counts: Map<string, number>): string {
  const lines = ['| bitext intent | Baton intent | utterances |', '|---|---|---:|'];
  for (const [k, v] of Object.entries(map)) lines.push(`| ${k} | ${v ?? '— (left out)'} | ${counts.get(k) ?? 0} |`);
  return lines.join('\n');
}
