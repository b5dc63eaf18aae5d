/**
 * The best automation candidates and the order to roll them out in.
 *
 * A candidate is an intent. What Baton could answer alone is counted per ticket: tickets it
 * would automate today (the intent has a playbook), or, for an intent without one, tickets
 * whose only obstacle is the missing playbook. Candidates rank by volume × simplicity, where
 * simplicity is the share of the intent's tickets Baton could answer alone, times their mean
 * confidence (clear-cut messages are safer), halved when no playbook exists yet (one must be
 * written and proven in shadow first). Savings extrapolate the audited period to a week.
 */
import type { Policy } from '../../triage/index.js';
import { automatableWithPlaybook, HUMAN_INTENTS } from './buckets.js';
import type { ClassifiedRow } from './classify-rows.js';

export interface SavingsAssumptions {
  /** Agent minutes one automated ticket saves (reading, answering, closing). */
  minutesPerTicket: number;
  /** Days the audited tickets cover; savings per week scale by 7 / periodDays. */
  periodDays: number;
}

export interface Candidate {
  rank: number;
  intent: string;
  /** Tickets of the intent in the audit. */
  tickets: number;
  /** Of those, tickets Baton could answer with no human. */
  automatable: number;
  /** Share of the intent's tickets Baton could answer alone × their mean confidence, halved without a playbook. */
  simplicity: number;
  meanConfidence: number;
  /** true: the policy has a playbook and marks the intent automatable; false: one must be written. */
  readyNow: boolean;
  ticketsPerWeek: number;
  agentHoursPerWeek: number;
}

export interface RolloutStep {
  step: number;
  intents: string[];
  mode: 'shadow' | 'live';
  when: string;
}

const MAX_CANDIDATES = 10;
/** An intent without a playbook counts half as simple: it must be written and proven first. */
const NO_PLAYBOOK_FACTOR = 0.5;
const round1 = (x: number) => Math.round(x * 10) / 10;

export function automationCandidates(policy: Policy, rows: ClassifiedRow[], assume: SavingsAssumptions): Candidate[] {
  const byIntent = new Map<string, ClassifiedRow[]>();
  for (const r of rows) byIntent.set(r.decision.intent, [...(byIntent.get(r.decision.intent) ?? []), r]);
  const perWeek = 7 / assume.periodDays;
  const scored = [...byIntent]
    .filter(([intent]) => !HUMAN_INTENTS.has(intent) && policy.intents[intent] !== undefined)
    .map(([intent, list]) => {
      const readyNow = policy.intents[intent]!.automatable;
      const ok = list.filter((r) => (readyNow ? r.decision.action === 'automate' : automatableWithPlaybook(policy, r.decision)));
      const meanConfidence = ok.length ? ok.reduce((s, r) => s + r.decision.confidence, 0) / ok.length : 0;
      const ticketsPerWeek = ok.length * perWeek;
      const simplicity = (ok.length / list.length) * meanConfidence * (readyNow ? 1 : NO_PLAYBOOK_FACTOR);
      return {
        intent,
        tickets: list.length,
        automatable: ok.length,
        simplicity: Math.round(simplicity * 1000) / 1000,
        meanConfidence: Math.round(meanConfidence * 1000) / 1000,
        readyNow,
        ticketsPerWeek: round1(ticketsPerWeek),
        agentHoursPerWeek: round1((ticketsPerWeek * assume.minutesPerTicket) / 60),
        score: list.length * simplicity,
      };
    })
    .filter((c) => c.automatable > 0)
    .sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent))
    .slice(0, MAX_CANDIDATES);
  return scored.map(({ score: _score, ...c }, i) => ({ rank: i + 1, ...c }));
}

/**
 * Shadow first, then live, intent by intent: the clearest high-volume intents first, so the
 * team learns to trust Baton on easy wins; intents that need a playbook come after theirs is
 * written and has run in shadow.
 */
export function rolloutOrder(candidates: Candidate[]): RolloutStep[] {
  const ready = candidates.filter((c) => c.readyNow);
  const first = ready.filter((c) => c.meanConfidence >= 0.9).slice(0, 3);
  const firstSet = new Set(first.map((c) => c.intent));
  const second = ready.filter((c) => !firstSet.has(c.intent));
  const later = candidates.filter((c) => !c.readyNow);
  const steps: Omit<RolloutStep, 'step'>[] = [];
  const wave = (list: Candidate[], label: string) => {
    if (list.length === 0) return;
    const intents = list.map((c) => c.intent);
    steps.push({ intents, mode: 'shadow', when: `${label}: run in shadow for a week; agents flag wrong answers in the sidebar` });
    steps.push({ intents, mode: 'live', when: 'when fewer than 1 in 20 shadow answers was flagged wrong (see `baton calibrate`)' });
  };
  wave(first.length ? first : second.slice(0, 3), 'first: the clearest, highest-volume intents');
  wave(first.length ? second : second.slice(3), 'next: the other intents Baton already has playbooks for');
  wave(later, 'then: intents that need a playbook written first');
  return steps.map((s, i) => ({ step: i + 1, ...s }));
}
