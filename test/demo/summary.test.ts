/**
 * The demo's summary against the inbox labels: coverage counts only routine tickets (an
 * automatable intent with nothing asking for a person), and the misses list says why each
 * routine ticket was handed off.
 */
import { describe, expect, it } from 'vitest';
import type { TicketOutcome } from '../../connector/src/demo/outcomes.js';
import { renderRoutineMisses } from '../../connector/src/demo/routine-misses.js';
import { renderSummary } from '../../connector/src/demo/summary.js';

function outcome(key: string, o: Partial<TicketOutcome> & Pick<TicketOutcome, 'expected' | 'action'>): TicketOutcome {
  return {
    key, ticket_id: 1, subject: 's', language: 'en', intent: o.expected.intent, confidence: 0.9, mode: 'live', team: null, group: null,
    status: 'open', priority: 'normal', tags: [], reasons: [], reason_codes: [], decided_on: '', comments: [], api_calls: 2, ...o,
  };
}

const routine = (intent: TicketOutcome['expected']['intent']) => ({ intent, mustEscalate: false, team: null, why: '' });
const outcomes: TicketOutcome[] = [
  outcome('n-1', { expected: routine('password_reset'), action: 'automate' }),
  outcome('n-2', { expected: routine('order_status'), action: 'automate' }),
  outcome('n-3', { expected: routine('how_to'), action: 'handoff', reason_codes: ['no_article'], decided_on: 'how do I   add a location' }),
  outcome('n-4', { expected: routine('billing_question'), action: 'handoff', language: 'ja', reason_codes: ['language_unsupported', 'low_confidence'] }),
  // Not routine: a thank-you (other), a must-escalate reset, a bug report with a team.
  outcome('n-5', { expected: routine('other'), action: 'ignore' }),
  outcome('n-6', { expected: { intent: 'password_reset', mustEscalate: true, team: 'general_support', why: '' }, action: 'handoff' }),
  outcome('n-7', { expected: { intent: 'bug_report', mustEscalate: false, team: 'product_support', why: '' }, action: 'handoff' }),
  outcome('n-8', { expected: routine('order_status'), action: 'handoff', reason_codes: ['language_unsupported'] }),
];

describe('demo summary', () => {
  const summary = renderSummary(outcomes, { tickets: 8, followUps: 0, wallSeconds: 1, apiCalls: 16, deadLetters: 0 });

  it('shows routine coverage over routine tickets only', () => {
    expect(summary).toMatch(/routine tickets automated \(coverage\)\s+2\/5 \(40\.0%\)/);
  });

  it('counts English tickets handed off as unsupported language, not other languages', () => {
    expect(summary).toMatch(/English tickets handed off as unsupported language\s+1\/7/);
  });
});

describe('routine misses', () => {
  const text = renderRoutineMisses(outcomes);

  it('counts each reason code once per ticket and lists every routine handoff with its message', () => {
    expect(text).toMatch(/language_unsupported\s+2/);
    expect(text).toMatch(/no_article\s+1/);
    expect(text).toContain('Routine tickets handed off (3):');
    expect(text).toContain('n-3  label how_to, read how_to@0.9  [no_article]\n    "how do I add a location"');
    expect(text).not.toContain('n-6');
    expect(text).not.toContain('n-7');
  });

  it('says so when nothing routine was missed', () => {
    expect(renderRoutineMisses(outcomes.slice(0, 2))).toBe('Every routine ticket was automated.');
  });
});
