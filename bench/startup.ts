/**
 * Start-up: from spawning `baton serve` to `/health` answering 200, on a fresh SQLite file
 * (migrations included) with the sandbox helpdesk as Zendesk. The compiled connector
 * (connector/dist, through the `baton` bin, as `npx baton serve` runs it) against the same
 * command run from the TypeScript sources through tsx (development). The build is made first
 * when connector/dist is missing or older than the sources.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent } from '../connector/bin/build-state.js';
import { NODE_RUNTIME_FLAGS } from '../connector/src/cli/node-options.js';
import { startSandbox } from '../connector/src/sandbox/index.js';
import { freePort } from '../test/helpers/processes.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface StartupRow {
  how: string;
  runs: number;
  median: number;
  min: number;
  /** CPU time (user + system) the process used until /health answered, median: unlike wall time, not inflated by other load on the machine. */
  cpu: number;
}

/** utime + stime of a process in ms, from /proc (Linux; clock ticks of 10 ms). NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

async function once(args: string[], env: Record<string, string>): Promise<{ wall: number; cpu: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-startup-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, DATABASE_URL: '', BATON_SQLITE_PATH: path.join(dir, 'baton.db'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited (${child.exitCode}) before answering /health`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) return { wall: performance.now() - started, cpu: cpuMs(child.pid) };
      if (performance.now() - started > 60_000) throw new Error('no /health answer within 60 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchStartup(runs = 5): Promise<StartupRow[]> {
  if (!buildIsCurrent()) {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-connector.mjs')], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const sandbox = await startSandbox();
  const env = { BATON_WEBHOOK_SECRET: 'startup-bench-secret-0123456789', ZENDESK_BASE_URL: sandbox.url, ZENDESK_EMAIL: sandbox.apiEmail, ZENDESK_API_TOKEN: sandbox.apiToken };
  const ways: [string, string[]][] = [
    // With the Node options the bin's first line passes, as `npx baton serve` starts it.
    ['compiled (npx baton serve)', [...NODE_RUNTIME_FLAGS, path.join(ROOT, 'connector/bin/baton.js'), 'serve']],
    ['sources through tsx', [...NODE_RUNTIME_FLAGS, '--import', 'tsx', path.join(ROOT, 'connector/src/cli/main.ts'), 'serve']],
  ];
  const rows: StartupRow[] = [];
  try {
    for (const [how, args] of ways) {
      const samples: { wall: number; cpu: number }[] = [];
      for (let i = 0; i < runs; i++) samples.push(await once(args, env));
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const walls = samples.map((x) => x.wall);
      rows.push({ how, runs, median: median(walls), min: Math.min(...walls), cpu: median(samples.map((x) => x.cpu)) });
    }
  } finally {
    await sandbox.close();
  }
  return rows;
}
