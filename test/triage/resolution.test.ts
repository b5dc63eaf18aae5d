/**
 * "Thanks, that fixed it" after Baton's answer closes the loop; the same words anywhere
 * else, or with doubt or a new problem attached, are triaged as usual.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { readResolution } from '../../connector/src/triage/signals/resolution.js';
import { tokenize } from '../../connector/src/triage/text/tokens.js';
import { customer, ticketInput, turn } from './helpers.js';

const policy = loadPolicy();
const local = createLocalTriage(policy);
const read = (text: string) => readResolution(policy.resolution, text, tokenize(text));

/** A ticket Baton answered last: the customer's question, then the AI's steps. */
const afterAiAnswer = (message: string, over: Parameters<typeof ticketInput>[1] = {}) =>
  ticketInput(message, {
    history: [turn('customer', 'I forgot my password', '2025-03-04T09:00:00Z'), turn('ai', 'Hi Dana, you can reset your password ...', '2025-03-04T09:00:05Z')],
    ticket: { aiMessageCount: 1, state: 'ai', lastAiMessageAt: '2025-03-04T09:00:05Z' },
    ...over,
  });

describe('reading a closing message', () => {
  it.each([
    'thanks, that fixed it',
    'That worked, thank you so much!',
    'it works now :)',
    'Perfect, all sorted.',
    "great, I'm back in. cheers",
    'problem solved thx',
    'got it working, you can close the ticket',
    'got it now, thank you',
    'found the e-mail, it was in my spam folder, thanks',
    'the parcel just arrived, cheers',
    'it has arrived, thanks a lot',
  ])('"%s" confirms the answer worked', (text) => {
    expect(read(text)?.kind).toBe('confirmed');
  });

  it.each(['thanks!', 'Ok thank you very much', 'thx', 'Great, thanks for the quick reply!', 'much appreciated', 'ok', 'got it, great', 'ok makes sense', 'Ok, I will wait for your reply. Thank you.', '👍', '🙏🏽 ', 'ok 👍'])('"%s" is thanks only', (text) => {
    expect(read(text)?.kind).toBe('thanks');
  });

  it.each([
    "thanks, but it still doesn't work",
    'still waiting for your reply',
    "it hasn't arrived yet",
    'the parcel arrived but the box is crushed',
    'got the e-mail but the link has expired',
    'nothing in my spam folder either',
    'thanks, how long do I wait?',
    "I don't think that worked",
    'that worked, how do I change my e-mail too?',
    'it worked yesterday, now it is broken again',
    'thanks, I will try that tomorrow',
    'thanks. Also my invoice is wrong',
    'Where is my order? thanks',
    'ok but where is the reset link',
    'ok, and my invoice?',
    'got it wrong, sorry: my e-mail is dana@example.org',
    '😡',
    '👎',
  ])('"%s" is not a closing message', (text) => {
    expect(read(text)).toBeNull();
  });

  it('a long message is read as a request even when it says thanks', () => {
    const long = `thanks, that worked ${'and then I noticed something else entirely on the page '.repeat(3)}`;
    expect(read(long)).toBeNull();
  });

  it('reads nothing when the policy turns it off', () => {
    expect(readResolution({ ...policy.resolution, enabled: false }, 'thanks, that fixed it', tokenize('thanks, that fixed it'))).toBeNull();
  });
});

describe('closing the loop in a decision', () => {
  it('solves on "that fixed it" right after an AI answer, with a reason the agent can read', async () => {
    const d = await local.decide(afterAiAnswer('Thanks, that fixed it!'));
    expect(d.action).toBe('automate');
    expect(d.resolution).toBe('confirmed');
    expect(d.reasons[0]).toEqual({ code: 'resolution_confirmed', text: 'customer confirms Baton\'s answer worked ("that fixed")' });
    expect(d.tags).toContain('baton_resolution_confirmed');
  });

  it('plain thanks needs no reply and no person', async () => {
    const d = await local.decide(afterAiAnswer('ok thank you!'));
    expect(d.action).toBe('automate');
    expect(d.resolution).toBe('thanks');
    expect(d.reasons[0]!.code).toBe('customer_thanks');
  });

  it('does not apply when a person answered last, or nobody has answered yet', async () => {
    const agentLast = afterAiAnswer('thanks, that fixed it', {
      history: [turn('customer', 'I forgot my password'), turn('ai', 'Hi Dana ...', '2025-03-04T09:00:05Z'), turn('agent', 'Hi Dana, I reset it for you.', '2025-03-04T09:30:00Z')],
    });
    expect((await local.decide(agentLast)).resolution).toBeUndefined();
    const first = await local.decide(ticketInput('thanks, that fixed it'));
    expect(first.resolution).toBeUndefined();
    expect(first.action).toBe('handoff');
  });

  it('still hands off when a rule asks for a person: a VIP, a trigger, anger', async () => {
    const vip = await local.decide(afterAiAnswer('thanks, that worked', { customer: customer({ tags: ['vip'] }) }));
    expect(vip.action).toBe('handoff');
    const refund = await local.decide(afterAiAnswer('that worked, thanks. refund the late fee'));
    expect(refund.action).toBe('handoff');
    expect(refund.reasons.map((r) => r.code)).toContain('trigger_refund');
    const angry = await local.decide(afterAiAnswer('IT WORKED FINALLY THANKS FOR NOTHING USELESS'));
    expect(angry.action).toBe('handoff');
  });

  it('a thing that turned up broken or late is no confirmation: the complaint reaches a person', async () => {
    for (const text of ['the parcel just arrived, smashed. thanks', 'it has arrived, two weeks late, thanks']) {
      const d = await local.decide(afterAiAnswer(text));
      expect(d.action, text).toBe('handoff');
      expect(d.reasons.map((r) => r.code), text).toContain('complaint_detected');
    }
  });
});
