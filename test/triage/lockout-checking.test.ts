/**
 * The lockout reply stays away from a bank's checking account, but "can you check and
 * re-enable it" is no bank account: the word is read with its account, not on its own.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { ticketInput } from './helpers.js';

const local = createLocalTriage(loadPolicy());
const decide = (text: string) => local.decide(ticketInput(text));

describe('lockout answerability and "check"', () => {
  it('answers a disabled login that asks to be checked and re-enabled', async () => {
    const d = await decide('My login says the account is disabled. Could you check it and switch it back on?');
    expect(d, d.reasons.map((r) => r.text).join('; ')).toMatchObject({ intent: 'account_locked', action: 'automate' });
  });

  it('still hands off a lockout of a checking account', async () => {
    const d = await decide('my checking account login is locked after too many attempts');
    expect(d.action).toBe('handoff');
    expect(d.reasons.map((r) => r.code)).toContain('not_answerable');
  });
});
