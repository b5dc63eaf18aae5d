#!/usr/bin/env -S node --v8-pool-size=0
// (That first line passes the connector's Node options: connector/src/cli/node-options.ts says why.)
// `npx baton`: runs the compiled connector (connector/dist, from `npm run build`) in this
// same process, so signals reach the connector itself and a SIGKILL kills exactly one process.
//
// A checkout that has not been built, or whose sources changed after the build, runs the
// TypeScript sources through tsx instead (development), so nobody ever runs stale code.
// With NODE_ENV=production that fallback is refused: a server runs the build or nothing.
import { buildIsCurrent } from './build-state.js';

if (buildIsCurrent()) {
  await import('../dist/main.js');
} else if (process.env.NODE_ENV === 'production') {
  console.error('baton: connector/dist is missing or older than connector/src; run `npm run build` before starting in production');
  process.exit(1);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
