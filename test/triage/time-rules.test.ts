/**
 * Time rules: how long the customer has waited in the conversation, and when the message
 * arrives. A firing rule hands off with a reason that says the times.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { DEFAULT_POLICY_PATH, loadPolicy, parsePolicyYaml } from '../../connector/src/triage/policy/load.js';
import type { Policy } from '../../connector/src/triage/policy/schema.js';
import { ticketInput, turn } from './helpers.js';

const policy = loadPolicy();
const NOW = new Date('2025-03-08T14:05:00Z'); // a Saturday, 14:05 in London

function withRules(rules: Policy['time_rules']): Policy {
  return { ...structuredClone(policy), time_rules: rules };
}

/** A follow-up `hoursAgo` after the customer's first message, which Baton answered. */
const followUp = (message: string, hoursAgo: number) =>
  ticketInput(message, {
    now: NOW,
    history: [turn('customer', 'Where is my order 5512?', new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString()), turn('ai', 'Hi Dana, you can follow your order ...', new Date(NOW.getTime() - hoursAgo * 3_600_000 + 5_000).toISOString())],
    ticket: { aiMessageCount: 1, state: 'ai' },
  });

describe('time rules', () => {
  it('hands off a conversation that has dragged on past the shipped two days, saying how long', async () => {
    const d = await createLocalTriage(policy).decide(followUp('And how do I export my order history to CSV?', 50));
    expect(d.action).toBe('handoff');
    expect(d.priority).toBe('high');
    expect(d.reasons).toContainEqual({ code: 'time_long_wait', text: 'time rule long_wait: customer first wrote 50 h ago (over 48 h)' });
    expect(d.tags).toContain('baton_time_long_wait');
  });

  it('leaves a younger conversation, and a new ticket, alone', async () => {
    const young = await createLocalTriage(policy).decide(followUp('And how do I export my order history to CSV?', 47));
    expect(young.reasons.map((r) => r.code)).not.toContain('time_long_wait');
    const fresh = await createLocalTriage(policy).decide(ticketInput('How do I export my contacts to CSV?', { now: NOW }));
    expect(fresh.reasons.map((r) => r.code)).not.toContain('time_long_wait');
  });

  it('reads "outside" hours in the rule\'s time zone, only for the intents it names, and routes to its team', async () => {
    const weekdays = { timezone: 'Europe/London', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, open: '09:00', close: '17:00' };
    const triage = createLocalTriage(withRules([{ name: 'weekend_billing', outside: { ...weekdays, days: [...weekdays.days] }, intents: ['billing_question'], priority: 'normal', team: 'finance' }]));
    const weekend = await triage.decide(ticketInput('Can I pay by bank transfer instead of card?', { now: NOW }));
    expect(weekend.intent).toBe('billing_question');
    expect(weekend.action).toBe('handoff');
    expect(weekend.team).toBe('finance');
    expect(weekend.reasons).toContainEqual({ code: 'time_weekend_billing', text: 'time rule weekend_billing: arrived Sat 14:05, outside mon, tue, wed, thu, fri 09:00–17:00 Europe/London' });
    const monday = await triage.decide(ticketInput('Can I pay by bank transfer instead of card?', { now: new Date('2025-03-10T10:00:00Z') }));
    expect(monday.reasons.map((r) => r.code)).not.toContain('time_weekend_billing');
    const otherIntent = await triage.decide(ticketInput('How do I export my contacts to CSV?', { now: NOW }));
    expect(otherIntent.reasons.map((r) => r.code)).not.toContain('time_weekend_billing');
  });

  it('never holds back "thanks, that fixed it", however late it comes', async () => {
    const d = await createLocalTriage(policy).decide(followUp('thanks, that worked!', 120));
    expect(d.action).toBe('automate');
    expect(d.resolution).toBe('confirmed');
  });

  it('refuses a rule without a condition, or naming an unknown team or intent', () => {
    const shipped = readFileSync(DEFAULT_POLICY_PATH, 'utf8');
    const rule = '  - name: long_wait\n    waiting_minutes_over: 2880\n    priority: high';
    expect(shipped).toContain(rule);
    expect(problemsOf(shipped.replace(rule, '  - name: long_wait\n    priority: high'))).toContain(
      'policy.time_rules.0: expected at least one condition: waiting_minutes_over, during or outside',
    );
    const unknown = problemsOf(shipped.replace(rule, `${rule}\n    team: finanse\n    intents: [biling_question]`));
    expect(unknown.some((p) => p.startsWith('policy.time_rules.0.team: unknown team "finanse"'))).toBe(true);
    expect(unknown.some((p) => p.startsWith('policy.time_rules.0.intents.0: unknown intent "biling_question"'))).toBe(true);
  });
});

function problemsOf(yaml: string): string[] {
  try {
    parsePolicyYaml(yaml, 'test.yaml');
  } catch (err) {
    return (err as { details: { problems: string[] } }).details.problems;
  }
  throw new Error('policy was accepted');
}
