/**
 * Browser tests run the BUILT app (assets/). Rebuild with Vite when any source is newer
 * than assets/app.js, so a test never passes against yesterday's bundle. Test files run in
 * parallel workers, so the build goes to a private folder first and each file is renamed
 * into assets/ (atomic): a reader never sees a half-written bundle.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ASSETS = path.join(ROOT, 'assets');
const BUNDLE = path.join(ASSETS, 'app.js');
const SOURCES = [path.join(ROOT, 'sidebar-app/src'), path.join(ROOT, 'sidebar-app/vite.config.ts'), path.join(ROOT, 'connector/src/sidebar-api/types.ts')];

export function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

export async function ensureAppBuilt(): Promise<void> {
  const built = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newest))) return;
  const { build } = await import('vite');
  // A dot-folder inside assets/: same filesystem for rename, and left out of the app zip.
  const staging = path.join(ASSETS, `.build-${process.pid}-${Date.now()}`);
  // Vitest sets NODE_ENV=test; plugins read it to pick dev transforms (jsxDEV). Build as the CLI does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'sidebar-app/vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: staging, emptyOutDir: false } });
    for (const f of fs.readdirSync(staging)) fs.renameSync(path.join(staging, f), path.join(ASSETS, f));
  } finally {
    process.env.NODE_ENV = nodeEnv;
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
