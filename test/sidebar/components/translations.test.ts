// @vitest-environment jsdom
/** `t()` fails loudly on a missing key, and every language has every string the app uses. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CATALOG, translatorFor } from '../../../sidebar-app/src/app/i18n/catalog';
import { createTranslator, localeCandidates, type Strings } from '../../../sidebar-app/src/app/i18n/translator';
import { RETURN_BLOCK_CODES, SIDEBAR_ERROR_CODES } from '../../../connector/src/sidebar-api/types.js';

const SRC = path.resolve(import.meta.dirname, '../../../sidebar-app/src/app');

function keysOf(s: Strings, prefix = ''): string[] {
  return Object.entries(s).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe('t()', () => {
  const tr = createTranslator('en', { a: { b: 'Hello {{name}}', plain: 'Hi' } });

  it('fills placeholders', () => {
    expect(tr.t('a.b', { name: 'Ada' })).toBe('Hello Ada');
    expect(tr.t('a.plain')).toBe('Hi');
  });

  it('throws on a missing key, a key that names a group, and a missing placeholder value', () => {
    expect(() => tr.t('a.missing')).toThrow('Missing translation: a.missing (en)');
    expect(() => tr.t('a')).toThrow(/Missing translation: a/);
    expect(() => tr.t('a.b')).toThrow('Missing value for {{name}} in a.b');
  });

  it('answers has() without throwing, for open-ended keys', () => {
    expect(tr.has('a.plain')).toBe(true);
    expect(tr.has('reason.some_tenant_rule')).toBe(false);
  });

  it('falls back from a regional locale to the language, then English', () => {
    expect(localeCandidates('pt-BR')).toEqual(['pt-br', 'pt', 'en']);
    expect(translatorFor('pt-BR').locale).toBe('pt-br');
    expect(translatorFor('fr-CA').locale).toBe('fr');
    expect(translatorFor('ko').locale).toBe('en');
    expect(translatorFor('ja').t('return.button')).toBe('自動対応に戻す');
  });
});

describe('translation files', () => {
  const english = keysOf(CATALOG.en!).sort();

  it.each(Object.keys(CATALOG).filter((l) => l !== 'en'))('%s has exactly the English keys, with the same placeholders', (locale) => {
    const strings = CATALOG[locale]!;
    expect(keysOf(strings).sort()).toEqual(english);
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of english) {
      expect(lookup(strings, key).trim(), `${locale}: ${key} is empty`).not.toBe('');
      expect(placeholders(lookup(strings, key)), `${locale}: ${key}`).toEqual(placeholders(lookup(CATALOG.en!, key)));
    }
  });

  it('has every literal key the source code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z_]+(?:\.[a-z_]+)+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !english.includes(k));
    expect(missing).toEqual([]);
  });

  it("has words for every reason the connector gives, and for the shipped policy's triggers and time rules", () => {
    const connectorSrc = path.resolve(import.meta.dirname, '../../../connector/src');
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const codes = new Set<string>();
    // Reasons are written { code: 'snake_case', text: ... } (zod's issue code 'custom' is not one).
    for (const file of files(connectorSrc)) for (const m of fs.readFileSync(file, 'utf8').matchAll(/\{ code: '([a-z_]+)', text:/g)) codes.add(m[1]!);
    // The policy file as text: this suite runs in jsdom, where the connector's loader cannot locate it.
    const policy = parseYaml(fs.readFileSync(path.resolve(connectorSrc, '../policy/baton.policy.yaml'), 'utf8')) as { triggers: Record<string, unknown>; time_rules: { name: string }[] };
    for (const name of Object.keys(policy.triggers)) codes.add(`trigger_${name}`);
    for (const rule of policy.time_rules) codes.add(`time_${rule.name}`);
    expect(codes.size).toBeGreaterThan(30);
    // 'unrecorded' stands in for reasons a stored attempt lost; it is never shown on a ticket.
    expect([...codes].filter((c) => c !== 'unrecorded' && !english.includes(`reason.${c}`))).toEqual([]);
  });
});

describe('codes from the connector, in every locale', () => {
  const connectorSrc = path.resolve(import.meta.dirname, '../../../connector/src');
  const policy = parseYaml(fs.readFileSync(path.resolve(connectorSrc, '../policy/baton.policy.yaml'), 'utf8')) as { intents: Record<string, unknown>; groups: Record<string, string> };
  // Job kinds are constants wherever they are defined ("export const NOTIFY_JOB = 'notify'").
  const tsFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const jobKinds = tsFiles(connectorSrc).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/export const \w+_(?:JOB|TIMER) = '([\w-]+)'/g)].map((m) => m[1]!));
  const codes = [
    ...RETURN_BLOCK_CODES.map((c) => `return_block.${c}`),
    ...SIDEBAR_ERROR_CODES.map((c) => `error.code.${c}`),
    ...Object.keys(policy.intents).map((i) => `intent.${i}`),
    ...Object.keys(policy.groups).map((g) => `team.${g}`),
    ...jobKinds.map((k) => `job_kind.${k}`),
  ];

  it('finds the codes it checks', () => {
    expect(RETURN_BLOCK_CODES.length).toBeGreaterThanOrEqual(4);
    expect(SIDEBAR_ERROR_CODES).toContain('NOT_HANDED_OFF');
    expect(Object.keys(policy.intents)).toContain('billing_question');
    expect(Object.keys(policy.groups)).toContain('general_support');
    expect(jobKinds.sort()).toEqual(['notify', 'process-event', 'resolve-delivery', 'timer-pickup', 'timer-silence']);
  });

  // t() throws on a missing key: a code without words in one locale fails here.
  it.each(Object.keys(CATALOG))('%s has words for every return, error, intent, team and job code', (locale) => {
    const { t } = createTranslator(locale, CATALOG[locale]!);
    for (const key of codes) expect(t(key).trim(), `${locale}: ${key}`).not.toBe('');
  });
});

function lookup(s: Strings, key: string): string {
  let node: string | Strings | undefined = s;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : '';
}
