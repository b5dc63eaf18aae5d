#!/usr/bin/env node
// `npm test`: the type check of the three projects (`npm run typecheck`) and the test files
// (`vitest run`, with any arguments given) at the same time. The type check is one
// single-threaded compiler for half a minute, and the test run spends much of its time
// waiting on processes, a browser and timeouts, so side by side they finish sooner than one
// after the other. Both always run to the end, and the command fails if either fails.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.env.npm_execpath;

function run(name, command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(`${name}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const [typecheck, tests] = await Promise.all([
  // Through npm, so the one definition of the type check stays package.json's `typecheck`.
  npm ? run('typecheck', process.execPath, [npm, 'run', '--silent', 'typecheck']) : run('typecheck', 'npm', ['run', '--silent', 'typecheck']),
  run('vitest', process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)]),
]);
if (typecheck !== 0) console.error(`\nnpm test: the type check failed (exit ${typecheck}); its errors are above.`);
if (tests !== 0) console.error(`\nnpm test: the tests failed (exit ${tests}).`);
process.exit(typecheck !== 0 ? typecheck : tests);
