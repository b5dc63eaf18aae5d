/**
 * Bitext development data, read in place from shared/ (never copied into the repo, never
 * trained on). Located at $BATON_SHARED_DIR/datasets/bitext-dev, or ../shared/datasets/bitext-dev
 * next to the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const BITEXT_FILES = [
  'Bitext_Sample_Customer_Service_Training_Dataset.csv',
  'Bitext_Sample_Customer_Service_Validation_Dataset.csv',
];

export function bitextDir(repoRoot: string): string {
  const shared = process.env.BATON_SHARED_DIR ?? resolve(repoRoot, '../shared');
  return join(shared, 'datasets', 'bitext-dev');
}

/** RFC 4180 CSV: quoted fields, "" escapes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface BitextRow {
  text: string;
  bitextIntent: string;
  file: string;
}

export function readBitext(dir: string): BitextRow[] {
  const out: BitextRow[] = [];
  for (const file of BITEXT_FILES) {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, file), 'utf8'));
    const u = header!.indexOf('utterance');
    const i = header!.indexOf('intent');
    if (u < 0 || i < 0) throw new Error(`${file}: expected columns utterance and intent`);
    for (const r of rows) out.push({ text: r[u] ?? '', bitextIntent: r[i] ?? '', file });
  }
  return out;
}

export function bitextAvailable(dir: string): boolean {
  return BITEXT_FILES.every((f) => existsSync(join(dir, f)));
}

/** bitext intent -> Baton intent (null: no equivalent, left out). */
export function readIntentMap(path: string): Record<string, string | null> {
  const raw = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const map: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v !== null && typeof v !== 'string') throw new Error(`${path}: ${k}: expected an intent name or null`);
    map[k] = v;
  }
  return map;
}
