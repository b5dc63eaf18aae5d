// Whether connector/dist (from `npm run build`) is current: its stamp is newer than every
// file under connector/src. Plain JavaScript: the bin reads it before anything is compiled.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONNECTOR_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC_DIR = path.join(CONNECTOR_DIR, 'src');
const STAMP = path.join(CONNECTOR_DIR, 'dist', '.built');

/** Newest modification time of any file under dir (a few hundred files: a few milliseconds). */
function newest(dir) {
  let max = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return max;
}

export function buildIsCurrent() {
  const built = fs.statSync(STAMP, { throwIfNoEntry: false });
  if (!built) return false;
  // An installed package may ship dist/ without src/: the build is all there is.
  return !fs.existsSync(SRC_DIR) || built.mtimeMs >= newest(SRC_DIR);
}
