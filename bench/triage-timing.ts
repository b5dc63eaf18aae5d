/** Timing triage decisions, shared by bench/triage.ts and its per-process child. */
import v8 from 'node:v8';
import vm from 'node:vm';
import { readCorpus } from '../connector/src/triage/model/corpus.js';
import type { Triage, TriageInput } from '../connector/src/triage/types.js';

export interface Timing {
  decisions: number;
  perSecond: number;
  /** Milliseconds. */
  p50: number;
  p95: number;
  p99: number;
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
export function retainedMb<T>(build: () => T): { value: T; mb: number } {
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

/** `n` single-message tickets from the project's corpus, in a fixed scattered order. */
export function corpusInputs(n: number): TriageInput[] {
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

/**
 * `warm`: decisions made before timing starts. 50 loads the model and opens connections; a
 * whole pass of the same inputs first is the steady state a running connector is in after
 * its first few thousand messages (the JIT has compiled the hot paths by then).
 */
export async function timeDecisions(triage: Triage, items: TriageInput[], concurrency: number, warm: number): Promise<Timing> {
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
  return { decisions: items.length, perSecond: items.length / seconds, p50: pct(latencies, 0.5), p95: pct(latencies, 0.95), p99: pct(latencies, 0.99) };
}
