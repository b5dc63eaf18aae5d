/**
 * The automated answers that were still wrong after abstention and answerability landed, one
 * general cause each (phrasings written for this test, none in connector/corpus):
 *  - a short how-to about a thing the product never mentions ("how do I knit a scarf"): the
 *    frame "how do I" speaks for how_to, the topic speaks for nothing the model learned;
 *  - a gate word that matches a common word by its stem ("ups", the carrier, stems to "up");
 *  - asking Baton to place a new order read as the status of one;
 *  - a lockout at a bank, which is that bank's to lift;
 *  - settling or taking care of a bill, which is paying it.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy } from '../../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { readAnswerability } from '../../connector/src/triage/signals/answerable.js';
import { tokenize } from '../../connector/src/triage/text/tokens.js';
import { ticketInput } from './helpers.js';

const policy = loadPolicy();
const local = createLocalTriage(policy);
const decide = (text: string) => local.decide(ticketInput(text));
const answerable = (intent: string, text: string) =>
  readAnswerability(policy.intents[intent]!.answerable, tokenize(text), policy.matching.typo_min_length).answerable;

describe('a short how-to about something the product never mentions', () => {
  it.each(['how do I knit a scarf', 'how to pickle gherkins', 'set up snorkel mode', 'how do I make kimchi'])('hands off "%s"', async (text) => {
    const d = await decide(text);
    expect(d.action).toBe('handoff');
    if (d.intent === 'how_to') expect(d.reasons.map((r) => r.code)).toContain('out_of_scope');
  });

  it('still answers short how-tos about the product', async () => {
    for (const text of ['how do I export my contacts', 'how do I add a user']) {
      expect(await decide(text), text).toMatchObject({ action: 'automate', intent: 'how_to' });
    }
  });

  it('hands off a short how-to whose topic the model learned only for other intents', async () => {
    // "phone" is a known word (two-factor codes, lockouts) that says nothing for how_to: setting
    // up a customer's own device is an assistant's task, not a question about the product.
    const raw = structuredClone(policy) as unknown as { abstention: { unfamiliar_topic?: unknown } };
    delete raw.abstention.unfamiliar_topic;
    const open = createLocalTriage(parsePolicy(raw));
    for (const text of ['set up my phone', 'sync it with my watch']) {
      const d = await decide(text);
      expect(d.action, text).toBe('handoff');
      if (d.intent === 'how_to') expect(d.reasons.map((r) => r.code)).toContain('out_of_scope');
    }
    // Only this rule holds the first back: half its content words ("set up") speak for how_to.
    expect(await open.decide(ticketInput('set up my phone'))).toMatchObject({ action: 'automate', intent: 'how_to' });
  });

  it('reads a typo of a product word as that word, not as an unfamiliar topic', async () => {
    // "barcdoe" is "barcode" with two letters swapped.
    const d = await decide('how do i print barcdoe labels');
    expect(d.reasons.map((r) => r.code)).not.toContain('out_of_scope');
  });

  it('is the policy that decides: without unfamiliar_topic the check is off', async () => {
    const raw = structuredClone(policy) as unknown as { abstention: { unfamiliar_topic?: unknown } };
    delete raw.abstention.unfamiliar_topic;
    const open = createLocalTriage(parsePolicy(raw));
    // Half its content words ("make") speak for how_to, so only the unfamiliar topic holds it back.
    const text = 'how do I make kimchi';
    const d = await open.decide(ticketInput(text));
    expect(d.intent).toBe('how_to');
    expect(d.reasons.map((r) => r.code)).not.toContain('out_of_scope');
    expect((await decide(text)).action).toBe('handoff');
  });

  it('rejects an unknown intent in the check, naming the key', () => {
    const raw = structuredClone(policy) as unknown as { abstention: { unfamiliar_topic: { intents: string[] } } };
    raw.abstention.unfamiliar_topic.intents = ['how_to', 'recipes'];
    expect(() => parsePolicy(raw)).toThrow(/policy\.abstention\.unfamiliar_topic\.intents\.1: unknown intent "recipes"/);
  });
});

describe('answerability gates read what the message says, not what a stem collides with', () => {
  it('"look up" does not name a parcel', () => {
    expect(answerable('order_status', 'can you look up the progress of my transfer request')).toBe(false);
    expect(answerable('order_status', 'can you look up my parcel, it has not come')).toBe(true);
  });

  it('placing a new order is not the status of one', () => {
    expect(answerable('order_status', 'could you order two boxes of printer paper for me')).toBe(false);
    expect(answerable('order_status', 'I want to order a second keyboard')).toBe(false);
    expect(answerable('order_status', 'I ordered two boxes of paper last week, where are they?')).toBe(true);
  });

  it('a lockout at a bank is not ours to lift', () => {
    expect(answerable('account_locked', "my bank's app says I'm locked out")).toBe(false);
    // Nor at any other keeper of the customer's money, in any language.
    for (const text of [
      'I got locked out of my credit union app',
      'my brokerage login is blocked',
      'my card is frozen and the app locked me out',
      'la banca mi ha bloccato l’accesso',
      'mi tarjeta está bloqueada',
      'ich bin aus meinem Girokonto ausgesperrt',
      'mijn betaalpas is geblokkeerd',
    ]) {
      expect(answerable('account_locked', text), text).toBe(false);
    }
    expect(answerable('account_locked', 'I am locked out after too many attempts')).toBe(true);
  });

  it('settling a bill is paying it, which the billing reply does not do', () => {
    expect(answerable('billing_question', 'please help me settle my gas bill')).toBe(false);
    expect(answerable('billing_question', 'I need help to take care of the water bill')).toBe(false);
    expect(answerable('billing_question', 'can I get a copy of last month’s bill')).toBe(true);
  });
});
