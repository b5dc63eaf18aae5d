/**
 * Answerability: can the intent's automated reply serve this message? Declared per intent in
 * the policy (intents.<name>.answerable): the message must match one of `needs` (when given)
 * and none of `unless`. The billing reply (invoice copies, payment methods) matches "billing"
 * on "why was my card declined" too; this gate is what keeps it from being sent there.
 */
import type { AnswerablePolicy } from '../policy/schema.js';
import { compilePattern, PatternIndex } from '../text/patterns.js';
import type { Token } from '../text/tokens.js';

export type Answerability = { answerable: true } | { answerable: false; why: string };

interface Compiled {
  needs: PatternIndex<string>;
  unless: PatternIndex<string>;
}

const compiled = new WeakMap<AnswerablePolicy, Compiled>();

function compileRule(rule: AnswerablePolicy, typoMinLength: number): Compiled {
  let c = compiled.get(rule);
  if (!c) {
    // `needs` forgives one typo on long words like triggers do ("pasword"); `unless` does not,
    // so that a near-miss never blocks an answer it should not.
    const index = (sources: string[], fuzzyMinLength = 0) => sources.reduce((i, src) => i.add(compilePattern(src, { fuzzyMinLength }), src), new PatternIndex<string>());
    c = { needs: index(rule.needs, typoMinLength), unless: index(rule.unless) };
    compiled.set(rule, c);
  }
  return c;
}

const words = (tokens: Token[], start: number, end: number) => tokens.slice(start, end).map((t) => t.word).join(' ');

export function readAnswerability(rule: AnswerablePolicy | undefined, tokens: Token[], typoMinLength = 0): Answerability {
  if (!rule) return { answerable: true };
  const c = compileRule(rule, typoMinLength);
  const blocked = c.unless.scan(tokens)[0];
  if (blocked) return { answerable: false, why: `the message is about "${words(tokens, blocked.start, blocked.end)}"; the reply only serves ${rule.serves}` };
  if (rule.needs.length > 0 && c.needs.scan(tokens).length === 0) return { answerable: false, why: `the reply only serves ${rule.serves}, and the message names none of it` };
  return { answerable: true };
}
