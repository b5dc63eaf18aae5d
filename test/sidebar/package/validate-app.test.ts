/**
 * The package validator: the real app passes, and each rule catches the mistake it is
 * for (on a copy of the package with one thing broken). The zip has zcli's layout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFiles, validateApp, writeZip } from '../../../sidebar-app/scripts/validate/index.js';
import { pngSize } from '../../../sidebar-app/scripts/validate/png.js';
import { ensureAppBuilt } from '../../browser/helpers/build-app.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const copies: string[] = [];

function brokenCopy(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-app-'));
  copies.push(dir);
  for (const f of appFiles(ROOT)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  edit(dir);
  return dir;
}

const editJson = (dir: string, file: string, change: (j: any) => void) => {
  const p = path.join(dir, file);
  const j = JSON.parse(fs.readFileSync(p, 'utf8'));
  change(j);
  fs.writeFileSync(p, JSON.stringify(j));
};

const problemsOf = (dir: string) => validateApp(dir).report.problems.map((p) => `${p.file}: ${p.message}`);

beforeAll(() => ensureAppBuilt());
afterAll(() => copies.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('validate-app', () => {
  it('passes the real package', () => {
    expect(problemsOf(ROOT)).toEqual([]);
  });

  it('reads PNG sizes from the header', () => {
    expect(pngSize(fs.readFileSync(path.join(ROOT, 'assets/logo.png')))).toEqual({ width: 320, height: 320 });
    expect(pngSize(Buffer.from('not a png at all, not at all'))).toBeNull();
  });

  it('catches a logo of the wrong size', () => {
    const dir = brokenCopy((d) => fs.copyFileSync(path.join(ROOT, 'assets/logo-small.png'), path.join(d, 'assets/logo.png')));
    expect(problemsOf(dir)).toEqual(['assets/logo.png: is 128×128; it must be 320×320']);
  });

  it('catches manifest mistakes: unknown key, framework, missing location file, bad parameter, secure default', () => {
    const dir = brokenCopy((d) =>
      editJson(d, 'manifest.json', (m) => {
        m.frameworkVersion = 2;
        m.colour = 'blue';
        m.location.support.ticket_sidebar.url = 'assets/missing.html';
        m.parameters.push({ name: 'bad name', type: 'text' }, { name: 'token', type: 'colour' });
        m.parameters[1].default = 'abc';
        m.parameters[1].scopes = ['cookie'];
      }),
    );
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        'manifest.json: unknown key "colour"',
        'manifest.json: frameworkVersion must be the string "2.0"',
        'manifest.json: location.support.ticket_sidebar.url: assets/missing.html does not exist (build the app: npm run build -w sidebar-app)',
        'manifest.json: parameters[2].name must be letters, digits and underscores',
        'manifest.json: parameters[3] (token): type must be one of text, password, checkbox, url, number, multiline, hidden, oauth',
        'manifest.json: parameters[1] (shared_secret): a secure parameter cannot have a default value',
        'manifest.json: parameters[1] (shared_secret): scopes must be a non-empty list of header, body, url, jwt_secret_key',
      ]),
    );
  });

  it('catches a nav_bar without its icon', () => {
    const dir = brokenCopy((d) => fs.rmSync(path.join(d, 'assets/icon_nav_bar.svg')));
    expect(problemsOf(dir)).toEqual(['manifest.json: location nav_bar needs assets/icon_nav_bar.svg']);
  });

  it('catches missing marketplace strings and parameter labels', () => {
    const dir = brokenCopy((d) => {
      editJson(d, 'translations/en.json', (t) => {
        t.app.installation_instructions = '  ';
        delete t.app.parameters.shared_secret.label;
      });
      editJson(d, 'translations/fr.json', (t) => {
        t.app.short_description = 'x'.repeat(81);
        t.app.parameters.api_key = { label: 'Clé' };
        t.app.tagline = 'Le tri par IA';
      });
    });
    expect(problemsOf(dir).sort()).toEqual(
      [
        'translations/en.json: app.installation_instructions is required',
        'translations/en.json: app.parameters.shared_secret.label is required',
        'translations/fr.json: app.parameters.api_key names no parameter of manifest.json',
        'translations/fr.json: app.short_description is longer than 80 characters',
        'translations/fr.json: app.tagline is not in translations/en.json',
      ].sort(),
    );
  });

  it('catches requirements that name unknown settings or requirements, or break the webhook body', () => {
    const dir = brokenCopy((d) =>
      editJson(d, 'requirements.json', (r) => {
        r.webhooks.baton_intake.endpoint = '{{setting.connector_host}}/webhooks/zendesk';
        r.triggers.baton_ticket_created.actions[0].value[0] = '{{$requirement.baton_webhook.requirement_id}}';
        r.triggers.baton_comment_added.actions[0].value[1] = '{not json';
        r.widgets = {};
      }),
    );
    expect(problemsOf(dir).sort()).toEqual(
      [
        'requirements.json: "widgets" is not a requirement type',
        'requirements.json: triggers.baton_comment_added: the webhook body of a json webhook must be JSON',
        'requirements.json: {{setting.connector_host}} names no parameter of manifest.json',
        'requirements.json: {{$requirement.baton_webhook…}} names no requirement of this file',
      ].sort(),
    );
  });

  it('writes the zip with the app files at its root and nothing else of the repository', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-zip-')), 'app-0.1.0.zip');
    copies.push(path.dirname(out));
    await writeZip(ROOT, appFiles(ROOT), out);
    // `unzip -Z1` lists entries; the system unzip reads what yazl wrote.
    const entries = execFileSync('python3', ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', out], { encoding: 'utf8' }).trim().split('\n');
    expect(entries).toEqual(expect.arrayContaining(['manifest.json', 'requirements.json', 'translations/en.json', 'assets/iframe.html', 'assets/app.js', 'assets/logo.png', 'assets/logo-small.png']));
    expect(entries.every((e) => /^(manifest\.json|requirements\.json|translations\/[^/]+\.json|assets\/[^/]+)$/.test(e))).toBe(true);
  });
});
