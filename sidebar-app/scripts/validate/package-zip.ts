/**
 * The upload zip in the layout zcli produces: the app's files at the root of the archive
 * (manifest.json, requirements.json, translations/, assets/), nothing else of the repo.
 * Entries are sorted and dated at a fixed time, so the same files give the same zip.
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';

export const APP_ENTRIES = ['manifest.json', 'requirements.json', 'translations', 'assets'];
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

export function appFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory()) for (const f of fs.readdirSync(abs)) walk(path.posix.join(rel, f));
    else if (!path.basename(rel).startsWith('.')) out.push(rel);
  };
  APP_ENTRIES.forEach(walk);
  return out.sort();
}

export function writeZip(root: string, files: string[], outFile: string): Promise<void> {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addFile(path.join(root, f), f, { mtime: FIXED_DATE, mode: 0o100644 });
  zip.end();
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(outFile);
    zip.outputStream.pipe(out).on('close', () => resolve()).on('error', reject);
  });
}
