/**
 * What an intent's threshold would have done to its recorded decisions. Only decisions the
 * threshold decided are moved: automated ones (they passed it) and handoffs whose only
 * obstacle was low confidence. A handoff for a keyword trigger or a VIP stays a handoff at
 * any threshold.
 *
 * Labels come from agents' flags, and unflagged decisions are read conservatively:
 *  - automated, flagged wrong_answer            → bad (should have been escalated)
 *  - automated, not flagged wrong               → good
 *  - low-confidence handoff, should_have_automated → good (could have been automated)
 *  - low-confidence handoff, not flagged        → bad if automated: no agent said it was safe
 * so a lower threshold is only ever recommended where agents confirmed it.
 */
import { blockingCodes } from '../reason-codes.js';
import type { LabelledAttempt } from './labelled-attempts.js';

export interface ThresholdOutcome {
  threshold: number;
  /** Decisions of the intent that would be automated. */
  automated: number;
  /** automated / all decisions of the intent. */
  automationRate: number | null;
  /** good / automated, by the labels above. */
  precision: number | null;
}

export function movedByThreshold(a: LabelledAttempt): boolean {
  if (a.action === 'automate') return true;
  const blocking = blockingCodes(a.reasons);
  return blocking.length === 1 && blocking[0] === 'low_confidence';
}

export function goodIfAutomated(a: LabelledAttempt): boolean {
  return a.action === 'automate' ? !a.flags.includes('wrong_answer') : a.flags.includes('should_have_automated');
}

/** `attempts` are one intent's decisions. */
export function simulate(attempts: LabelledAttempt[], threshold: number): ThresholdOutcome {
  const automated = attempts.filter((a) => movedByThreshold(a) && a.confidence >= threshold);
  const good = automated.filter(goodIfAutomated).length;
  return {
    threshold,
    automated: automated.length,
    automationRate: attempts.length ? automated.length / attempts.length : null,
    precision: automated.length ? good / automated.length : null,
  };
}

/** Precision of just the decisions a move from `a` to `b` would newly automate (or stop automating). */
export function bandPrecision(attempts: LabelledAttempt[], a: number, b: number): { n: number; precision: number | null } {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  const band = attempts.filter((x) => movedByThreshold(x) && x.confidence >= lo && x.confidence < hi);
  return { n: band.length, precision: band.length ? band.filter(goodIfAutomated).length / band.length : null };
}
