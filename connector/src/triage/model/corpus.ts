/**
 * The project's own labelled examples: connector/corpus/<intent>.jsonl (English) and
 * connector/corpus/<language>/<intent>.jsonl (the other languages Baton reads, written by the
 * project in that language, not translated by a machine), one {"text": ...} per line. The
 * built-in model trains on these and nothing else.
 *
 * Held-back split: an example goes to the test part when a hash of its text says so, so the
 * split is the same on every machine and an example keeps its side as the corpus grows
 * (no reshuffle moves test texts into training).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../../corpus', import.meta.url));

export interface LabelledText {
  text: string;
  intent: string;
  /** ISO 639-1 code of a language folder; absent for the English files at the top. */
  language?: string;
}

export interface CorpusProblem {
  file: string;
  line: number;
  problem: string;
}

export interface Corpus {
  examples: LabelledText[];
  problems: CorpusProblem[];
}

/** Language folders: two-letter ISO 639-1 codes. */
const LANGUAGE_DIR = /^[a-z]{2}$/;

export function readCorpus(dir: string = DEFAULT_CORPUS_DIR): Corpus {
  const examples: LabelledText[] = [];
  const problems: CorpusProblem[] = [];
  const entries = readdirSync(dir, { withFileTypes: true });
  const jsonl = (names: string[]) => names.filter((f) => f.endsWith('.jsonl')).sort();
  readFiles(dir, '', jsonl(entries.filter((e) => e.isFile()).map((e) => e.name)), undefined, examples, problems);
  const languages = entries.filter((e) => e.isDirectory() && LANGUAGE_DIR.test(e.name)).map((e) => e.name).sort();
  for (const language of languages) {
    readFiles(join(dir, language), `${language}/`, jsonl(readdirSync(join(dir, language))), language, examples, problems);
  }
  return { examples, problems };
}

function readFiles(dir: string, prefix: string, files: string[], language: string | undefined, examples: LabelledText[], problems: CorpusProblem[]): void {
  for (const file of files) {
    // other.out-of-scope.jsonl adds to "other": one intent may be written in several files.
    const intent = file.replace(/\.jsonl$/, '').split('.')[0]!;
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const row = JSON.parse(line) as { text?: unknown };
        if (typeof row.text !== 'string' || row.text.trim() === '') throw new Error('expected {"text": "..."}');
        examples.push(language ? { text: row.text, intent, language } : { text: row.text, intent });
      } catch (err) {
        // A file being written right now may end in a half line; skip it, say so.
        problems.push({ file: `${prefix}${file}`, line: i + 1, problem: (err as Error).message });
      }
    });
  }
}

/** 0..9999 from the text, stable across machines and corpus growth. */
export function textBucket(text: string, salt = ''): number {
  const digest = createHash('sha256').update(salt).update(text.trim().toLowerCase()).digest();
  return digest.readUInt32BE(0) % 10_000;
}

/** True for the held-back test share (default 15%). */
export function isHeldBack(text: string, testShare = 0.15): boolean {
  return textBucket(text, 'baton-test-split') < testShare * 10_000;
}

/** Fold 0..k-1 for cross-fitting the calibration. */
export function foldOf(text: string, folds: number): number {
  return textBucket(text, 'baton-fold') % folds;
}

/** Fingerprint of the training data, recorded in the artifact to tell when it is stale. */
export function corpusDigest(examples: LabelledText[]): string {
  const h = createHash('sha256');
  const keys = examples.map((e) => `${e.intent}\0${e.text}`).sort(); // code-unit order: same everywhere
  for (const k of keys) h.update(k).update('\n');
  return h.digest('hex');
}
