/**
 * Complaint detection, a signal of its own. A general sentiment lexicon finds about half of
 * the short complaints customers send, because many carry no feeling word at all:
 *   - sarcastic praise for a failure ("Great, another update and nothing loads");
 *   - a late, broken or missing thing stated as plain fact ("The jug arrived cracked");
 *   - a complaint put as a question ("How hard is it to deliver to the right address?");
 *   - a threat to take the business elsewhere ("I'm moving to another provider").
 * The cues live in the policy (complaint), matched like triggers and negation-aware
 * ("the parcel wasn't damaged" is no complaint). A complaint always reaches a person.
 */
import type { Policy } from '../policy/schema.js';
import { compilePattern, PatternIndex } from '../text/patterns.js';
import { holdsNegation, negatedMatch } from '../text/negation.js';
import type { Token } from '../text/tokens.js';

export type ComplaintKind = 'sarcastic_praise' | 'failure_stated' | 'complaint_question' | 'churn_threat';

export interface ComplaintHit {
  kind: ComplaintKind;
  /** The customer's words that matched (for sarcasm: the praise and the failure). */
  matched: string;
}

interface Cue {
  kind: ComplaintKind | 'praise' | 'failure';
  holdsNegation: boolean;
}

const compiled = new WeakMap<Policy, PatternIndex<Cue>>();
/** How many words apart a praise and a failure may be to read as one sarcastic remark. */
const SARCASM_REACH = 10;

function compileCues(policy: Policy): PatternIndex<Cue> {
  let index = compiled.get(policy);
  if (index) return index;
  index = new PatternIndex<Cue>();
  const c = policy.complaint;
  if (c) {
    const add = (kind: Cue['kind'], sources: string[]) => {
      for (const src of sources) index!.add(compilePattern(src), { kind, holdsNegation: holdsNegation(src) });
    };
    add('failure_stated', c.failure_stated);
    add('complaint_question', c.complaint_question);
    add('churn_threat', c.churn_threat);
    add('praise', c.sarcasm.praise);
    add('failure', c.sarcasm.failure);
  }
  compiled.set(policy, index);
  return index;
}

const words = (tokens: Token[], start: number, end: number) => tokens.slice(start, end).map((t) => t.word).join(' ');

/** The first complaint cue in the message, or null. */
export function findComplaint(policy: Policy, tokens: Token[]): ComplaintHit | null {
  if (!policy.complaint) return null;
  const praise: { at: number; words: string }[] = [];
  const failure: { at: number; words: string }[] = [];
  for (const m of compileCues(policy).scan(tokens)) {
    const cue = m.payload;
    if (negatedMatch(tokens, m.start, m.end, cue.holdsNegation)) continue;
    const matched = words(tokens, m.start, m.end);
    if (cue.kind === 'praise') praise.push({ at: m.start, words: matched });
    else if (cue.kind === 'failure') failure.push({ at: m.start, words: matched });
    else return { kind: cue.kind, matched };
  }
  // Praise alone is praise; praise right next to a failure is sarcasm. Far apart (a long
  // e-mail that says "nice" in one paragraph and "expired" in another) they are neither.
  for (const p of praise) {
    const f = failure.find((x) => Math.abs(x.at - p.at) <= SARCASM_REACH);
    if (f) return { kind: 'sarcastic_praise', matched: `${p.words} … ${f.words}` };
  }
  return null;
}
