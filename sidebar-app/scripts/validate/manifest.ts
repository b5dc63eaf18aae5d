/**
 * manifest.json against the rules Zendesk's validator applies (see the manifest reference):
 * known keys and their types, framework 2.0, locations with existing local URLs (and the
 * SVG icon nav_bar/top_bar need), parameters with valid names, types and secure rules.
 */
import { isObject, type Report } from './report.js';

const KNOWN_KEYS = new Set([
  'name', 'author', 'defaultLocale', 'private', 'location', 'version', 'frameworkVersion', 'parameters', 'domainWhitelist',
  'requirementsOnly', 'singleInstall', 'signedUrls', 'termsConditionsURL', 'experiments', 'marketingOnly', 'oauth', 'gaID',
]);
const SUPPORT_LOCATIONS = new Set(['ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar', 'top_bar', 'nav_bar', 'background', 'modal', 'ticket_editor']);
const NEEDS_ICON = new Set(['nav_bar', 'top_bar']);
export const PARAMETER_TYPES = new Set(['text', 'password', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth']);
/** Where Zendesk's proxy may insert a secure setting. */
export const SECURE_SCOPES = new Set(['header', 'body', 'url', 'jwt_secret_key']);

export interface ManifestFacts {
  defaultLocale: string;
  version: string;
  parameters: string[];
}

export function checkManifest(m: unknown, report: Report, exists: (p: string) => boolean): ManifestFacts | null {
  const F = 'manifest.json';
  if (!isObject(m)) {
    report.add(F, 'must be a JSON object');
    return null;
  }
  for (const key of Object.keys(m)) if (!KNOWN_KEYS.has(key)) report.add(F, `unknown key "${key}"`);
  if (typeof m.name !== 'string' || !m.name.trim()) report.add(F, 'name must be a non-empty string');
  const author = m.author;
  if (!isObject(author) || typeof author.name !== 'string' || typeof author.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(author.email)) {
    report.add(F, 'author must have a name and a valid email');
  } else if (author.url !== undefined && (typeof author.url !== 'string' || !/^https?:\/\//.test(author.url))) report.add(F, 'author.url must be an http(s) URL');
  if (m.frameworkVersion !== '2.0') report.add(F, 'frameworkVersion must be the string "2.0"');
  if (typeof m.defaultLocale !== 'string' || !/^[a-z]{2}(-[a-z]{2})?$/.test(m.defaultLocale)) report.add(F, 'defaultLocale must be a locale such as "en"');
  if (typeof m.version !== 'string' || !/^\d+\.\d+(\.\d+)?$/.test(m.version)) report.add(F, 'version must be a string like "1.0" or "1.0.0"');
  for (const flag of ['private', 'singleInstall', 'signedUrls', 'requirementsOnly', 'marketingOnly'] as const) {
    if (m[flag] !== undefined && typeof m[flag] !== 'boolean') report.add(F, `${flag} must be a boolean`);
  }
  if (m.domainWhitelist !== undefined && (!Array.isArray(m.domainWhitelist) || m.domainWhitelist.some((d) => typeof d !== 'string'))) report.add(F, 'domainWhitelist must be an array of domains');

  if (!isObject(m.location) || !isObject(m.location.support)) report.add(F, 'location.support must name at least one location');
  else {
    const locations = Object.entries(m.location.support);
    if (locations.length === 0) report.add(F, 'location.support must name at least one location');
    for (const [name, def] of locations) {
      if (!SUPPORT_LOCATIONS.has(name)) report.add(F, `location.support.${name} is not a Support location`);
      const url = typeof def === 'string' ? def : isObject(def) ? def.url : undefined;
      if (typeof url !== 'string') report.add(F, `location.support.${name}.url must be a string`);
      // A URL built from a setting ("{{setting.connector_url}}/...") is remote, as Zendesk's validator treats it.
      else if (!/^https?:\/\//.test(url) && !url.startsWith('{{setting.') && !exists(url)) report.add(F, `location.support.${name}.url: ${url} does not exist (build the app: npm run build -w sidebar-app)`);
      if (isObject(def) && def.signed !== undefined && typeof def.signed !== 'boolean') report.add(F, `location.support.${name}.signed must be a boolean`);
      if (isObject(def) && def.signed === true && typeof url === 'string' && !/^(https:\/\/|\{\{setting\.)/.test(url)) report.add(F, `location.support.${name}: a signed location must be a remote https URL (Zendesk POSTs its signed token there)`);
      if (NEEDS_ICON.has(name) && !exists(`assets/icon_${name}.svg`)) report.add(F, `location ${name} needs assets/icon_${name}.svg`);
    }
  }

  const names: string[] = [];
  if (m.parameters !== undefined && !Array.isArray(m.parameters)) report.add(F, 'parameters must be an array');
  for (const [i, p] of (Array.isArray(m.parameters) ? m.parameters : []).entries()) {
    const at = `parameters[${i}]`;
    if (!isObject(p) || typeof p.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) {
      report.add(F, `${at}.name must be letters, digits and underscores`);
      continue;
    }
    if (names.includes(p.name)) report.add(F, `${at}: parameter "${p.name}" is declared twice`);
    names.push(p.name);
    if (typeof p.type !== 'string' || !PARAMETER_TYPES.has(p.type)) report.add(F, `${at} (${p.name}): type must be one of ${[...PARAMETER_TYPES].join(', ')}`);
    for (const flag of ['required', 'secure'] as const) if (p[flag] !== undefined && typeof p[flag] !== 'boolean') report.add(F, `${at} (${p.name}): ${flag} must be a boolean`);
    if (p.secure === true) {
      if (p.default !== undefined) report.add(F, `${at} (${p.name}): a secure parameter cannot have a default value`);
      if (p.type === 'checkbox' || p.type === 'number' || p.type === 'hidden') report.add(F, `${at} (${p.name}): a secure parameter must be text, password, url or multiline`);
    }
    if (p.scopes !== undefined) {
      if (p.secure !== true) report.add(F, `${at} (${p.name}): scopes apply to secure parameters only`);
      if (!Array.isArray(p.scopes) || p.scopes.length === 0 || p.scopes.some((s) => typeof s !== 'string' || !SECURE_SCOPES.has(s))) {
        report.add(F, `${at} (${p.name}): scopes must be a non-empty list of ${[...SECURE_SCOPES].join(', ')}`);
      }
    }
  }
  return {
    defaultLocale: typeof m.defaultLocale === 'string' ? m.defaultLocale : 'en',
    version: typeof m.version === 'string' ? m.version : '0.0.0',
    parameters: names,
  };
}
