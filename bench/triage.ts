/**
 * Triage engine speed: throughput and per-decision latency (p50/p99) for the local engine,
 * and for the openai engine against a local fake OpenAI-compatible server (so it measures
 * Baton's own overhead: redaction, SDK, validation, policy; not a real model's latency).
 *
 *   npx tsx bench/triage.ts            (also part of `npm run bench` via runTriageBench)
 *   npx tsx bench/triage.ts --local    (the local engine alone: quick, no fake server)
 */
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadIntentModel } from '../connector/src/triage/model/intent-model.js';
import { loadPolicy } from '../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../connector/src/triage/engine/local.js';
import { createOpenAITriage } from '../connector/src/triage/engine/openai.js';
import { readCorpus } from '../connector/src/triage/model/corpus.js';
import type { Triage, TriageInput } from '../connector/src/triage/types.js';
import { startFakeOpenAI } from '../test/triage/fake-openai-server.js';

export interface TriageBenchRow extends Record<string, unknown> {
  engine: string;
  decisions: number;
  concurrency: number;
  'decisions/s': string;
  p50: string;
  p95: string;
  p99: string;
  /** Memory the engine holds once loaded (model arrays and objects), for the local engine. */
  'memory held': string;
}

/** V8's collector, reached at run time so the bench needs no --expose-gc flag. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/**
 * Heap plus array buffers retained by what `build` returns, after full collections on both
 * sides: what one engine costs a process to keep.
 */
function retainedMb<T>(build: () => T): { value: T; mb: number } {
  const gc = collector();
  const used = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const value = build();
  const after = used();
  return { value, mb: (after - before) / 2 ** 20 };
}

function inputs(n: number): TriageInput[] {
  const texts = readCorpus().examples.map((e) => e.text);
  return Array.from({ length: n }, (_, i) => ({
    tenantId: 'bench',
    ticketId: `b${i}`,
    subject: '',
    message: texts[(i * 7919) % texts.length]!,
    history: [],
    customer: { id: 'c', name: 'Bench', tags: [] },
    ticket: { aiMessageCount: 0, state: 'new' },
    channel: 'email',
    now: new Date(),
  }));
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const fmtMs = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(2)} ms`);

/**
 * `warm`: decisions made before timing starts. 50 loads the model and opens connections; a
 * whole pass of the same inputs first is the steady state a running connector is in after
 * its first few thousand messages (the JIT has compiled the hot paths by then). The table
 * shows both, so the first messages after a start are not hidden.
 */
async function measure(engine: string, triage: Triage, items: TriageInput[], concurrency: number, warm = 50): Promise<TriageBenchRow> {
  for (let i = 0; i < warm; i++) await triage.decide(items[i % items.length]!);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const it = items[next++]!;
      const t0 = performance.now();
      await triage.decide(it);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    engine,
    decisions: items.length,
    concurrency,
    'decisions/s': (items.length / seconds).toFixed(0),
    p50: fmtMs(pct(latencies, 0.5)),
    p95: fmtMs(pct(latencies, 0.95)),
    p99: fmtMs(pct(latencies, 0.99)),
    'memory held': '',
  };
}

export async function runTriageBench(opts: { localOnly?: boolean } = {}): Promise<TriageBenchRow[]> {
  const policy = loadPolicy();
  // A model of its own (not the shared cached one), so its whole cost is counted.
  const { value: local, mb } = retainedMb(() => createLocalTriage(policy, { model: loadIntentModel() }));
  const rows = [
    { ...(await measure('local (after start)', local, inputs(3000), 1)), 'memory held': `${mb.toFixed(1)} MB` },
    { ...(await measure('local (steady state)', local, inputs(3000), 1, 3000)), 'memory held': `${mb.toFixed(1)} MB` },
  ];
  if (opts.localOnly) return rows;
  const fake = await startFakeOpenAI();
  try {
    const openai = createOpenAITriage(policy, { baseURL: fake.baseURL, apiKey: 'bench', model: 'fake', timeoutMs: 5000, fallback: local });
    rows.push(await measure('openai (local fake server)', openai, inputs(400), 1));
    rows.push(await measure('openai (local fake server)', openai, inputs(800), 8));
  } finally {
    await fake.close();
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runTriageBench({ localOnly: process.argv.includes('--local') });
  const headers = Object.keys(rows[0]!);
  console.log(headers.join('\t'));
  for (const r of rows) console.log(headers.map((h) => String(r[h])).join('\t'));
}
