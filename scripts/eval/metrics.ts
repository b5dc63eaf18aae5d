/**
 * Evaluation metrics over full triage decisions: accuracy per intent, confusion matrix,
 * calibration (ECE), the automation trade-off as the threshold moves, and recall of
 * messages that must reach a human.
 */
import type { Policy } from '../../connector/src/triage/policy/schema.js';
import type { Action, Triage, TriageInput } from '../../connector/src/triage/types.js';
import { expectedCalibrationError, type CalibrationReport } from '../../connector/src/triage/model/calibration.js';

export const MUST_ESCALATE = ['complaint', 'human_request', 'legal_privacy_security', 'refund_request', 'cancellation'];

export interface EvalItem {
  text: string;
  gold: string;
}

export interface Scored {
  text: string;
  gold: string;
  predicted: string;
  confidence: number;
  /** Action under the policy as shipped. */
  action: Action;
  /** Action with every confidence threshold at 0: what the other rules alone decide. */
  ungatedAction: Action;
}

export interface TradeoffPoint {
  threshold: number;
  /** Share of messages whose true intent is automatable that get automated. */
  coverage: number;
  /** Share of automated decisions whose intent is right. */
  precision: number | null;
  automated: number;
}

export interface DatasetMetrics {
  n: number;
  accuracy: number;
  perIntent: { intent: string; count: number; accuracy: number }[];
  confusion: { labels: string[]; matrix: number[][] };
  calibration: CalibrationReport;
  tradeoff: TradeoffPoint[];
  atPolicy: { coverage: number; precision: number | null; automated: number; automatableMessages: number };
  mustEscalate: { count: number; recall: number | null; missed: Scored[] };
}

/** The same policy with every confidence threshold at 0. */
export function ungated(policy: Policy): Policy {
  const p = structuredClone(policy);
  p.defaults.threshold = 0;
  for (const rule of Object.values(p.intents)) rule.threshold = 0;
  return p;
}

export function evalInput(text: string, i: number): TriageInput {
  return {
    tenantId: 'eval',
    ticketId: `eval-${i}`,
    subject: '',
    message: text,
    history: [],
    customer: { id: 'eval', name: 'Eval Customer', tags: [] },
    ticket: { aiMessageCount: 0, state: 'new' },
    channel: 'email',
    now: new Date('2025-01-01T12:00:00Z'),
  };
}

export async function scoreItems(items: EvalItem[], real: Triage, open: Triage): Promise<Scored[]> {
  const out: Scored[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const d = await real.decide(evalInput(it.text, i));
    const u = await open.decide(evalInput(it.text, i));
    out.push({ text: it.text, gold: it.gold, predicted: d.intent, confidence: d.confidence, action: d.action, ungatedAction: u.action });
  }
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function tradeoffAt(scored: Scored[], policy: Policy, t: number): TradeoffPoint {
  const automatableGold = scored.filter((s) => policy.intents[s.gold]?.automatable);
  const automated = scored.filter((s) => s.ungatedAction === 'automate' && s.confidence >= t);
  const right = automated.filter((s) => s.predicted === s.gold).length;
  const covered = automatableGold.filter((s) => s.ungatedAction === 'automate' && s.confidence >= t).length;
  return {
    threshold: t,
    coverage: ratio(covered, automatableGold.length),
    precision: automated.length ? right / automated.length : null,
    automated: automated.length,
  };
}

export function computeMetrics(scored: Scored[], policy: Policy, intents: string[]): DatasetMetrics {
  const labels = [...intents];
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const s of scored) {
    const g = index.get(s.gold);
    const p = index.get(s.predicted);
    if (g !== undefined && p !== undefined) matrix[g]![p]!++;
  }
  const perIntent = labels
    .map((intent) => {
      const rows = scored.filter((s) => s.gold === intent);
      return { intent, count: rows.length, accuracy: ratio(rows.filter((s) => s.predicted === intent).length, rows.length) };
    })
    .filter((r) => r.count > 0);
  const thresholds = Array.from({ length: 50 }, (_, i) => Math.round((0.5 + i * 0.01) * 100) / 100);
  const automatableGold = scored.filter((s) => policy.intents[s.gold]?.automatable);
  const automated = scored.filter((s) => s.action === 'automate');
  const must = scored.filter((s) => MUST_ESCALATE.includes(s.gold));
  const missed = must.filter((s) => s.action !== 'handoff');
  return {
    n: scored.length,
    accuracy: ratio(scored.filter((s) => s.predicted === s.gold).length, scored.length),
    perIntent,
    confusion: { labels, matrix },
    calibration: expectedCalibrationError(scored.map((s) => ({ confidence: s.confidence, correct: s.predicted === s.gold }))),
    tradeoff: thresholds.map((t) => tradeoffAt(scored, policy, t)),
    atPolicy: {
      coverage: ratio(automatableGold.filter((s) => s.action === 'automate').length, automatableGold.length),
      precision: automated.length ? ratio(automated.filter((s) => s.predicted === s.gold).length, automated.length) : null,
      automated: automated.length,
      automatableMessages: automatableGold.length,
    },
    mustEscalate: { count: must.length, recall: must.length ? 1 - missed.length / must.length : null, missed },
  };
}
