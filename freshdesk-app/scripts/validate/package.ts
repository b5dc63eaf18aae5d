/**
 * The Freshdesk app package as `fdk pack` lays it out: manifest.json, app/, config/ and
 * server/ at the root of the zip; no dot files, node_modules or coverage (which
 * `fdk validate` deletes anyway).
 */
import fs from 'node:fs';
import path from 'node:path';

const ENTRIES = ['manifest.json', 'app', 'config', 'server'];

/** The package's files, relative to the app folder. */
export function freshdeskAppFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs) || /(^|\/)(node_modules|coverage)(\/|$)/.test(rel)) return;
    if (fs.statSync(abs).isDirectory()) for (const f of fs.readdirSync(abs)) walk(path.posix.join(rel, f));
    else if (!path.basename(rel).startsWith('.')) out.push(rel);
  };
  ENTRIES.forEach(walk);
  return out.sort();
}
