/**
 * The development sets in shared/datasets, each read in place into one neutral shape: the
 * text, the project intent it means and the decision it deserves. Labels are mapped by each
 * set's label_map.json (bitext: bitext-intent-map.yaml), with our reviewed overrides from
 * label-map-review.yaml on top. Nothing here is copied into the repository or trained on.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Policy } from '../../connector/src/triage/policy/schema.js';
import { BITEXT_FILES, readBitext, readIntentMap } from './bitext.js';
import { MUST_ESCALATE } from './metrics.js';

export type GoldDecision = 'automate_candidate' | 'route_to_team' | 'must_escalate';

export interface DevItem {
  text: string;
  /** The project intent the label means. */
  intent: string;
  decision: GoldDecision;
  /** The set's own "none of our intents" label (clinc150 `oos`). */
  outOfScope: boolean;
  /** The dataset's label, and its domain when the set has one. */
  label: string;
  domain?: string;
  /** What the set's own label said, when the review of single texts changed it (text-review.yaml). */
  datasetLabel?: { intent: string; decision: GoldDecision };
}

export interface DevSet {
  key: 'bitext-dev' | 'clinc150-dev' | 'multidogo-dev';
  title: string;
  items: DevItem[];
  note: string;
}

interface LabelEntry {
  intent: string;
  decision: GoldDecision;
}

const REVIEW_PATH = fileURLToPath(new URL('./label-map-review.yaml', import.meta.url));
const TEXT_REVIEW_PATH = fileURLToPath(new URL('./text-review.yaml', import.meta.url));
const BITEXT_MAP_PATH = fileURLToPath(new URL('./bitext-intent-map.yaml', import.meta.url));
const SEVERITY: GoldDecision[] = ['automate_candidate', 'route_to_team', 'must_escalate'];

function review(set: string): Record<string, LabelEntry> {
  const raw = parseYaml(readFileSync(REVIEW_PATH, 'utf8')) as Record<string, Record<string, LabelEntry> | null>;
  return raw[set] ?? {};
}

/** A text's key in the review: the first 12 hex digits of its SHA-256, so no dev text is copied into the repository. */
export const textKey = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

interface TextReview extends LabelEntry {
  key: string;
  /** The dataset label the review read the text against (the row's first label). */
  label: string;
  /** How many rows carry this text and label: a check that the review matches the data it was made on. */
  rows: number;
}

/**
 * Our review of single texts whose label does not describe the text (text-review.yaml: how it was
 * made is in its header); the report shows the figures both ways. A text can carry different
 * labels in different rows, so a review applies to the rows of its own label only.
 */
function reviewTexts(set: string, items: DevItem[]): DevItem[] {
  const raw = parseYaml(readFileSync(TEXT_REVIEW_PATH, 'utf8')) as Record<string, TextReview[] | undefined>;
  const fixes = new Map((raw[set] ?? []).map((f) => [`${f.key} ${f.label}`, f]));
  const matched = new Map<string, number>();
  const out = items.map((item) => {
    const id = `${textKey(item.text)} ${item.label.split('+')[0]}`;
    const fix = fixes.get(id);
    if (!fix) return item;
    matched.set(id, (matched.get(id) ?? 0) + 1);
    return { ...item, intent: fix.intent, decision: fix.decision, datasetLabel: { intent: item.intent, decision: item.decision } };
  });
  const wrong = [...fixes].filter(([id, f]) => matched.get(id) !== f.rows).map(([id, f]) => `${id} (${matched.get(id) ?? 0} rows, reviewed ${f.rows})`);
  if (wrong.length) throw new Error(`${TEXT_REVIEW_PATH}: ${set}: the data no longer matches the review: ${wrong.join(', ')}`);
  return out;
}

