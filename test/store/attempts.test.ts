/**
 * An attempt is recorded once per event: the first record returns the new row, a second one
 * (a re-run after a crash) returns the row recorded before, with its decision, not a new one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionOf, findAttemptByEvent, listAttempts, markAttempt, recordAttempt } from '../../connector/src/store/tickets.js';
import type { Decision } from '../../connector/src/triage/types.js';
import { BACKENDS, type TestStore } from '../helpers/stores.js';

const decision = (intent: string, confidence: number): Decision => ({
  action: 'automate',
  intent,
  confidence,
  sentiment: { score: -0.25, label: 'negative', trend: 0 },
  language: 'en',
  team: null,
  priority: 'normal',
  tags: ['baton_automated'],
  reasons: [{ code: 'automatable_confident', text: 'confident' }],
  mode: 'live',
  engine: 'local',
  reply: 'Hi Ana, here is how to reset it.',
});

describe.each(BACKENDS)('attempts on %s', (_name, open) => {
  let ts: TestStore;
  beforeEach(async () => {
    ts = await open();
  });
  afterEach(async () => ts.cleanup());

  it('returns the new attempt, and the same one when the event is recorded again', async () => {
    const first = await recordAttempt(ts.store, { tenantId: 'z:acme', ticketId: '7', eventId: 'e1', decision: decision('password_reset', 0.5), customerMessage: 'locked out', now: 1_000 });
    expect(first).toEqual(await findAttemptByEvent(ts.store, 'e1'));
    expect(first).toMatchObject({ tenant_id: 'z:acme', ticket_id: '7', event_id: 'e1', created_at: 1_000, write_status: 'pending', written_at: null, api_calls: 0, customer_message: 'locked out' });
    expect(typeof first.id).toBe('number');
    expect(decisionOf(first)).toEqual({ ...decision('password_reset', 0.5), summary: undefined });

    await markAttempt(ts.store, first.id, 'written', 2, 2_000);
    const again = await recordAttempt(ts.store, { tenantId: 'z:acme', ticketId: '7', eventId: 'e1', decision: decision('billing', 0.9), customerMessage: 'other words', now: 3_000 });
    expect(again).toMatchObject({ id: first.id, intent: 'password_reset', created_at: 1_000, write_status: 'written', written_at: 2_000, api_calls: 2 });
    const second = await recordAttempt(ts.store, { tenantId: 'z:acme', ticketId: '7', eventId: 'e2', decision: decision('billing', 0.75), customerMessage: 'charged twice', now: 4_000 });
    expect(second.id).not.toBe(first.id);
    expect((await listAttempts(ts.store, 'z:acme', '7')).map((a) => [a.event_id, a.intent])).toEqual([
      ['e1', 'password_reset'],
      ['e2', 'billing'],
    ]);
  });
});
