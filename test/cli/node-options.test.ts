/**
 * The connector's Node options (connector/src/cli/node-options.ts) reach every way it is started,
 * and `baton serve` says so when they do not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingNodeOptions, NODE_RUNTIME_FLAGS } from '../../connector/src/cli/node-options.js';
import { startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { startServe, type ServeLauncher } from '../helpers/processes.js';
import { serveEnv } from '../resilience/helpers/serve-env.js';

const root = path.resolve(import.meta.dirname, '../..');
const flags = NODE_RUNTIME_FLAGS.join(' ');

describe('which of the options a process lacks', () => {
  it('names each option the process was started without', () => {
    expect(missingNodeOptions([], '')).toEqual([...NODE_RUNTIME_FLAGS]);
    expect(missingNodeOptions(['--enable-source-maps'], '--max-old-space-size=512')).toEqual([...NODE_RUNTIME_FLAGS]);
  });

  it('takes them from the command line or from NODE_OPTIONS', () => {
    expect(missingNodeOptions([...NODE_RUNTIME_FLAGS], '')).toEqual([]);
    expect(missingNodeOptions([], ` ${flags} --max-old-space-size=512`)).toEqual([]);
  });

  it("counts an option given another value as given: the operator's choice", () => {
    expect(missingNodeOptions(['--v8-pool-size=2'])).toEqual([]);
  });
});

describe('every documented way to start the connector carries them', () => {
  it("the bin's first line", () => {
    const first = fs.readFileSync(path.join(root, 'connector/bin/baton.js'), 'utf8').split('\n')[0];
    expect(first).toBe(`#!/usr/bin/env -S node ${flags}`);
  });

  it('npm run demo', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toContain(`node ${flags} connector/bin/baton.js demo`);
  });

  it("the README's systemd unit", () => {
    const lines = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n').filter((l) => /^ExecStart(Pre)?=/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toContain(`/usr/bin/node ${flags} connector/bin/baton.js `);
  });
});

describe('baton serve reports its Node options', () => {
  let sandbox: Sandbox;
  let policyDir: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    policyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-node-options-'));
  });
  afterAll(async () => {
    await sandbox?.close();
    fs.rmSync(policyDir, { recursive: true, force: true });
  });

  /** The JSON log lines `baton serve` wrote until /health answered, after it stopped. */
  async function serveLog(launcher: ServeLauncher): Promise<{ msg: string; level: string; nodeOptions?: string[]; missing?: string[] }[]> {
    const env = { ...serveEnv(sandbox, 'node-options-secret'), LOG_LEVEL: 'info', BATON_SQLITE_PATH: path.join(policyDir, `${launcher}.db`), DATABASE_URL: '' };
    const serve = await startServe(env, undefined, launcher);
    await serve.kill('SIGTERM');
    return serve
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
  }

  it('started through the bin, it runs with them and does not warn', async () => {
    const log = await serveLog('bin');
    const listening = log.find((l) => l.msg === 'baton connector listening');
    expect(listening?.nodeOptions).toEqual(expect.arrayContaining([...NODE_RUNTIME_FLAGS]));
    expect(log.filter((l) => l.missing)).toEqual([]);
  });

  it('started by plain node, it warns and says how to fix it', async () => {
    const log = await serveLog('bare-node');
    const warning = log.find((l) => l.missing);
    expect(warning?.missing).toEqual([...NODE_RUNTIME_FLAGS]);
    expect(warning?.msg).toContain('npx baton serve');
    expect(warning?.level).toBe('warn');
  });
});
