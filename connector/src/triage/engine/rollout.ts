/**
 * Rollout: each intent and each customer segment is off, shadow or live. The stricter of
 * the intent's mode and every matching segment's mode wins (off < shadow < live), so a
 * cautious segment can never be made riskier by a permissive intent, or the reverse.
 */
import type { Policy } from '../policy/schema.js';
import type { CustomerContext, RolloutMode } from '../types.js';

const STRICTNESS: Record<RolloutMode, number> = { off: 0, shadow: 1, live: 2 };

export interface RolloutReading {
  mode: RolloutMode;
  /** Words for the reason: "intent refund_request" or "segment trial_accounts". */
  because: string;
}

const anyOf = (wanted: string[] | undefined, have: string[]) =>
  wanted === undefined || wanted.some((w) => have.some((h) => h.toLowerCase() === w.toLowerCase()));

export function segmentMatches(
  policy: Policy,
  match: Policy['rollout']['segments'][number]['match'],
  customer: CustomerContext,
  vip: boolean,
): boolean {
  const org = customer.organization;
  const plan = org?.fields[policy.vip.fields.plan];
  return (
    anyOf(match.org_tags, org?.tags ?? []) &&
    anyOf(match.customer_tags, customer.tags) &&
    anyOf(match.plans, typeof plan === 'string' ? [plan] : []) &&
    (match.vip === undefined || match.vip === vip)
  );
}

export function rolloutMode(policy: Policy, intent: string, customer: CustomerContext, vip: boolean): RolloutReading {
  const explicit = policy.rollout.intents[intent];
  let best: RolloutReading = { mode: explicit ?? policy.rollout.default, because: explicit ? `intent ${intent}` : 'all intents (default)' };
  for (const seg of policy.rollout.segments) {
    if (!segmentMatches(policy, seg.match, customer, vip)) continue;
    if (STRICTNESS[seg.mode] < STRICTNESS[best.mode]) best = { mode: seg.mode, because: `segment ${seg.name}` };
  }
  return best;
}
