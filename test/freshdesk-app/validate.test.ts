/**
 * The local validator of the Freshdesk app: the shipped app passes, and each documented
 * rule catches the mistake it is about (checked on in-memory copies of the app's files).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshdeskAppFiles } from '../../freshdesk-app/scripts/validate/package.js';
import { validateFreshdeskApp } from '../../freshdesk-app/scripts/validate/rules.js';

const APP = path.resolve(import.meta.dirname, '../../freshdesk-app');
const FILES = ['manifest.json', 'config/iparams.json', 'config/requests.json', 'server/server.js', 'app/index.html'];

function appWith(change: (files: Record<string, any>) => void) {
  const files: Record<string, any> = {};
  for (const f of FILES) files[f] = f.endsWith('.json') ? JSON.parse(fs.readFileSync(path.join(APP, f), 'utf8')) : fs.readFileSync(path.join(APP, f), 'utf8');
  change(files);
  const read = (p: string) => {
    if (!(p in files)) throw new Error(`no ${p}`);
    return typeof files[p] === 'string' ? files[p] : JSON.stringify(files[p]);
  };
  const problems = validateFreshdeskApp(read, (p) => fs.existsSync(path.join(APP, p))).report.problems;
  return problems.map((p) => `${p.file}: ${p.message}`);
}

describe('Freshdesk app validator', () => {
  it('passes the shipped app', () => {
    expect(appWith(() => undefined)).toEqual([]);
  });

  it.each([
    ['platform 2.x', (f: any) => (f['manifest.json'].product = { freshdesk: {} }), /platform 2.x key/],
    ['platform version', (f: any) => (f['manifest.json']['platform-version'] = '2.3'), /platform-version must be "3.0"/],
    ['undeclared template', (f: any) => delete f['manifest.json'].modules.common.requests.batonPost, /batonPost is not declared/],
    ['missing server function', (f: any) => (f['server/server.js'] = 'exports = {};'), /does not export the declared function connectorCall/],
    ['secure iparam outside headers', (f: any) => (f['config/requests.json'].batonGet.schema.host = '<%= iparam.shared_secret %>'), /secure iparams may only be used in headers/],
    ['host with a protocol', (f: any) => (f['config/requests.json'].batonGet.schema.host = 'https://baton.example.com'), /host name only/],
    ['unknown iparam', (f: any) => (f['config/requests.json'].batonGet.schema.path = '/<%= iparam.nope %>'), /does not declare/],
    ['retry delay too long', (f: any) => (f['config/requests.json'].batonGet.options.retryDelay = 5000), /at most 1500/],
    ['no appclient', (f: any) => (f['app/index.html'] = '<html></html>'), /appclient/],
    ['missing icon', (f: any) => (f['manifest.json'].modules.support_ticket.location.ticket_sidebar.icon = 'styles/images/none.svg'), /does not exist/],
    ['old FDK', (f: any) => (f['manifest.json'].engines.fdk = '9.7.4'), /FDK 10/],
    ['iparam without a type', (f: any) => delete f['config/iparams.json'].connector_url.type, /connector_url has type/],
  ])('catches %s', (_name, change, message) => {
    expect(appWith(change).join('\n')).toMatch(message);
  });

  it('packs manifest, app, config and server only', () => {
    const files = freshdeskAppFiles(APP);
    expect(files).toContain('manifest.json');
    expect(files).toContain('server/server.js');
    expect(files.every((f) => /^(manifest\.json|app\/|config\/|server\/)/.test(f))).toBe(true);
  });
});
