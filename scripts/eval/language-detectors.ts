/**
 * Which language detector reads short, misspelt support messages best?
 *
 *   npx tsx scripts/eval/language-detectors.ts
 *
 * Reads the labelled benchmark scripts/eval/eval-only/language-id-short.jsonl (messages the
 * project wrote itself: typos, order numbers, mixed case, in en, es, fr, de, pt, it, nl, ja and
 * a few languages Baton does not read) and scores every detector it can load, plus Baton's own
 * reading (`detectLanguage`, which puts English words and the supported languages first).
 * Writes scripts/eval/results/language-detectors.md (kept in the repository: the reason for the choice).
 *
 * The candidates other than the one Baton ships are not dependencies; install them to compare:
 *   npm install --no-save eld franc-min franc-all cld3-asm @bluzzi/lingua languagedetect lande
 * A candidate that is not installed is listed as such, never silently dropped.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectLanguage } from '../../connector/src/triage/signals/language.js';
import { tokenize } from '../../connector/src/triage/text/tokens.js';
import { shippedIntentModel } from '../../connector/src/triage/model/intent-model.js';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const benchPath = fileURLToPath(new URL('./eval-only/language-id-short.jsonl', import.meta.url));
const require = createRequire(import.meta.url);
/** Candidates are optional: a specifier held in a variable keeps the type check from requiring them. */
const importOptional = (specifier: string): Promise<unknown> => import(specifier);

interface Row {
  lang: string;
  text: string;
}
type Detect = (text: string) => string;
interface Candidate {
  name: string;
  detect: Detect | null;
  note: string;
}

/** ISO 639-3 and English names to ISO 639-1, for the languages in the benchmark and their usual confusions. */
const ISO3: Record<string, string> = {
  eng: 'en', spa: 'es', fra: 'fr', deu: 'de', por: 'pt', ita: 'it', nld: 'nl', jpn: 'ja', tur: 'tr', pol: 'pl',
  swe: 'sv', rus: 'ru', cmn: 'zh', zho: 'zh', arb: 'ar', ara: 'ar', dan: 'da', ind: 'id', ces: 'cs', afr: 'af',
  nob: 'no', nno: 'nn', cat: 'ca', glg: 'gl', ron: 'ro', hun: 'hu', fin: 'fi', slk: 'sk', tgl: 'tl', msa: 'ms',
  zlm: 'ms', sco: 'sco', est: 'et', lit: 'lt', lav: 'lv', slv: 'sl', hrv: 'hr', bos: 'bs', srp: 'sr', ukr: 'uk',
};
const NAMES: Record<string, string> = {
  English: 'en', Spanish: 'es', French: 'fr', German: 'de', Portuguese: 'pt', Italian: 'it', Dutch: 'nl', Japanese: 'ja',
  Turkish: 'tr', Polish: 'pl', Swedish: 'sv', Russian: 'ru', Chinese: 'zh', Arabic: 'ar', Danish: 'da', Indonesian: 'id',
  Czech: 'cs', Afrikaans: 'af', Bokmal: 'no', Nynorsk: 'nn', Catalan: 'ca', Romanian: 'ro', Latin: 'la', Tagalog: 'tl',
  Malay: 'ms', Finnish: 'fi', Estonian: 'et', Slovak: 'sk', Hungarian: 'hu', Yoruba: 'yo', Somali: 'so', Swahili: 'sw',
};
const iso1 = (code: string | undefined): string => (!code ? 'und' : code.length === 2 ? code : (ISO3[code] ?? NAMES[code] ?? code));

const SUPPORTED = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl'];

async function candidates(): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const tryLoad = async (name: string, note: string, load: () => Promise<Detect>) => {
    try {
      out.push({ name, detect: await load(), note });
    } catch (err) {
      out.push({ name, detect: null, note: `not installed (${(err as Error).message.split('\n')[0]!.slice(0, 60)})` });
    }
  };
  await tryLoad('tinyld (light)', 'pure JS, ~60 KB data', async () => {
    const m = (await importOptional('tinyld/light')) as { detect(t: string): string };
    return (t) => iso1(m.detect(t));
  });
  await tryLoad('tinyld (full)', 'pure JS', async () => {
    const m = (await importOptional('tinyld')) as { detect(t: string): string };
    return (t) => iso1(m.detect(t));
  });
  for (const size of ['extrasmall', 'small', 'medium', 'large'] as const) {
    await tryLoad(`eld (${size})`, 'pure JS n-grams', async () => {
      const m = (await importOptional(`eld/${size}`)) as { eld: { detect(t: string): { language: string } } };
      return (t) => iso1(m.eld.detect(t).language);
    });
  }
  await tryLoad('franc-min', '82 languages', async () => {
    const m = (await importOptional('franc-min')) as { franc(t: string, o?: object): string };
    return (t) => iso1(m.franc(t, { minLength: 1 }));
  });
  await tryLoad('franc-all', '419 languages', async () => {
    const m = (await importOptional('franc-all')) as { franc(t: string, o?: object): string };
    return (t) => iso1(m.franc(t, { minLength: 1 }));
  });
  await tryLoad('cld3-asm', 'Google CLD3, WebAssembly', async () => {
    const m = require('cld3-asm') as { loadModule(): Promise<{ create(min: number, max: number): { findLanguage(t: string): { language: string } } }> };
    const id = (await m.loadModule()).create(0, 1000);
    return (t) => iso1(id.findLanguage(t).language.split('-')[0]);
  });
  await tryLoad('lingua (@bluzzi/lingua)', 'Lingua-rs in WebAssembly, 71 MB', async () => {
    const m = require('@bluzzi/lingua') as { LanguageDetectorBuilder: { fromAllLanguages(): { build(): { detectLanguageOf(t: string): string | undefined } } } };
    const d = m.LanguageDetectorBuilder.fromAllLanguages().build();
    return (t) => iso1(d.detectLanguageOf(t));
  });
  await tryLoad('languagedetect', 'n-grams, 52 languages', async () => {
    const LD = require('languagedetect') as new () => { setLanguageType(t: string): void; detect(t: string, n: number): [string, number][] };
    const l = new LD();
    l.setLanguageType('iso2');
    return (t) => iso1(l.detect(t, 1)[0]?.[0]);
  });
  await tryLoad('lande', 'small neural network', async () => {
    const m = (await importOptional('lande')) as { default(t: string): [string, number][] };
    return (t) => iso1(m.default(t)[0]?.[0]);
  });
  const policy = loadPolicy();
  const model = shippedIntentModel();
  out.push({
    name: 'Baton detectLanguage',
    note: 'eld, English words when it is unsure, fallback when not sure of a foreign language',
    detect: (t) => detectLanguage(t, tokenize(t), { minLetters: policy.language.min_letters, isKnownWord: (w) => model.knowsWord(w), supported: SUPPORTED }).language,
  });
  return out;
}

