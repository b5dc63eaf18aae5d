/**
 * The audit's three buckets, from a decision's reasons:
 *  - full: Baton would answer (or rightly ignore, e.g. an auto-reply) with no human;
 *  - partial: a human must finish, but only because of things automation can narrow: the
 *    model was not sure enough on an automatable intent (a draft for an agent to approve), the
 *    intent has no playbook yet (Baton still routes, tags and summarises), or a keyword trigger
 *    that merely restates the intent (the word "refund" in a refund request);
 *  - human: something needs a person's judgement: anger, threats, legal words, a VIP, an
 *    unreadable language, an attempt to instruct the AI, or an intent people should own.
 */
import type { Policy } from '../../triage/index.js';
import { INFO_REASON_CODES } from '../reason-codes.js';
import type { AuditDecision } from './classify-rows.js';

export type Bucket = 'full' | 'partial' | 'human';
export const BUCKETS: Bucket[] = ['full', 'partial', 'human'];
export const BUCKET_LABELS: Record<Bucket, string> = {
  full: 'Fully automatable',
  partial: 'Partially automatable',
  human: 'Human required',
};

/** Intents whose whole point is a person: no playbook should answer them. */
export const HUMAN_INTENTS = new Set(['complaint', 'human_request', 'legal_privacy_security', 'other']);


/** Codes of the reasons that, on their own, would still send the ticket to a human. */
export function blockers(policy: Policy, d: AuditDecision): { soft: string[]; hard: string[] } {
  const soft: string[] = [];
  const hard: string[] = [];
  const intentTeam = policy.intents[d.intent]?.team;
  for (const { code } of d.reasons) {
    if (INFO_REASON_CODES.has(code)) continue;
    if (code === 'low_confidence') soft.push(code);
    else if (code === 'intent_not_automated') (HUMAN_INTENTS.has(d.intent) ? hard : soft).push(code);
    else if (code.startsWith('trigger_')) {
      const rule = policy.triggers[code.slice('trigger_'.length)];
      const restatesIntent = rule !== undefined && rule.team !== null && rule.team === intentTeam && rule.priority !== 'urgent';
      (restatesIntent ? soft : hard).push(code);
    } else hard.push(code);
  }
  return { soft, hard };
}

export function bucketOf(policy: Policy, d: AuditDecision): Bucket {
  if (d.action !== 'handoff') return 'full';
  return blockers(policy, d).hard.length === 0 ? 'partial' : 'human';
}

/**
 * Whether a playbook alone would let Baton answer this ticket: nothing blocks it but the
 * missing playbook, and the model is as sure as the intent's threshold asks.
 */
export function automatableWithPlaybook(policy: Policy, d: AuditDecision): boolean {
  if (d.action !== 'handoff' || HUMAN_INTENTS.has(d.intent)) return false;
  const rule = policy.intents[d.intent];
  if (!rule || rule.automatable) return false;
  const threshold = rule.threshold ?? policy.defaults.threshold;
  const codes = d.reasons.map((r) => r.code).filter((c) => !INFO_REASON_CODES.has(c));
  return codes.length === 1 && codes[0] === 'intent_not_automated' && d.confidence >= threshold;
}
