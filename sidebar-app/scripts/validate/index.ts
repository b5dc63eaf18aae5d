/** Validate an app directory (manifest, translations, assets, requirements). */
import fs from 'node:fs';
import path from 'node:path';
import { checkAssets } from './assets.js';
import { checkManifest, type ManifestFacts } from './manifest.js';
import { appFiles } from './package-zip.js';
import { readJson, Report } from './report.js';
import { checkRequirements } from './requirements.js';
import { checkTranslations } from './translations.js';

export { Report } from './report.js';
export { appFiles, writeZip } from './package-zip.js';

export function validateApp(root: string): { report: Report; facts: ManifestFacts | null; files: string[] } {
  const report = new Report();
  const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
  const exists = (p: string) => fs.existsSync(path.join(root, p));
  const files = appFiles(root);
  const facts = checkManifest(readJson(root, 'manifest.json', report, read), report, exists);
  if (facts) {
    checkTranslations(files.filter((f) => /^translations\/[^/]+\.json$/.test(f)), read, report, facts);
    if (exists('requirements.json')) checkRequirements(readJson(root, 'requirements.json', report, read), report, facts.parameters);
  }
  checkAssets(files, (p) => fs.readFileSync(path.join(root, p)), report);
  return { report, facts, files };
}
