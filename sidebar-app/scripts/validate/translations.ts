/**
 * translations/*.json: every file is JSON with an `app` object; the default locale has the
 * marketplace strings and a label for every parameter; other locales add no unknown keys.
 */
import { isObject, readJson, type Report } from './report.js';

const REQUIRED = ['name', 'short_description', 'long_description', 'installation_instructions'] as const;
export const SHORT_DESCRIPTION_MAX = 80;

export function checkTranslations(files: string[], read: (p: string) => string, report: Report, facts: { defaultLocale: string; parameters: string[] }): void {
  const byLocale = new Map<string, Record<string, unknown>>();
  for (const file of files) {
    const json = readJson('', file, report, read);
    if (json === undefined) continue;
    if (!isObject(json) || !isObject(json.app)) {
      report.add(file, 'must be an object with an "app" object');
      continue;
    }
    byLocale.set(file.replace(/^translations\//, '').replace(/\.json$/, ''), json.app);
  }
  const def = byLocale.get(facts.defaultLocale);
  const defFile = `translations/${facts.defaultLocale}.json`;
  if (!def) {
    report.add(defFile, `is missing: the default locale "${facts.defaultLocale}" needs its translation file`);
    return;
  }
  for (const key of REQUIRED) if (typeof def[key] !== 'string' || !(def[key] as string).trim()) report.add(defFile, `app.${key} is required`);
  for (const [locale, app] of byLocale) {
    const file = `translations/${locale}.json`;
    if (typeof app.short_description === 'string' && [...app.short_description].length > SHORT_DESCRIPTION_MAX) report.add(file, `app.short_description is longer than ${SHORT_DESCRIPTION_MAX} characters`);
    const params = isObject(app.parameters) ? app.parameters : {};
    for (const name of facts.parameters) {
      const p = params[name];
      if (locale === facts.defaultLocale && (!isObject(p) || typeof p.label !== 'string' || !p.label.trim())) report.add(file, `app.parameters.${name}.label is required`);
      if (isObject(p) && p.helpText !== undefined && typeof p.helpText !== 'string') report.add(file, `app.parameters.${name}.helpText must be a string`);
    }
    for (const name of Object.keys(params)) if (!facts.parameters.includes(name)) report.add(file, `app.parameters.${name} names no parameter of manifest.json`);
    if (locale !== facts.defaultLocale) for (const key of Object.keys(app)) if (!(key in def)) report.add(file, `app.${key} is not in ${defFile}`);
  }
}
