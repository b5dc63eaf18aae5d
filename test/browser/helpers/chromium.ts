/**
 * The one place browser tests get a headless Chromium. By default it is the Chromium that
 * ships on npm inside `@sparticuz/chromium` (a brotli-packed build unpacked to
 * $TMPDIR/chromium on first use), so `npm test` needs nothing but Node and npm; no browser is
 * ever downloaded. `CHROMIUM_PATH` overrides it, e.g. with Debian's /usr/bin/chromium.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Chromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

const ARGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutable(), args: ARGS });
}

export async function chromiumExecutable(): Promise<string> {
  const override = process.env.CHROMIUM_PATH?.trim();
  if (override) {
    if (!fs.existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist; unset it to use the Chromium shipped by @sparticuz/chromium`);
    return override;
  }
  return unpackShippedChromium();
}

/**
 * `Chromium.executablePath()` returns $TMPDIR/chromium as soon as that file exists, even
 * while another process is still writing it. Test files run in parallel workers, so the
 * unpacking is serialised by a lock directory, and a marker written after a complete unpack
 * tells later runs (and a run after a killed one) whether the file can be trusted.
 */
async function unpackShippedChromium(): Promise<string> {
  const tmp = os.tmpdir();
  const binary = path.join(tmp, 'chromium');
  const marker = path.join(tmp, `baton-chromium-${shippedVersion()}.unpacked`);
  if (fs.existsSync(marker) && fs.existsSync(binary)) return binary;
  const release = await lock(path.join(tmp, 'baton-chromium.lock'));
  try {
    if (fs.existsSync(marker) && fs.existsSync(binary)) return binary;
    fs.rmSync(binary, { force: true }); // half-written by an interrupted run, or another version
    const unpacked = await Chromium.executablePath();
    fs.writeFileSync(marker, unpacked);
    return unpacked;
  } finally {
    release();
  }
}

function shippedVersion(): string {
  // The package exports only its entry (build/index.js); its package.json sits one level up.
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  return (JSON.parse(fs.readFileSync(path.join(path.dirname(entry), '../package.json'), 'utf8')) as { version: string }).version;
}

/** mkdir is atomic: whoever creates the directory holds the lock. A lock older than 2 minutes is from a dead process. */
async function lock(dir: string): Promise<() => void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      return () => fs.rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(dir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for ${dir} (another process is unpacking Chromium)`);
      else await sleep(200);
    }
  }
}
