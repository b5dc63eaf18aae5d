/**
 * `npm run validate:app`: build the Zendesk app, check the package against the rules
 * Zendesk's validator applies (manifest, translations, location files, parameters and
 * secure settings, image sizes, requirements.json and its sync with the connector), and
 * write the upload zip as zcli does, to tmp/app-<version>.zip.
 *
 *   tsx scripts/validate-app.ts [--no-build] [--no-zip]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRequirements, REQUIREMENTS_PATH } from '../sidebar-app/scripts/requirements.js';
import { validateApp, writeZip } from '../sidebar-app/scripts/validate/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

if (!args.has('--no-build')) {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'sidebar-app/vite.config.ts'), mode: 'production', logLevel: 'warn' });
}

const { report, facts, files } = validateApp(ROOT);
if (fs.existsSync(REQUIREMENTS_PATH) && fs.readFileSync(REQUIREMENTS_PATH, 'utf8') !== renderRequirements()) {
  report.add('requirements.json', 'is out of sync with the connector trigger payload: run npx tsx sidebar-app/scripts/requirements.ts');
}

if (!report.ok) {
  console.error(`The app package has ${report.problems.length} problem(s):`);
  for (const p of report.problems) console.error(`  ${p.file}: ${p.message}`);
  process.exit(1);
}
console.log(`manifest, translations, assets and requirements are valid (${files.length} files)`);
if (!args.has('--no-zip')) {
  const zip = path.join(ROOT, 'tmp', `app-${facts!.version}.zip`);
  await writeZip(ROOT, files, zip);
  console.log(`wrote ${path.relative(process.cwd(), zip)}: upload it with zcli apps:create / apps:update, or in Admin Center`);
}
