/**
 * Per-intent error rates from agents' flags, and a threshold recommendation with its expected
 * effect on automation rate and precision.
 *
 *  - should_have_automated on a handoff: an escalation that was not needed (a false positive
 *    of escalation); wrong_answer on an automated answer: one that was needed (a false
 *    negative); wrong_team: the handoff went to the wrong people (a routing error, which no
 *    threshold fixes).
 *  - Raise the threshold when the automated answers' precision is below the target: to the
 *    lowest threshold whose precision reaches it.
 *  - Lower it when agents confirmed the escalations just below it: to the lowest threshold
 *    whose newly automated decisions, and all automated ones, keep the target precision.
 *  - Keep it without enough flags to go on.
 */
import type { Policy } from '../../triage/index.js';
import { blockingCodes } from '../reason-codes.js';
import { FLAG_KINDS, type FlagKind, type LabelledAttempt } from './labelled-attempts.js';
import { bandPrecision, movedByThreshold, simulate, type ThresholdOutcome } from './simulate.js';

export interface CalibrationOptions {
  /** Share of automated answers that must be right (default 0.95). */
  targetPrecision?: number;
  /** Flags on an intent's threshold-decided decisions needed before changing it (default 3). */
  minFlags?: number;
}

export type RecommendedAction = 'keep' | 'raise' | 'lower' | 'shadow';

export interface IntentCalibration {
  intent: string;
  automatable: boolean;
  decisions: number;
  automated: number;
  handedOff: number;
  flags: Record<FlagKind, number>;
  errorRates: {
    /** wrong_answer / automated */
    wrongAnswer: number | null;
    /** should_have_automated / handed off */
    unneededEscalation: number | null;
    /** wrong_team / handed off */
    wrongTeam: number | null;
  };
  /** should_have_automated flags on handoffs a threshold cannot change, by what blocked them. */
  notFixableByThreshold: Record<string, number>;
  currentThreshold: number;
  recommendation: { action: RecommendedAction; threshold: number; why: string; now: ThresholdOutcome; then: ThresholdOutcome };
}

export interface CalibrationReport {
  targetPrecision: number;
  minFlags: number;
  intents: IntentCalibration[];
  /** The threshold changes to write into the policy. */
  changes: { intent: string; from: number; to: number }[];
}

const GRID = Array.from({ length: 50 }, (_, i) => Math.round((0.5 + i * 0.01) * 100) / 100);
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));

function recommend(list: LabelledAttempt[], current: number, target: number, minFlags: number): IntentCalibration['recommendation'] {
  const now = simulate(list, current);
  const keep = (why: string) => ({ action: 'keep' as const, threshold: current, why, now, then: now });
  const evidence = list.filter((a) => movedByThreshold(a) && (a.flags.includes('wrong_answer') || (a.action === 'handoff' && a.flags.includes('should_have_automated')))).length;
  if (evidence < minFlags) return keep(`${evidence} flag(s) on threshold decisions; at least ${minFlags} needed to change it`);

  if (now.precision !== null && now.precision < target) {
    const raised = GRID.filter((t) => t > current).find((t) => {
      const p = simulate(list, t).precision;
      return p !== null && p >= target;
    });
    if (raised === undefined) {
      return { action: 'shadow', threshold: current, why: `precision ${fmt(now.precision)} is below ${fmt(target)} at every threshold: run this intent in shadow mode`, now, then: now };
    }
    const then = simulate(list, raised);
    return { action: 'raise', threshold: raised, why: `precision ${fmt(now.precision)} < target ${fmt(target)}; at ${fmt(raised)} it is ${fmt(then.precision)}`, now, then };
  }

  let lowered: number | undefined;
  for (const t of GRID.filter((x) => x < current).reverse()) {
    const band = bandPrecision(list, t, current);
    if (band.n === 0) continue;
    if (band.precision === null || band.precision < target) break; // agents did not confirm below here
    const all = simulate(list, t).precision;
    if (all !== null && all >= target) lowered = t;
  }
  if (lowered === undefined) return keep(`precision ${fmt(now.precision)} meets the target; no confirmed escalations below ${fmt(current)}`);
  const then = simulate(list, lowered);
  return { action: 'lower', threshold: lowered, why: `agents confirmed the escalations between ${fmt(lowered)} and ${fmt(current)} could have been automated`, now, then };
}

export function recommendThresholds(policy: Policy, attempts: LabelledAttempt[], opts: CalibrationOptions = {}): CalibrationReport {
  const target = opts.targetPrecision ?? 0.95;
  const minFlags = opts.minFlags ?? 3;
  const byIntent = new Map<string, LabelledAttempt[]>();
  for (const a of attempts) byIntent.set(a.intent, [...(byIntent.get(a.intent) ?? []), a]);
  const intents: IntentCalibration[] = [];
  for (const [intent, list] of [...byIntent].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    const rule = policy.intents[intent];
    const current = rule?.threshold ?? policy.defaults.threshold;
    const automated = list.filter((a) => a.action === 'automate');
    const handedOff = list.filter((a) => a.action === 'handoff');
    const count = (xs: LabelledAttempt[], k: FlagKind) => xs.filter((a) => a.flags.includes(k)).length;
    const flags = Object.fromEntries(FLAG_KINDS.map((k) => [k, count(list, k)])) as Record<FlagKind, number>;
    const notFixable: Record<string, number> = {};
    for (const a of handedOff.filter((x) => x.flags.includes('should_have_automated') && !movedByThreshold(x))) {
      for (const code of blockingCodes(a.reasons).filter((c) => c !== 'low_confidence')) notFixable[code] = (notFixable[code] ?? 0) + 1;
    }
    const now = simulate(list, current);
    intents.push({
      intent,
      automatable: rule?.automatable ?? false,
      decisions: list.length,
      automated: automated.length,
      handedOff: handedOff.length,
      flags,
      errorRates: {
        wrongAnswer: ratio(count(automated, 'wrong_answer'), automated.length),
        unneededEscalation: ratio(count(handedOff, 'should_have_automated'), handedOff.length),
        wrongTeam: ratio(count(handedOff, 'wrong_team'), handedOff.length),
      },
      notFixableByThreshold: notFixable,
      currentThreshold: current,
      recommendation: rule?.automatable
        ? recommend(list, current, target, minFlags)
        : { action: 'keep', threshold: current, why: 'not automatable in the policy: a threshold does not apply (write a playbook first)', now, then: now },
    });
  }
  const changes = intents
    .filter((i) => i.recommendation.action === 'raise' || i.recommendation.action === 'lower')
    .map((i) => ({ intent: i.intent, from: i.currentThreshold, to: i.recommendation.threshold }));
  return { targetPrecision: target, minFlags, intents, changes };
}
