/**
 * Failure classes 1-3 of issue 11, each from its description (phrasings written for this
 * test, none in connector/corpus):
 *  1. catch-all intents: anything about money read as billing_question and answered with the
 *     billing template;
 *  2. overconfidence off home ground: a message about something the corpus never covered gets
 *     a high score for its nearest intent;
 *  3. answers that don't answer: the intent matched, but its reply cannot serve the message.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy } from '../../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { ticketInput } from './helpers.js';

const policy = loadPolicy();
const local = createLocalTriage(policy);
const decide = (text: string) => local.decide(ticketInput(text));
const codes = async (text: string) => (await decide(text)).reasons.map((r) => r.code);

describe('catch-all intents (class 1)', () => {
  it.each([
    'why did my card get declined when I tried to pay?',
    'the payment failed three times at checkout',
    'what is the interest rate on the overdue balance',
    'I want to pay the electricity bill from my savings',
  ])('does not answer "%s" with the billing template', async (text) => {
    const d = await decide(text);
    expect(d.action).toBe('handoff');
  });

  it('still answers what the billing reply does answer', async () => {
    for (const text of ['Where can I download the invoice for last month?', 'Which payment methods can I use?']) {
      const d = await decide(text);
      expect(d, text).toMatchObject({ action: 'automate', intent: 'billing_question' });
    }
  });
});

describe('overconfidence off home ground (class 2)', () => {
  it.each([
    'How do I descale my espresso machine?',
    'What time does the pharmacy on Main Street close?',
    'how do I bleed the radiators in the spare room',
    'Could you book a table for six at an Italian place on Friday?',
  ])('hands off "%s" instead of answering it', async (text) => {
    const d = await decide(text);
    expect(d.action).toBe('handoff');
    // Either the model reads it as other, or the in-scope gate holds the nearest intent back.
    if (policy.intents[d.intent]?.automatable) expect(d.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['out_of_scope']));
  });

  it('lowers confidence on an unfamiliar message compared with a familiar one of the same shape', async () => {
    const familiar = await decide('How do I export my contacts to a spreadsheet?');
    const unfamiliar = await decide('How do I descale my espresso machine?');
    expect(familiar.action).toBe('automate');
    // The decision's confidence for an automatable intent must not stay at the familiar level.
    const automatableConfidence = policy.intents[unfamiliar.intent]?.automatable && !unfamiliar.reasons.some((r) => r.code === 'out_of_scope') ? unfamiliar.confidence : 0;
    expect(automatableConfidence).toBeLessThan(familiar.confidence);
  });

  it('says why a message is out of scope, and the gate can be switched off in the policy', async () => {
    const text = 'how do I make a carbonara sauce';
    const d = await decide(text);
    const reason = d.reasons.find((r) => r.code === 'out_of_scope');
    if (reason) expect(reason.text).toMatch(/of its words speak for/);
    const raw = structuredClone(policy) as unknown as { abstention: { enabled: boolean } };
    raw.abstention.enabled = false;
    const open = createLocalTriage(parsePolicy(raw));
    expect((await open.decide(ticketInput(text))).reasons.map((r) => r.code)).not.toContain('out_of_scope');
  });
});

describe('answers that do not answer (class 3)', () => {
  it('hands off as not_answerable when the intent matched but its reply cannot serve the message', async () => {
    expect(await codes('my bank card PIN needs changing, how do I reset it')).toEqual(expect.arrayContaining(['not_answerable']));
    expect(await codes('The invoice total is wrong, you added a fee I never agreed to')).not.toContain('automatable_confident');
  });

  it('keeps answering the messages each reply is written for', async () => {
    for (const [text, intent] of [
      ['I forgot my password and need a new one', 'password_reset'],
      ['Where is my parcel? Order 55123 has not moved', 'order_status'],
      ['Can I get a copy of my receipt from June?', 'billing_question'],
    ] as const) {
      const d = await decide(text);
      expect(d, text).toMatchObject({ action: 'automate', intent });
    }
  });

  it('rejects a policy whose answerability gate has no pattern, naming the key', () => {
    const raw = structuredClone(policy) as unknown as { intents: Record<string, { answerable?: unknown }> };
    raw.intents.billing_question!.answerable = { serves: 'invoices' };
    expect(() => parsePolicy(raw)).toThrow(/policy\.intents\.billing_question\.answerable: expected at least one pattern/);
  });
});
