#!/usr/bin/env node
// `npx baton`: runs the TypeScript CLI in this same process (tsx's loader registered here),
// so signals reach the connector itself and a SIGKILL kills exactly one process.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
