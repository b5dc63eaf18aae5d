/**
 * Triage engine speed: throughput and per-decision latency (p50/p95/p99) for the local engine,
 * and for the openai engine against a local fake OpenAI-compatible server (so it measures
 * Baton's own overhead: redaction, SDK, validation, policy; not a real model's latency).
 *
 * The local engine is timed in fresh processes (triage-engine-child.ts), five by default: each
 * one's first 3,000 decisions are what a connector sees right after a start, and one process's
 * p99 on a shared two-core machine moves by a third from run to run, so the table shows the
 * median of the starts and the range of their p99s. The starts alternate between the Node options
 * the connector runs with (connector/src/cli/node-options.ts) and Node's defaults, to show what
 * those options change.
 *
 *   npx tsx bench/triage.ts                (also part of `npm run bench` via runTriageBench)
 *   npx tsx bench/triage.ts --local        (the local engine alone: no fake server)
 *   npx tsx bench/triage.ts --starts=9     (more fresh processes per row)
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NODE_RUNTIME_FLAGS } from '../connector/src/cli/node-options.js';
import { loadPolicy } from '../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../connector/src/triage/engine/local.js';
import { createOpenAITriage } from '../connector/src/triage/engine/openai.js';
import { startFakeOpenAI } from '../test/triage/fake-openai-server.js';
import type { EngineChildResult } from './triage-engine-child.js';
import { corpusInputs, timeDecisions, type Timing } from './triage-timing.js';

export interface TriageBenchRow extends Record<string, unknown> {
  engine: string;
  /** Fresh processes the row's figures are the median of (1: one run in this process). */
  starts: number;
  decisions: number;
  concurrency: number;
  'decisions/s': string;
  p50: string;
  p95: string;
  p99: string;
  /** Lowest and highest p99 over the starts. */
  'p99 range': string;
  'p99 vs connector': string;
  /** Memory the engine holds once loaded (model arrays and objects), for the local engine. */
  'memory held': string;
}

const fmtMs = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(2)} ms`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function engineChild(nodeOptions: readonly string[], args: string[]): Promise<EngineChildResult> {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', path.join(import.meta.dirname, 'triage-engine-child.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`triage bench child exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as EngineChildResult);
    });
  });
}

function row(engine: string, timings: Timing[], concurrency: number, memory = '', versus?: number): TriageBenchRow {
  const p99s = timings.map((t) => t.p99);
  const p99 = median(p99s);
  return {
    engine,
    starts: timings.length,
    decisions: timings[0]!.decisions,
    concurrency,
    'decisions/s': median(timings.map((t) => t.perSecond)).toFixed(0),
    p50: fmtMs(median(timings.map((t) => t.p50))),
    p95: fmtMs(median(timings.map((t) => t.p95))),
    p99: fmtMs(p99),
    'p99 range': timings.length > 1 ? `${fmtMs(Math.min(...p99s))} to ${fmtMs(Math.max(...p99s))}` : '',
    'p99 vs connector': versus === undefined ? '' : `${(p99 / versus).toFixed(2)}×`,
    'memory held': memory,
  };
}

export async function runTriageBench(opts: { localOnly?: boolean; starts?: number } = {}): Promise<TriageBenchRow[]> {
  const starts = opts.starts ?? 5;
  const withFlags: EngineChildResult[] = [];
  const withDefaults: EngineChildResult[] = [];
  // Alternating, so a noisy minute on the machine falls on both settings alike.
  for (let i = 0; i < starts; i++) {
    withFlags.push(await engineChild(NODE_RUNTIME_FLAGS, []));
    withDefaults.push(await engineChild([], ['--after-start-only']));
  }
  const memory = `${median(withFlags.map((r) => r.memoryMb)).toFixed(1)} MB`;
  const afterStart = row(`local, after start (${NODE_RUNTIME_FLAGS.join(' ')})`, withFlags.map((r) => r.afterStart), 1, memory);
  const rows = [
    afterStart,
    row('local, steady state (the same processes)', withFlags.map((r) => r.steadyState!), 1, memory),
    row("local, after start (Node's default options)", withDefaults.map((r) => r.afterStart), 1, memory, median(withFlags.map((r) => r.afterStart.p99))),
  ];
  if (opts.localOnly) return rows;
  const policy = loadPolicy();
  const local = createLocalTriage(policy);
  const fake = await startFakeOpenAI();
  try {
    const openai = createOpenAITriage(policy, { baseURL: fake.baseURL, apiKey: 'bench', model: 'fake', timeoutMs: 5000, fallback: local });
    rows.push(row('openai (local fake server)', [await timeDecisions(openai, corpusInputs(400), 1, 50)], 1));
    rows.push(row('openai (local fake server)', [await timeDecisions(openai, corpusInputs(800), 8, 50)], 8));
  } finally {
    await fake.close();
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const startsArg = process.argv.find((a) => a.startsWith('--starts='));
  const rows = await runTriageBench({ localOnly: process.argv.includes('--local'), starts: startsArg ? Number(startsArg.slice('--starts='.length)) : undefined });
  const headers = Object.keys(rows[0]!);
  console.log(headers.join('\t'));
  for (const r of rows) console.log(headers.map((h) => String(r[h])).join('\t'));
}
