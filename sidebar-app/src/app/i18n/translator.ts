/**
 * Translations as in Zendesk's React scaffold: nested JSON per locale, `t(key, vars)`
 * with {{var}} placeholders. A missing key throws, so a typo fails a test instead of
 * showing an agent a raw key. Locale fallbacks: pt-BR → pt-br → pt → en.
 */
export type Strings = { [key: string]: string | Strings };

export interface Translator {
  locale: string;
  t(key: string, vars?: Record<string, string | number>): string;
  /** For open-ended keys (e.g. reason codes a tenant's policy adds): does a string exist? */
  has(key: string): boolean;
}

function lookup(strings: Strings, key: string): string | undefined {
  let node: string | Strings | undefined = strings;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function createTranslator(locale: string, strings: Strings): Translator {
  return {
    locale,
    t(key, vars = {}) {
      if (typeof key !== 'string') throw new Error(`Translation key must be a string, got ${typeof key}`);
      const template = lookup(strings, key);
      if (template === undefined) throw new Error(`Missing translation: ${key} (${locale})`);
      return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
        if (!(name in vars)) throw new Error(`Missing value for {{${name}}} in ${key}`);
        return String(vars[name]);
      });
    },
    has: (key) => lookup(strings, key) !== undefined,
  };
}

/** Candidate translation files for a Zendesk locale, most specific first. */
export function localeCandidates(locale: string | undefined): string[] {
  const l = (locale ?? 'en').toLowerCase();
  const base = l.split('-')[0]!;
  return [...new Set([l, base, 'en'])];
}
