/**
 * Routine messages as people really type them (phrasings written for this test, none in
 * connector/corpus): misspelt in a hurry, naming a product the model has never seen, or only
 * chasing an earlier message.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { ticketInput } from './helpers.js';

const policy = loadPolicy();
const local = createLocalTriage(policy);
const decide = (text: string) => local.decide(ticketInput(text));
/** Automated under the intent the message is about; the reasons say why when it is not. */
async function automatesAs(intent: string, text: string): Promise<void> {
  const d = await decide(text);
  expect(d, d.reasons.map((r) => r.text).join('; ')).toMatchObject({ intent, action: 'automate' });
}

describe('typo-heavy routine messages', () => {
  it.each([
    ['password_reset', 'i forgott my pasword for the libary account'],
    ['password_reset', 'the pasword reset emial hasnt come thru'],
    ['order_status', 'when will my parcel arive, its been a week'],
    ['order_status', 'my parcle tracking hasnt changed since friday'],
    ['account_locked', 'my acount got locked after i typed the wrong pasword to many times'],
  ])('reads %s in "%s" and automates it', automatesAs);
});

describe('product and company names', () => {
  it.each([
    ['password_reset', 'forgot my password for Zentrio, please send a reset link'],
    ['order_status', 'has my Halvard order shipped yet?'],
    ['account_locked', 'my Quorrix account is locked after too many attempts'],
  ])('an unknown name does not sway %s in "%s"', automatesAs);

  it('a name never turns a must-escalate message routine', async () => {
    for (const text of ['I lost my phone and someone is logging into my Zentrio account', 'there is a Halvard charge on my card I do not recognise']) {
      expect((await decide(text)).action, text).toBe('handoff');
    }
  });
});

describe('backorders', () => {
  it('answers when a backordered item on an order ships, and the gate knows the word', async () => {
    const d = await decide('the lamp on order 88123 is backordered, when does it ship?');
    expect(d).toMatchObject({ intent: 'order_status', action: 'automate' });
  });
});

describe('chasers', () => {
  it.each(['Any news about my earlier e-mail?', 'just bumping my last message', 'following up on the question I sent this morning'])(
    '"%s" names no request of its own: read as other, never answered by a playbook',
    async (text) => {
      const d = await decide(text);
      expect(d.intent).toBe('other');
      expect(d.action).not.toBe('automate');
    },
  );
});
