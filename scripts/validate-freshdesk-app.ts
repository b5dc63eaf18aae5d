/**
 * `npm run validate:freshdesk-app`: build the Freshdesk app's script, check the app against
 * the documented platform 3.0 rules (freshdesk-app/scripts/validate/rules.ts), and write the
 * package as `fdk pack` lays it out to tmp/baton-freshdesk-app.zip. Where Freshworks' CLI is
 * installed, `fdk validate` and `fdk pack` in freshdesk-app/ are the authority (README
 * "Connecting a real Freshdesk account").
 *
 *   tsx scripts/validate-freshdesk-app.ts [--no-build] [--no-zip]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshdeskAppFiles } from '../freshdesk-app/scripts/validate/package.js';
import { validateFreshdeskApp } from '../freshdesk-app/scripts/validate/rules.js';
import { writeZip } from '../sidebar-app/scripts/validate/package-zip.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP = path.join(ROOT, 'freshdesk-app');
const args = new Set(process.argv.slice(2));

if (!args.has('--no-build')) {
  const { build } = await import('vite');
  await build({ configFile: path.join(APP, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
}
const { report, facts } = validateFreshdeskApp(
  (p) => fs.readFileSync(path.join(APP, p), 'utf8'),
  (p) => fs.existsSync(path.join(APP, p)),
);
if (!fs.existsSync(path.join(APP, 'app/scripts/app.js'))) report.add('app/scripts/app.js', 'is missing: build the app (drop --no-build)');
if (!report.ok) {
  console.error(`The Freshdesk app has ${report.problems.length} problem(s):`);
  for (const p of report.problems) console.error(`  freshdesk-app/${p.file}: ${p.message}`);
  process.exit(1);
}
const files = freshdeskAppFiles(APP);
console.log(`manifest, iparams and request templates are valid (${facts.templates.length} templates, ${facts.functions.length} server function(s), ${files.length} files)`);
if (!args.has('--no-zip')) {
  const zip = path.join(ROOT, 'tmp', 'baton-freshdesk-app.zip');
  await writeZip(APP, files, zip);
  console.log(`wrote ${path.relative(process.cwd(), zip)}: the layout fdk pack writes; where the Freshworks CLI is installed, run fdk validate and fdk pack in freshdesk-app/ and upload that package`);
}
