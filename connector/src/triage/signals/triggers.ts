/**
 * Keyword and phrase triggers from the policy, matched on tokens (inflections via stems,
 * one typo on long words, listed misspellings) and with a sense of negation, so that
 * "I'm not cancelling" and "I don't want a refund" do not escalate while
 * "I can't cancel" and "I still haven't got my refund" do.
 */
import type { Priority } from '../types.js';
import type { Policy } from '../policy/schema.js';
import { compilePattern, PatternIndex } from '../text/patterns.js';
import type { Token } from '../text/tokens.js';

export interface TriggerHit {
  /** Trigger name from the policy, e.g. 'refund'. */
  name: string;
  team: string | null;
  priority: Priority;
  /** What the customer wrote, e.g. 'refunded' or "this isn't working". */
  matched: string;
  /** Set when the match was a forgiven typo, e.g. 'frustrated' for "frustrtaed". */
  typoOf?: string;
  /** Set when the match was one of the trigger's listed misspellings ("cancle"). */
  listedMisspelling?: boolean;
}

interface TriggerEntry {
  name: string;
  team: string | null;
  priority: Priority;
  negatable: boolean;
  /** Position of the trigger in the policy: hits are reported in policy order. */
  order: number;
  /** For single-word patterns: the policy word, to name a forgiven typo. */
  word?: string;
  variant?: boolean;
}

/**
 * Words that may stand between a negation and the trigger without breaking it:
 * "not [going to] cancel", "don't [want a] refund", "never [asked for any] refund".
 * Anything else in between ("didn't [get my] refund") means the negation is about
 * something else, and the trigger fires.
 */
const TRANSPARENT = new Set(
  'i me my we us our you your it this that the a an any to for be is am are go going gonna want wish need plan intend '
    .concat('look looking try trying ask asking request requesting interest interested in about think thinking of ')
    .concat('consid consider considering realli really actual actually do did will would account subscription order membership')
    .split(' '),
);
/** "can't cancel" / "couldn't cancel" are about inability, not refusal: they still fire. */
const INABILITY = new Set(['can', 'could']);
const NEGATION_WINDOW = 6;
/** "refund not needed", "no refund necessary". */
const NOT_NEEDED = new Set(['need', 'necessari', 'requir']);

const compiledByPolicy = new WeakMap<Policy, PatternIndex<TriggerEntry>>();

function compileTriggers(policy: Policy): PatternIndex<TriggerEntry> {
  let index = compiledByPolicy.get(policy);
  if (index) return index;
  index = new PatternIndex<TriggerEntry>();
  const fuzzyMinLength = policy.matching.typo_min_length;
  Object.entries(policy.triggers).forEach(([name, rule], order) => {
    const base = { name, team: rule.team, priority: rule.priority, negatable: rule.negatable, order };
    for (const word of rule.words) index!.add(compilePattern(word, { fuzzyMinLength }), { ...base, word });
    for (const src of rule.variants) index!.add(compilePattern(src), { ...base, variant: true });
    for (const src of rule.phrases) index!.add(compilePattern(src), base);
  });
  compiledByPolicy.set(policy, index);
  return index;
}

/** True when the words before tokens[start] (or right after `end`) negate the match. */
export function isNegated(tokens: Token[], start: number, end: number): boolean {
  const after = tokens.slice(end, end + 2).map((t) => t.stem);
  if (after[0] === 'not' && NOT_NEEDED.has(after[1] ?? '')) return true; // "refund not needed"
  for (let j = start - 1, seen = 0; j >= 0 && seen < NEGATION_WINDOW; j--, seen++) {
    if (tokens[j + 1]!.afterBreak) return false; // negation does not cross . , ; ! ? or a line break
    const w = tokens[j]!.word;
    if (w === 'not' || w === 'never' || w === 'without') {
      return !(w === 'not' && INABILITY.has(tokens[j - 1]?.word ?? ''));
    }
    if (w === 'no') {
      const next = tokens[j + 1]!.stem;
      // "no longer want to cancel", "no need to cancel", "no refund needed"; not "still no refund".
      return next === 'longer' || next === 'need' || (j === start - 1 && NOT_NEEDED.has(after[0] ?? ''));
    }
    if (w === 'longer' && tokens[j - 1]?.word === 'no') return true;
    if (!TRANSPARENT.has(w) && !TRANSPARENT.has(tokens[j]!.stem)) return false;
  }
  return false;
}

/** Triggers that fire on these tokens: the first non-negated match of each, in policy order. */
export function findTriggers(policy: Policy, tokens: Token[]): TriggerHit[] {
  const first = new Map<string, { hit: TriggerHit; order: number }>();
  for (const m of compileTriggers(policy).scan(tokens)) {
    const t = m.payload;
    if (first.has(t.name)) continue;
    if (t.negatable && isNegated(tokens, m.start, m.end)) continue;
    const single = m.end - m.start === 1;
    const matched = single ? tokens[m.start]!.word : m.pattern.source;
    const hit: TriggerHit = { name: t.name, team: t.team, priority: t.priority, matched };
    const slot = m.pattern.slots[0];
    if (t.word && slot?.kind === 'word' && !slot.stems.has(tokens[m.start]!.stem)) hit.typoOf = t.word;
    if (t.variant) hit.listedMisspelling = true;
    first.set(t.name, { hit, order: t.order });
  }
  return [...first.values()].sort((a, b) => a.order - b.order).map((x) => x.hit);
}

/** Words for an agent: keyword 'refund', phrase "this isn't working", keyword 'frustrtaed' (typo of 'frustrated'). */
export function describeTrigger(hit: TriggerHit): string {
  if (hit.typoOf) return `keyword '${hit.matched}' (typo of '${hit.typoOf}')`;
  if (hit.listedMisspelling) return `keyword '${hit.matched}' (misspelt ${hit.name})`;
  return hit.matched.includes(' ') ? `phrase "${hit.matched}"` : `keyword '${hit.matched}'`;
}
