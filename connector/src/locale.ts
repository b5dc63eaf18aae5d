/**
 * Customer locales as helpdesks hand them over. A locale tag ("de", "en-US", "pt_BR") is kept
 * (lower-cased, with a hyphen); a language name is mapped to its tag: Zendesk's
 * `{{ticket.requester.language}}` placeholder renders the language's name ("English",
 * "German", "Portuguese (Brazil)"), and "German" is `de`, never its first two letters.
 */

const LOCALE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

/** ISO 639-1 codes whose English names a helpdesk may render (every two-letter code Intl knows). */
const CODES = 'af am ar az be bg bn bs ca cs cy da de el en es et eu fa fi fil fr ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ky lo lt lv mk ml mn mr ms mt my nb ne nl no pa pl ps pt ro ru si sk sl sq sr sv sw ta te th tl tr uk ur uz vi zh zu'.split(' ');

let byName: Map<string, string> | undefined;
function namesToTags(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  for (const code of CODES) {
    const name = names.of(code);
    if (name && name !== code) byName.set(name.toLowerCase(), code);
  }
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  // "Portuguese (Brazil)", "English (United Kingdom)", "Chinese (Taiwan)": language plus region.
  for (const [lang, region] of [['pt', 'BR'], ['pt', 'PT'], ['en', 'GB'], ['en', 'US'], ['en', 'CA'], ['en', 'AU'], ['es', 'ES'], ['es', 'MX'], ['fr', 'CA'], ['fr', 'FR'], ['zh', 'CN'], ['zh', 'TW'], ['de', 'CH'], ['de', 'AT']] as const) {
    byName.set(`${names.of(lang)!.toLowerCase()} (${regions.of(region)!.toLowerCase()})`, `${lang}-${region.toLowerCase()}`);
  }
  byName.set('norwegian', 'no');
  return byName;
}

/** `en-us`, `de`, `pt-br`; undefined when the value is neither a tag nor a known language name. */
export function localeTag(value: string | undefined | null): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const byLanguageName = namesToTags().get(v.toLowerCase());
  if (byLanguageName) return byLanguageName;
  if (LOCALE_TAG.test(v)) return v.toLowerCase().replace(/_/g, '-');
  // "German (Germany)" and other regional names: the language before the parenthesis.
  const lang = /^([^(]+)\(/.exec(v)?.[1]?.trim().toLowerCase();
  return lang ? namesToTags().get(lang) : undefined;
}

/** True when the value is already a locale tag, not a language name that needed mapping. */
export function isLocaleTag(value: string | undefined | null): boolean {
  const v = value?.trim();
  return !!v && LOCALE_TAG.test(v) && !namesToTags().has(v.toLowerCase());
}