function labelMap(dir: string, set: string): Record<string, LabelEntry> {
  const raw = JSON.parse(readFileSync(join(dir, 'label_map.json'), 'utf8')) as { labels: Record<string, LabelEntry> };
  return { ...raw.labels, ...review(set) };
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function entryFor(map: Record<string, LabelEntry>, label: string, set: string): LabelEntry {
  const e = map[label];
  if (!e) throw new Error(`${set}: label "${label}" has no entry in label_map.json`);
  return e;
}

function readClinc(dir: string): DevItem[] {
  const map = labelMap(dir, 'clinc150-dev');
  return readJsonl(join(dir, 'clinc150_dev.jsonl')).map((r) => {
    const label = String(r.label);
    const e = entryFor(map, label, 'clinc150-dev');
    return { text: String(r.text), intent: e.intent, decision: e.decision, outOfScope: label === 'oos', label, domain: String(r.domain) };
  });
}

/** Multi-label rows take the most severe decision among their labels (the map's own rule). */
function readMultidogo(dir: string): DevItem[] {
  const map = labelMap(dir, 'multidogo-dev');
  return readJsonl(join(dir, 'multidogo_dev.jsonl')).map((r) => {
    const labels = Array.isArray(r.labels) && r.labels.length ? r.labels.map(String) : [String(r.label)];
    const entries = labels.map((l) => entryFor(map, l, 'multidogo-dev'));
    const worst = entries.reduce((a, b) => (SEVERITY.indexOf(b.decision) > SEVERITY.indexOf(a.decision) ? b : a));
    return { text: String(r.text), intent: worst.intent, decision: worst.decision, outOfScope: false, label: labels.join('+'), domain: String(r.domain) };
  });
}

/** bitext's decision follows from the policy: must-escalate intents, automatable intents, the rest route. */
function readBitextSet(dir: string, policy: Policy): DevItem[] {
  const map = readIntentMap(BITEXT_MAP_PATH);
  const overrides = review('bitext-dev');
  const out: DevItem[] = [];
  for (const r of readBitext(dir)) {
    if (!(r.bitextIntent in map)) throw new Error(`${BITEXT_MAP_PATH}: no entry for bitext intent ${r.bitextIntent}`);
    const o = overrides[r.bitextIntent];
    const intent = o?.intent ?? map[r.bitextIntent];
    if (!intent) continue;
    const decision: GoldDecision =
      o?.decision ?? (MUST_ESCALATE.includes(intent) ? 'must_escalate' : policy.intents[intent]?.automatable ? 'automate_candidate' : 'route_to_team');
    out.push({ text: r.text, intent, decision, outOfScope: false, label: r.bitextIntent, domain: r.file.includes('Validation') ? 'validation' : 'training' });
  }
  return out;
}

export function datasetsDir(repoRoot: string): string {
  return join(process.env.BATON_SHARED_DIR ?? join(repoRoot, '..', 'shared'), 'datasets');
}

/** Every dev set that is present; the missing ones are named in `skipped`. */
export function readDevSets(repoRoot: string, policy: Policy): { sets: DevSet[]; skipped: string[] } {
  const root = datasetsDir(repoRoot);
  const sets: DevSet[] = [];
  const skipped: string[] = [];
  const bitext = join(root, 'bitext-dev');
  if (BITEXT_FILES.every((f) => existsSync(join(bitext, f)))) {
    sets.push({ key: 'bitext-dev', title: 'bitext-dev (retail customer service, 27 intents)', items: reviewTexts('bitext-dev', readBitextSet(bitext, policy)), note: 'train + validation files; intents by bitext-intent-map.yaml' });
  } else skipped.push(bitext);
  const clinc = join(root, 'clinc150-dev');
  if (existsSync(join(clinc, 'clinc150_dev.jsonl'))) {
    sets.push({ key: 'clinc150-dev', title: 'clinc150-dev (10 domains, 150 intents + out-of-scope)', items: reviewTexts('clinc150-dev', readClinc(clinc)), note: 'virtual-assistant queries from banking, travel, home, work ... and 100 out-of-scope ones' });
  } else skipped.push(clinc);
  const dogo = join(root, 'multidogo-dev');
  if (existsSync(join(dogo, 'multidogo_dev.jsonl'))) {
    sets.push({ key: 'multidogo-dev', title: 'multidogo-dev (airline, fast food, finance, insurance, media, software)', items: reviewTexts('multidogo-dev', readMultidogo(dogo)), note: 'turns of customer-service chats in six industries' });
  } else skipped.push(dogo);
  return { sets, skipped };
}
