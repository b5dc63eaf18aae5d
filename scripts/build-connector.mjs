/**
 * `npm run build`: type-check the connector (tsc, connector/tsconfig.build.json), then bundle
 * connector/src/cli/main.ts with esbuild into one JavaScript file, connector/dist/main.js,
 * and stamp the build so connector/bin/baton.js runs it only while it is newer than every
 * source file. One file instead of some 250 modules: Node's ESM loader (resolve, stat, read,
 * link per module) was most of the service's start-up time. Packages stay in node_modules.
 *
 * Source files find their data (../../../policy, ../../../model, ...) relative to their own
 * import.meta.url. In the bundle each file's import.meta.url is replaced by the address its
 * compiled file would have at the same depth under dist/, so those paths resolve exactly as
 * from src/, wherever the folder is deployed.
 * Plain JavaScript on purpose: it must run before anything is compiled, without tsx.
 *
 *   node scripts/build-connector.mjs [--no-typecheck] [--if-stale] [--outdir connector/<folder>]
 * --if-stale: do nothing while connector/dist is current (`npm run demo` builds this way).
 * --outdir: another folder directly under connector/, e.g. for a test; no stamp is written.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildIsCurrent } from '../connector/bin/build-state.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const connector = path.join(root, 'connector');
const src = path.join(connector, 'src');
const outArg = process.argv.indexOf('--outdir');
const dist = outArg > 0 ? path.resolve(process.argv[outArg + 1] ?? '') : path.join(connector, 'dist');
if (path.dirname(dist) !== connector) {
  console.error(`--outdir must be a folder directly under ${connector} (data files are found relative to it)`);
  process.exit(2);
}

if (process.argv.includes('--if-stale') && outArg < 0 && buildIsCurrent()) process.exit(0);
const started = Date.now();
if (!process.argv.includes('--no-typecheck')) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const check = spawnSync(process.execPath, [tsc, '-p', path.join(connector, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (check.status !== 0) {
    console.error('build failed: type errors (connector/dist left as it was)');
    process.exit(check.status ?? 1);
  }
}

/**
 * import.meta.url of src/<rel>.ts as if it were dist/<rel>.js, computed at run time from the
 * URL of the file it ends up in: main.js in dist/, or a chunk one level down in dist/chunks/.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!args.path.startsWith(src + path.sep) || !text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const rel = `./${path.relative(src, args.path).split(path.sep).join('/').replace(/\.ts$/, '.js')}`;
      const fromDist = `new URL(${JSON.stringify(rel)}, new URL(import.meta.url.split('/').at(-2) === 'chunks' ? '../' : './', import.meta.url)).href`;
      return { contents: text.replaceAll('import.meta.url', fromDist), loader: 'ts' };
    });
  },
};

fs.rmSync(dist, { recursive: true, force: true }); // no compiled file outlives its source
await build({
  entryPoints: [path.join(src, 'cli', 'main.ts')],
  outdir: dist,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages are bundled too (their CommonJS files were the other half of the start-up),
  // except native code, optional native bindings, and packages that load their own files at
  // run time (sentiment's languages, pino's worker threads): those load from node_modules.
  external: ['better-sqlite3', 'pg-native', 'sentiment', 'pino', 'thread-stream'],
  // Bundled CommonJS packages call require() for Node's built-ins.
  banner: { js: "import { createRequire as __batonCreateRequire } from 'node:module'; const require = __batonCreateRequire(import.meta.url);" },
  sourcemap: true,
  // Each lazily imported command is its own chunk, so `serve` loads neither the sandbox nor
  // the packages only other commands use (esbuild hoists a bundle's package imports).
  splitting: true,
  logLevel: 'warning',
  plugins: [ownUrl],
});
if (outArg < 0) fs.writeFileSync(path.join(dist, '.built'), `${new Date().toISOString()}\n`);
console.log(`built ${path.relative(root, dist)}/main.js in ${((Date.now() - started) / 1000).toFixed(1)} s`);
