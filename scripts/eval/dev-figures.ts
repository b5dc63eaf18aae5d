/**
 * The four figures every dev set is judged by, plus calibration, from full triage decisions.
 * Exported on its own so that other checks (the multilingual one) compute the same figures
 * the same way: pass the items and a Triage, get the figures.
 *
 *  - must-escalate handed off: must_escalate items whose decision is a handoff;
 *  - automated answers that were right: automated decisions on automate_candidate items
 *    whose intent is the gold intent, over all automated decisions;
 *  - automatable messages automated: automate_candidate items automated with the right intent;
 *  - out-of-scope messages automated: the set's own out-of-scope items that were automated.
 */
import type { Action, Triage } from '../../connector/src/triage/types.js';
import { expectedCalibrationError, type CalibrationReport } from '../../connector/src/triage/model/calibration.js';
import type { DevItem } from './dev-sets.js';
import { evalInput } from './metrics.js';

export interface DevScored extends DevItem {
  predicted: string;
  confidence: number;
  action: Action;
  reasons: string[];
  /** The language triage read the message in. */
  language: string;
}

export interface Fraction {
  hit: number;
  of: number;
  /** null when `of` is 0. */
  rate: number | null;
}

export interface DevFigures {
  n: number;
  mustEscalateHandedOff: Fraction;
  automatedRight: Fraction;
  automatableAutomated: Fraction;
  outOfScopeAutomated: Fraction;
  calibration: CalibrationReport;
}

const frac = (hit: number, of: number): Fraction => ({ hit, of, rate: of === 0 ? null : hit / of });

export async function scoreDevItems(items: DevItem[], triage: Triage): Promise<DevScored[]> {
  const out: DevScored[] = [];
  for (let i = 0; i < items.length; i++) {
    const d = await triage.decide(evalInput(items[i]!.text, i));
    out.push({ ...items[i]!, predicted: d.intent, confidence: d.confidence, action: d.action, reasons: d.reasons.map((r) => r.code), language: d.language });
  }
  return out;
}

const rightAnswer = (s: DevScored) => s.action === 'automate' && s.decision === 'automate_candidate' && s.predicted === s.intent;

export function devFigures(scored: DevScored[]): DevFigures {
  const must = scored.filter((s) => s.decision === 'must_escalate');
  const automated = scored.filter((s) => s.action === 'automate');
  const automatable = scored.filter((s) => s.decision === 'automate_candidate');
  const oos = scored.filter((s) => s.outOfScope);
  return {
    n: scored.length,
    mustEscalateHandedOff: frac(must.filter((s) => s.action === 'handoff').length, must.length),
    automatedRight: frac(automated.filter(rightAnswer).length, automated.length),
    automatableAutomated: frac(automatable.filter(rightAnswer).length, automatable.length),
    outOfScopeAutomated: frac(oos.filter((s) => s.action === 'automate').length, oos.length),
    calibration: expectedCalibrationError(scored.map((s) => ({ confidence: s.confidence, correct: s.predicted === s.intent }))),
  };
}

/** The same decisions judged by the set's own labels, undoing the review of single texts (text-review.yaml). */
export function withDatasetLabels(scored: DevScored[]): DevScored[] {
  return scored.map((s) => (s.datasetLabel ? { ...s, ...s.datasetLabel } : s));
}
