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
import { compilePattern, foldAccents, PatternIndex } from '../text/patterns.js';
import type { Token } from '../text/tokens.js';

export interface SafetyNetHit {
  /** Risk name from the policy, e.g. 'lost_or_stolen'. */
  risk: string;
  team: string;
  priority: Priority;
  /** The customer's words that matched. */
  matched: string;
}

/** Words that negate what follows, in en, es, fr, de, pt, it, nl (compared without accents). */
const NEGATORS = new Set(
  ('not never no without neither nor ' + // en (contractions are already "not")
    'nunca sin jamas tampoco ' + // es (+ "no")
    'pas jamais sans ' + // fr ("ne ... pas": the "pas" sits next to the verb)
    'nicht kein keine keinen keiner keinem nie niemals ohne ' + // de
    'nao sem ' + // pt (+ "nunca")
    'non mai senza ' + // it
    'niet geen nooit zonder') // nl
    .split(' '),
);
/** How many words before the match a negation still reaches. */
const NEGATION_REACH = 3;

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
      const holdsNegation = src.split(/[\s|]+/).some((w) => NEGATORS.has(foldAccents(w.toLowerCase().replace(/\*$/, ''))));
      index!.add(compilePattern(src), { risk, team: rule.team ?? net!.team, negatable: rule.negatable, holdsNegation, order });
    }
  });
  compiled.set(policy, index);
  return index;
}

const isNegator = (t: Token) => NEGATORS.has(foldAccents(t.word));

/**
 * A negation within reach before the match (not across a clause break), or inside the
 * match's gaps ("card was not stolen") when the pattern holds none of its own.
 */
function negated(tokens: Token[], start: number, end: number, holdsNegation: boolean): boolean {
  for (let j = start - 1, seen = 0; j >= 0 && seen < NEGATION_REACH; j--, seen++) {
    if (tokens[j + 1]!.afterBreak) break;
    if (isNegator(tokens[j]!)) return true;
  }
  if (holdsNegation) return false;
  for (let j = start + 1; j < end - 1; j++) if (isNegator(tokens[j]!)) return true;
  return false;
}

/** Risks this message names: the first non-negated match of each, in policy order. */
export function findSafetyNet(policy: Policy, tokens: Token[]): SafetyNetHit[] {
  if (!policy.safety_net) return [];
  const first = new Map<string, { hit: SafetyNetHit; order: number }>();
  for (const m of compileNet(policy).scan(tokens)) {
    const e = m.payload;
    if (first.has(e.risk)) continue;
    if (e.negatable && negated(tokens, m.start, m.end, e.holdsNegation)) continue;
    const matched = tokens.slice(m.start, m.end).map((t) => t.word).join(' ');
    first.set(e.risk, { hit: { risk: e.risk, team: e.team, priority: policy.safety_net.priority, matched }, order: e.order });
  }
  return [...first.values()].sort((a, b) => a.order - b.order).map((x) => x.hit);
}
