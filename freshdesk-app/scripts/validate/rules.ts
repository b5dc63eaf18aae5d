/**
 * The documented rules of a Freshworks platform 3.0 app that `fdk validate` enforces and
 * that Baton's Freshdesk app must meet, checked locally because Freshworks' CLI is not on
 * the npm registry (../shared/freshdesk/FACTS.md §8, sources [FW-DEV], [FW-DOCS]):
 * - manifest.json: platform-version "3.0", no platform 2.x keys, known locations whose url
 *   and icon exist under app/, every request template and server function declared under
 *   modules.common, engines for node and fdk;
 * - config/iparams.json: display_name and a known type for each parameter;
 * - config/requests.json: method, an FQDN host (no protocol, path or trailing slash),
 *   https, a path from "/", placeholders only from iparam/context, secure iparams only in
 *   headers, and options within the platform's limits;
 * - app/index.html loads `{{{appclient}}}`.
 * `read(path)` reads a file relative to the app folder (tests pass in-memory files).
 */
import { isObject, readJson, Report } from '../../../sidebar-app/scripts/validate/report.js';

const TICKET_LOCATIONS = ['ticket_sidebar', 'ticket_requester_info', 'ticket_top_navigation', 'ticket_background', 'time_entry_background', 'ticket_attachment', 'ticket_conversation_editor', 'new_ticket_requester_info', 'new_ticket_background'];
const COMMON_LOCATIONS = ['full_page_app', 'cti_global_sidebar'];
const IPARAM_TYPES = ['text', 'paragraph', 'dropdown', 'checkbox', 'number', 'phone_number', 'email', 'url', 'date', 'radio', 'multiselect', 'api_key', 'domain'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const TIMEOUTS = [15000, 20000, 25000, 30000];
const PLACEHOLDER = /<%=\s*(.*?)\s*%>/g;

export interface AppFacts {
  templates: string[];
  functions: string[];
}

export function validateFreshdeskApp(read: (p: string) => string, exists: (p: string) => boolean): { report: Report; facts: AppFacts } {
  const report = new Report();
  const facts: AppFacts = { templates: [], functions: [] };
  const manifest = readJson('', 'manifest.json', report, read);
  const iparams = readJson('', 'config/iparams.json', report, read);
  const requests = readJson('', 'config/requests.json', report, read);
  const secure = new Set<string>();
  const declaredIparams = new Set<string>();

  if (isObject(iparams)) {
    for (const [name, p] of Object.entries(iparams)) {
      declaredIparams.add(name);
      if (!isObject(p)) {
        report.add('config/iparams.json', `${name} must be an object`);
        continue;
      }
      if (typeof p.display_name !== 'string' || !p.display_name.trim()) report.add('config/iparams.json', `${name} needs a display_name`);
      if (!IPARAM_TYPES.includes(String(p.type))) report.add('config/iparams.json', `${name} has type "${String(p.type)}"; expected one of ${IPARAM_TYPES.join(', ')}`);
      for (const flag of ['required', 'secure'] as const) if (p[flag] !== undefined && typeof p[flag] !== 'boolean') report.add('config/iparams.json', `${name}.${flag} must be true or false`);
      if (p.secure === true) secure.add(name);
    }
  }

  if (isObject(requests)) {
    for (const [name, t] of Object.entries(requests)) {
      facts.templates.push(name);
      const where = `config/requests.json`;
      const schema = isObject(t) ? t.schema : undefined;
      if (!isObject(schema)) {
        report.add(where, `${name} needs a schema`);
        continue;
      }
      if (!METHODS.includes(String(schema.method))) report.add(where, `${name}.schema.method must be one of ${METHODS.join(', ')}`);
      const host = String(schema.host ?? '');
      if (!host) report.add(where, `${name}.schema.host is required`);
      if (/:\/\/|\/|\s/.test(host.replace(PLACEHOLDER, 'x'))) report.add(where, `${name}.schema.host must be a host name only: no protocol, path or trailing slash`);
      if (schema.protocol !== undefined && schema.protocol !== 'https') report.add(where, `${name}.schema.protocol must be https (http is only for local testing)`);
      if (schema.path !== undefined && !String(schema.path).startsWith('/') && !String(schema.path).startsWith('<%')) report.add(where, `${name}.schema.path must start with /`);
      if (schema.headers !== undefined && !isObject(schema.headers)) report.add(where, `${name}.schema.headers must be an object`);
      const parts: Array<[string, unknown]> = [
        ['host', schema.host],
        ['path', schema.path],
        ['query', schema.query],
        ['headers', schema.headers],
      ];
      for (const [part, value] of parts) {
        for (const m of JSON.stringify(value ?? '').matchAll(PLACEHOLDER)) {
          const expr = m[1]!;
          const ref = /^(?:encode\()?\s*(iparam|context)\.(\w+)\s*\)?$/.exec(expr);
          if (!ref) {
            report.add(where, `${name}.schema.${part} uses "${expr}": only iparam.x, context.x and encode(iparam.x) are substituted`);
            continue;
          }
          if (ref[1] === 'iparam' && !declaredIparams.has(ref[2]!)) report.add(where, `${name}.schema.${part} uses iparam.${ref[2]}, which config/iparams.json does not declare`);
          if (ref[1] === 'iparam' && secure.has(ref[2]!) && part !== 'headers') report.add(where, `${name}.schema.${part} uses the secure iparam ${ref[2]}: secure iparams may only be used in headers`);
        }
      }
      const options = isObject(t) ? t.options : undefined;
      if (options !== undefined) {
        if (!isObject(options)) report.add(where, `${name}.options must be an object`);
        else {
          if (options.maxAttempts !== undefined && !(Number.isInteger(options.maxAttempts) && (options.maxAttempts as number) >= 1 && (options.maxAttempts as number) <= 5)) report.add(where, `${name}.options.maxAttempts must be 1 to 5`);
          if (options.retryDelay !== undefined && !(typeof options.retryDelay === 'number' && options.retryDelay >= 0 && options.retryDelay <= 1500)) report.add(where, `${name}.options.retryDelay must be at most 1500 ms`);
          if (options.timeout !== undefined && !TIMEOUTS.includes(options.timeout as number)) report.add(where, `${name}.options.timeout must be one of ${TIMEOUTS.join(', ')} ms`);
        }
      }
    }
  }

  if (isObject(manifest)) {
    if (manifest['platform-version'] !== '3.0') report.add('manifest.json', 'platform-version must be "3.0"');
    for (const old of ['product', 'whitelisted-domains']) if (old in manifest) report.add('manifest.json', `"${old}" is a platform 2.x key; platform 3.0 rejects it`);
    const modules = isObject(manifest.modules) ? manifest.modules : undefined;
    if (!modules) report.add('manifest.json', 'modules is required');
    const common = modules && isObject(modules.common) ? modules.common : {};
    const declaredRequests = isObject(common.requests) ? Object.keys(common.requests) : [];
    const declaredFunctions = isObject(common.functions) ? Object.keys(common.functions) : [];
    facts.functions = declaredFunctions;
    for (const t of facts.templates) if (!declaredRequests.includes(t)) report.add('manifest.json', `request template ${t} is not declared under modules.common.requests ("Requested function not found or registered")`);
    for (const t of declaredRequests) if (!facts.templates.includes(t)) report.add('manifest.json', `modules.common.requests declares ${t}, which config/requests.json does not define`);
    if (declaredFunctions.length > 0) {
      let server = '';
      try {
        server = read('server/server.js');
      } catch {
        report.add('server/server.js', 'is missing but modules.common.functions declares server functions');
      }
      for (const f of declaredFunctions) if (server && !new RegExp(`\\b${f}\\s*(:|\\()`).test(server)) report.add('server/server.js', `does not export the declared function ${f}`);
    }
    const ticket = modules && isObject(modules.support_ticket) ? modules.support_ticket : undefined;
    const locations = { ...(ticket && isObject(ticket.location) ? ticket.location : {}), ...(isObject(common.location) ? common.location : {}) };
    if (!isObject(locations.ticket_sidebar)) report.add('manifest.json', 'modules.support_ticket.location.ticket_sidebar is required for Baton');
    for (const [name, loc] of Object.entries(locations)) {
      if (![...TICKET_LOCATIONS, ...COMMON_LOCATIONS].includes(name)) report.add('manifest.json', `unknown location ${name}`);
      if (!isObject(loc)) continue;
      for (const key of ['url', 'icon'] as const) {
        const rel = loc[key];
        if (typeof rel !== 'string' || !rel) report.add('manifest.json', `location ${name} needs ${key}`);
        else if (!exists(`app/${rel}`)) report.add('manifest.json', `location ${name} ${key} app/${rel} does not exist`);
      }
      if (typeof loc.icon === 'string' && !loc.icon.endsWith('.svg')) report.add('manifest.json', `location ${name} icon must be an SVG`);
    }
    const engines = isObject(manifest.engines) ? manifest.engines : {};
    for (const e of ['node', 'fdk']) if (!/^\d+\.\d+\.\d+$/.test(String(engines[e] ?? ''))) report.add('manifest.json', `engines.${e} must be a version like 24.11.0`);
    if (Number(String(engines.fdk ?? '0').split('.')[0]) < 10) report.add('manifest.json', 'engines.fdk must be 10.x or later: Marketplace submissions need FDK 10 with Node 24');
  }

  let index = '';
  try {
    index = read('app/index.html');
  } catch {
    report.add('app/index.html', 'is missing');
  }
  if (index && !/<script[^>]+src="\{\{\{appclient\}\}\}"/.test(index)) report.add('app/index.html', 'must load the platform client: <script src="{{{appclient}}}"></script>');
  return { report, facts };
}
