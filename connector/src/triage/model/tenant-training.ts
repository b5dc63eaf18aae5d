/**
 * Fit the local model on a tenant's own solved tickets (`baton train`). Labels come from the
 * ticket's label, or its tags / group through `training.label_map` in the policy. By default
 * the project corpus joins the tenant's tickets, so intents the tenant rarely sees are still
 * known. The model is written to <modelsDir>/<tenant>/intent-model.json; the shipped model
 * stays the fallback for every tenant without one.
 */
import { createReadStream, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Policy } from '../policy/schema.js';
import { cleanMessage } from '../text/clean-message.js';
import { DEFAULT_CORPUS_DIR, isHeldBack, readCorpus, type LabelledText } from './corpus.js';
import { fitIntentModel } from './fit.js';
import { IntentModel } from './intent-model.js';
import { tenantModelPath } from './tenant-models.js';

/** A solved ticket as the helpdesk source yields it. */
export interface SolvedTicket {
  text: string;
  tags?: string[];
  group?: string | null;
  /** Explicit intent, when the source already has one. */
  label?: string;
}

export interface TenantTrainOptions {
  tenantId: string;
  modelsDir: string;
  policy: Policy;
  /** Train on the project corpus too (default true). */
  includeBaseCorpus?: boolean;
  corpusDir?: string;
}

export interface TenantTrainReport {
  tenantId: string;
  path: string;
  /** Tenant tickets used, per intent. */
  perIntent: Record<string, number>;
  labelled: number;
  skipped: { empty: number; unlabelled: number; unknownIntent: number };
  /** The tenant's own held-back tickets (never trained on). */
  heldBack: { count: number; accuracy: number | null };
  /** Held back over everything the model saw (tenant + corpus), with calibration error. */
  overall: { count: number; accuracy: number | null; ece: number | null };
}

/** Intent for a ticket: its label, else the first tag (or "group:<name>") in the label map. */
export function labelFor(ticket: SolvedTicket, policy: Policy): { intent: string | null; known: boolean } {
  const map = policy.training.label_map;
  const candidate =
    ticket.label ?? (ticket.tags ?? []).map((t) => own(map, t)).find((v) => v !== undefined) ?? (ticket.group ? own(map, `group:${ticket.group}`) : undefined);
  if (candidate === undefined) return { intent: null, known: false };
  return { intent: candidate, known: policy.intents[candidate] !== undefined };
}

export async function trainTenantModel(tickets: AsyncIterable<SolvedTicket> | Iterable<SolvedTicket>, opts: TenantTrainOptions): Promise<TenantTrainReport> {
  const own: LabelledText[] = [];
  const skipped = { empty: 0, unlabelled: 0, unknownIntent: 0 };
  for await (const t of tickets) {
    if (cleanMessage(t.text ?? '') === '') {
      skipped.empty++;
      continue;
    }
    const { intent, known } = labelFor(t, opts.policy);
    if (intent === null) skipped.unlabelled++;
    else if (!known) skipped.unknownIntent++;
    else own.push({ text: t.text, intent });
  }
  if (own.length === 0) throw new Error('no labelled tickets: set label, or map tags to intents under training.label_map in the policy');
  const base = opts.includeBaseCorpus === false ? [] : readCorpus(opts.corpusDir ?? DEFAULT_CORPUS_DIR).examples;
  const intents = Object.keys(opts.policy.intents).filter((i) => own.some((e) => e.intent === i) || base.some((e) => e.intent === i));
  const source = `tenant ${opts.tenantId} (${own.length} tickets)${base.length ? ' + connector/corpus' : ''}`;
  const artifact = fitIntentModel([...own, ...base], { intents, source });

  const model = new IntentModel(artifact);
  const ownHeld = own.filter((e) => isHeldBack(e.text, artifact.training.testShare));
  const right = ownHeld.filter((e) => model.predict(cleanMessage(e.text)).intent === e.intent).length;

  const path = tenantModelPath(opts.modelsDir, opts.tenantId);
  mkdirSync(dirname(path), { recursive: true });
  // Write then rename: the running connector never reads a half-written model.
  writeFileSync(`${path}.tmp`, `${JSON.stringify(artifact)}\n`);
  renameSync(`${path}.tmp`, path);

  const perIntent: Record<string, number> = {};
  for (const e of own) perIntent[e.intent] = (perIntent[e.intent] ?? 0) + 1;
  const ev = artifact.evaluation.heldBack;
  return {
    tenantId: opts.tenantId,
    path,
    perIntent,
    labelled: own.length,
    skipped,
    heldBack: { count: ownHeld.length, accuracy: ownHeld.length ? Math.round((right / ownHeld.length) * 1e4) / 1e4 : null },
    overall: { count: ev.count, accuracy: ev.accuracy, ece: ev.ece },
  };
}

/** Solved tickets from a JSONL file: {"text", "label"} or {"text", "tags", "group"} per line. */
export async function* readSolvedTicketsFile(path: string): AsyncGenerator<SolvedTicket> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${n}: not valid JSON`);
    }
    const r = row as Partial<Record<keyof SolvedTicket, unknown>>;
    if (typeof r.text !== 'string') throw new Error(`${path}:${n}: expected "text" (string)`);
    yield {
      text: r.text,
      label: typeof r.label === 'string' ? r.label : undefined,
      tags: Array.isArray(r.tags) ? r.tags.filter((t): t is string => typeof t === 'string') : undefined,
      group: typeof r.group === 'string' ? r.group : undefined,
    };
  }
}

/** A map lookup that never finds Object.prototype's members ("constructor" is a valid tag). */
function own(map: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