interface Score {
  name: string;
  note: string;
  byLang: Map<string, { right: number; total: number }>;
  overall: number;
  english: number;
  supported: number;
  japanese: number;
  unsupported: number;
  /** Supported-language messages the detector would have handed off as unsupported. */
  wrongUnsupported: number;
  msPerText: number;
  misses: string[];
}

function score(c: Candidate, rows: Row[]): Score | null {
  if (!c.detect) return null;
  const byLang = new Map<string, { right: number; total: number }>();
  const misses: string[] = [];
  let wrongUnsupported = 0;
  const started = performance.now();
  const got = rows.map((r) => c.detect!(r.text));
  const msPerText = (performance.now() - started) / rows.length;
  rows.forEach((r, i) => {
    const g = got[i]!;
    const b = byLang.get(r.lang) ?? { right: 0, total: 0 };
    b.total++;
    if (g === r.lang) b.right++;
    else misses.push(`${r.lang}→${g}: ${r.text}`);
    if (SUPPORTED.includes(r.lang) && !SUPPORTED.includes(g)) wrongUnsupported++;
    byLang.set(r.lang, b);
  });
  const share = (pred: (lang: string) => boolean) => {
    let right = 0;
    let total = 0;
    for (const [lang, b] of byLang) if (pred(lang)) ((right += b.right), (total += b.total));
    return total ? right / total : NaN;
  };
  return {
    name: c.name,
    note: c.note,
    byLang,
    overall: share(() => true),
    english: share((l) => l === 'en'),
    supported: share((l) => SUPPORTED.includes(l) && l !== 'en'),
    japanese: share((l) => l === 'ja'),
    unsupported: share((l) => !SUPPORTED.includes(l) && l !== 'ja'),
    wrongUnsupported,
    msPerText,
    misses,
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(1)}%`);

async function main(): Promise<void> {
  const rows = readFileSync(benchPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.lang, (counts.get(r.lang) ?? 0) + 1);
  const cands = await candidates();
  const scores = cands.map((c) => score(c, rows));
  const lines: string[] = [
    '# Language detectors on short support messages',
    '',
    `Benchmark: \`scripts/eval/eval-only/language-id-short.jsonl\`, ${rows.length} short messages the project wrote ` +
      `(${[...counts].map(([l, n]) => `${l} ${n}`).join(', ')}): typos, order numbers, missing accents and apostrophes, mixed case.`,
    '"Supported" is es, fr, de, pt, it, nl; "other" is the languages Baton does not read. "Supported called foreign" counts',
    'messages in a supported language (English included) that the detector put outside the supported set: each one would',
    'have been handed off as "unsupported language". ms/text includes each detector\'s loading on its first call.',
    'For Baton\'s reading, "other" right means named (and so handed off as unsupported); an "other" message it is not sure of',
    'falls back to English and is triaged, where the intent model and its gates judge it.',
    '',
    '| detector | all | English | es/fr/de/pt/it/nl | ja | other | supported called foreign | ms/text | note |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  cands.forEach((c, i) => {
    const s = scores[i];
    if (!s) lines.push(`| ${c.name} | – | – | – | – | – | – | – | ${c.note} |`);
    else
      lines.push(
        `| ${s.name} | ${pct(s.overall)} | ${pct(s.english)} | ${pct(s.supported)} | ${pct(s.japanese)} | ${pct(s.unsupported)} | ${s.wrongUnsupported} | ${s.msPerText.toFixed(3)} | ${s.note} |`,
      );
  });
  for (const s of scores) {
    if (!s || !['Baton detectLanguage', 'eld (large)', 'eld (medium)', 'tinyld (light)', 'lingua (@bluzzi/lingua)'].includes(s.name)) continue;
    lines.push('', `## Misses of ${s.name} (${s.misses.length})`, '', ...s.misses.map((m) => `- ${m}`));
  }
  const out = join(repoRoot, 'scripts', 'eval', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'language-detectors.md'), `${lines.join('\n')}\n`);
  console.log(lines.slice(0, 10 + cands.length).join('\n'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
