/**
 * `npm run build`: compile connector/src to JavaScript in connector/dist (tsc with
 * connector/tsconfig.build.json, nothing emitted on a type error), then stamp the build so
 * connector/bin/baton.js runs it only while it is newer than every source file.
 * Plain JavaScript on purpose: it must run before anything is compiled, without tsx.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'connector', 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const started = Date.now();
fs.rmSync(dist, { recursive: true, force: true }); // no compiled file outlives its source
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'connector', 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('build failed: connector/dist was not written');
  process.exit(result.status ?? 1);
}
fs.writeFileSync(path.join(dist, '.built'), `${new Date().toISOString()}\n`);
console.log(`built connector/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
