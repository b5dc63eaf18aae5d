import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { describeTrigger, findTriggers } from '../../connector/src/triage/signals/triggers.js';
import { tokenize } from '../../connector/src/triage/text/tokens.js';
import { withinOneEdit } from '../../connector/src/triage/text/patterns.js';

const policy = loadPolicy();
const fired = (text: string) => findTriggers(policy, tokenize(text)).map((h) => h.name);

describe('keyword triggers', () => {
  it.each(['cancel', 'cancels', 'cancelled', 'canceled', 'canceling', 'cancelling', 'cancellation', 'Cancellations'])(
    'fires cancel on the inflection "%s"',
    (word) => {
      expect(fired(`I need the ${word} sorted today`)).toContain('cancel');
    },
  );

  it.each(['scancel', 'concealed', 'cancer', 'cancan', 'precancel'])('does not fire cancel on "%s" (no substring matches)', (word) => {
    expect(fired(`the ${word} thing`)).not.toContain('cancel');
  });

  it('tells a product word from the same stem: a POS terminal is not a termination', () => {
    expect(fired('My POS terminal will not print receipts since the update')).not.toContain('cancel');
    expect(fired('Please terminate my subscription at the end of the month')).toContain('cancel');
    expect(fired('we want to terminate the contract')).toContain('cancel');
  });

  it.each([
    ["I'm not cancelling, just asking about invoices", 'cancel'],
    ["I don't want a refund, I want the right size", 'refund'],
    ['We are no longer looking to cancel', 'cancel'],
    ['refund not needed, thanks', 'refund'],
    ['I do not want to cancel my subscription', 'cancel'],
    ['I am not frustrated at all', 'frustrated'],
  ])('respects negation: "%s" does not fire %s', (text, trigger) => {
    expect(fired(text)).not.toContain(trigger);
  });

  it.each([
    ["Why can't I cancel my plan?", 'cancel'],
    ["I still haven't received my refund", 'refund'],
    ["I didn't get the refund you promised", 'refund'],
    ["I'm not happy. I want a refund.", 'refund'],
    ["I don't want to involve a lawyer but I will", 'lawyer'],
  ])('still fires when the negation is about something else: "%s" fires %s', (text, trigger) => {
    expect(fired(text)).toContain(trigger);
  });

  it.each([
    ['I am so frustrtaed with this', 'frustrated', 'frustrated'],
    ['we will file a lawsiut', 'lawsuit', 'lawsuit'],
    ['this is terrrible service', 'terrible', 'terrible'],
  ])('forgives one typo on long words: "%s"', (text, trigger, typoOf) => {
    const hit = findTriggers(policy, tokenize(text)).find((h) => h.name === trigger);
    expect(hit?.typoOf).toBe(typoOf);
    expect(describeTrigger(hit!)).toMatch(/\(typo of '/);
  });

  it('matches listed misspellings of short words exactly', () => {
    expect(fired('pls cancle my acount')).toContain('cancel');
    const [listed] = findTriggers(policy, tokenize('I am frustated'));
    expect(describeTrigger(listed!)).toBe("keyword 'frustated' (misspelt frustrated)");
    expect(fired('I want a refnd')).toContain('refund');
    expect(fired('I want a refind')).not.toContain('refund'); // not listed, word too short for typo forgiveness
  });

  it('matches phrases across contractions, spelling without apostrophes and case', () => {
    expect(fired("This isn't working!!")).toContain('not_working');
    expect(fired('THIS IS NOT WORKING')).toContain('not_working');
    expect(fired("I've tried that already")).toContain('tried_already');
    expect(fired('ive tried that already twice')).toContain('tried_already');
    expect(fired('I already tried everything you said')).toContain('tried_already');
    expect(fired('I tried it and it works now')).not.toContain('tried_already');
  });

  it('fires the legal and security triggers with their team and priority', () => {
    const hits = findTriggers(policy, tokenize('My attorney says this is fraud. Also GDPR.'));
    expect(hits.map((h) => [h.name, h.team, h.priority])).toEqual([
      ['lawyer', 'trust_safety', 'urgent'],
      ['gdpr', 'trust_safety', 'high'],
      ['scam', 'trust_safety', 'high'],
    ]);
    expect(fired('Urgent: chargeback filed with my bank')).toEqual(expect.arrayContaining(['chargeback', 'urgent']));
  });

  it('describes hits in words an agent understands', () => {
    const [hit] = findTriggers(policy, tokenize('I was refunded the wrong amount'));
    expect(describeTrigger(hit!)).toBe("keyword 'refunded'");
    const [phrase] = findTriggers(policy, tokenize("honestly this isn't working"));
    expect(describeTrigger(phrase!)).toBe('phrase "this isn\'t working"');
  });
});

describe('edit distance', () => {
  it('accepts one insertion, deletion, substitution or swap and nothing more', () => {
    expect(withinOneEdit('frustrat', 'frustat')).toBe(true);
    expect(withinOneEdit('lawsuit', 'lawsiut')).toBe(true);
    expect(withinOneEdit('terribl', 'terribel')).toBe(true);
    expect(withinOneEdit('terribl', 'tarribel')).toBe(false);
    expect(withinOneEdit('cancel', 'conceal')).toBe(false);
  });
});
