/**
 * The Zendesk app package at the repository root (manifest.json, requirements.json, assets/),
 * found from wherever this code runs (sources or a compiled build): the first folder upwards
 * holding manifest.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function appPackageDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'manifest.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
