/**
 * The core of `baton classify`: JSONL tickets in, one JSON line per ticket out, in input
 * order. Streams (constant memory on any input size) and keeps up to `concurrency`
 * decisions in flight, which matters for the openai engine. A bad line becomes an error
 * line naming the line number and what is wrong; the rest carries on.
 */
import type { Triage } from '../types.js';
import { toOutputRecord, toTriageInput } from './ticket-line.js';

export interface ClassifyOptions {
  /** Decisions in flight at once (default 1 for local, more pays off for openai). */
  concurrency?: number;
  /** Tenant whose model to use (per-tenant models); default 'cli'. */
  tenantId?: string;
  /** Time to evaluate time rules at; default now. */
  now?: Date;
}

export interface ClassifySummary {
  ok: number;
  failed: number;
}

type Written = void | Promise<void>;

async function one(triage: Triage, line: string, lineNo: number, opts: Required<Pick<ClassifyOptions, 'tenantId'>> & { now: Date }): Promise<{ text: string; ok: boolean }> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return failure(lineNo, undefined, `not valid JSON (${(err as Error).message})`);
  }
  const id = raw !== null && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  try {
    const { id: ticketId, input } = toTriageInput(raw, { tenantId: opts.tenantId, now: opts.now });
    const decision = await triage.decide(input);
    return { text: JSON.stringify(toOutputRecord(ticketId, decision)), ok: true };
  } catch (err) {
    return failure(lineNo, id, (err as Error).message);
  }
}

function failure(lineNo: number, id: unknown, problem: string): { text: string; ok: boolean } {
  const idPart = typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {};
  return { text: JSON.stringify({ line: lineNo, ...idPart, error: `line ${lineNo}: ${problem}` }), ok: false };
}

export async function classifyLines(
  lines: AsyncIterable<string> | Iterable<string>,
  triage: Triage,
  write: (jsonLine: string) => Written,
  opts: ClassifyOptions = {},
): Promise<ClassifySummary> {
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const ctx = { tenantId: opts.tenantId ?? 'cli', now: opts.now ?? new Date() };
  const inFlight: Promise<{ text: string; ok: boolean }>[] = [];
  const summary: ClassifySummary = { ok: 0, failed: 0 };
  const flushOne = async () => {
    const r = await inFlight.shift()!;
    if (r.ok) summary.ok++;
    else summary.failed++;
    await write(`${r.text}\n`);
  };
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    inFlight.push(one(triage, line, lineNo, ctx));
    if (inFlight.length >= concurrency) await flushOne();
  }
  while (inFlight.length > 0) await flushOne();
  return summary;
}
