/**
 * The money-at-risk and security net: unrecognised or double charges, disputes, lost or
 * stolen cards and phones, hacked accounts, fraud, money sent to the wrong place. Whatever
 * the model reads, a message that names one of these goes to a person. Phrases live in the
 * policy (safety_net), in every supported language; "word*" patterns carry the inflections
 * the English stemmer does not know (robada, gestohlene, rubati).
 *
 * Negation is read in every supported language, so "my card wasn't stolen, it's just
 * scratched" does not fire, while "I did not authorise this payment" (whose pattern holds
 * the negation itself) does. In doubt the net fires: a false alarm costs a human look.
 */
import type { Policy } from '../policy/schema.js';
import type { Priority } from '../types.js';
import { compilePattern, PatternIndex } from '../text/patterns.js';
import { holdsNegation, negatedMatch } from '../text/negation.js';
import type { Token } from '../text/tokens.js';

export interface SafetyNetHit {
  /** Risk name from the policy, e.g. 'lost_or_stolen'. */
  risk: string;
  team: string;
  priority: Priority;
  /** The customer's words that matched. */
  matched: string;
}

interface NetEntry {
  risk: string;
  team: string;
  negatable: boolean;
  /** The pattern itself holds a negation ("did not authorise"): only negations before it count. */
  holdsNegation: boolean;
  order: number;
}

const compiled = new WeakMap<Policy, PatternIndex<NetEntry>>();

function compileNet(policy: Policy): PatternIndex<NetEntry> {
  let index = compiled.get(policy);
  if (index) return index;
  index = new PatternIndex<NetEntry>();
  const net = policy.safety_net;
  Object.entries(net?.rules ?? {}).forEach(([risk, rule], order) => {
    for (const src of rule.phrases) {
      index!.add(compilePattern(src), { risk, team: rule.team ?? net!.team, negatable: rule.negatable, holdsNegation: holdsNegation(src), order });
    }
  });
  compiled.set(policy, index);
  return index;
}

/** Risks this message names: the first non-negated match of each, in policy order. */
export function findSafetyNet(policy: Policy, tokens: Token[]): SafetyNetHit[] {
  if (!policy.safety_net) return [];
  const first = new Map<string, { hit: SafetyNetHit; order: number }>();
  for (const m of compileNet(policy).scan(tokens)) {
    const e = m.payload;
    if (first.has(e.risk)) continue;
    if (e.negatable && negatedMatch(tokens, m.start, m.end, e.holdsNegation)) continue;
    const matched = tokens.slice(m.start, m.end).map((t) => t.word).join(' ');
    first.set(e.risk, { hit: { risk: e.risk, team: e.team, priority: policy.safety_net.priority, matched }, order: e.order });
  }
  return [...first.values()].sort((a, b) => a.order - b.order).map((x) => x.hit);
}
