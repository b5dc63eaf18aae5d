/**
 * Browser tests run the BUILT Freshdesk app (freshdesk-app/app/scripts/app.js), rebuilt
 * when any source it bundles is newer: its own src/ and the shared sidebar components.
 * Built to a private folder and renamed into place, so parallel workers never read half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { newest } from './build-app.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const OUT = path.join(ROOT, 'freshdesk-app/app/scripts');
const BUNDLE = path.join(OUT, 'app.js');
const SOURCES = [path.join(ROOT, 'freshdesk-app/src'), path.join(ROOT, 'freshdesk-app/vite.config.ts'), path.join(ROOT, 'sidebar-app/src'), path.join(ROOT, 'connector/src/sidebar-api/types.ts')];

export async function ensureFreshdeskAppBuilt(): Promise<void> {
  const built = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newest))) return;
  const { build } = await import('vite');
  const staging = path.join(OUT, `.build-${process.pid}-${Date.now()}`);
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'freshdesk-app/vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: staging, emptyOutDir: false } });
    for (const f of fs.readdirSync(staging)) fs.renameSync(path.join(staging, f), path.join(OUT, f));
  } finally {
    process.env.NODE_ENV = nodeEnv;
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
