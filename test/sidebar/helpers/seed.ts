/**
 * Store rows for sidebar tests, written with the connector's own store helpers: a
 * ticket's automation state and the attempts behind it, as the pipeline records them.
 */
import type { Store } from '../../../connector/src/store/db.js';
import { recordAttempt, upsertTicketState, markAttempt } from '../../../connector/src/store/tickets.js';
import type { Decision } from '../../../connector/src/triage/types.js';

export function decision(over: Partial<Decision> = {}): Decision {
  return {
    action: 'handoff',
    intent: 'billing_question',
    confidence: 0.62,
    sentiment: { score: -0.6, label: 'negative', trend: -0.3 },
    language: 'en',
    team: 'finance',
    priority: 'high',
    tags: [],
    reasons: [
      { code: 'low_confidence', text: 'confidence 0.62 below 0.85' },
      { code: 'negative_sentiment', text: 'negative sentiment (-0.60: frustrated)' },
    ],
    mode: 'live',
    engine: 'local',
    summary: 'Customer was double-charged on invoice 1042 and wants a refund; already tried the billing portal.',
    ...over,
  };
}

export interface SeedTicket {
  tenantId: string;
  ticketId: string;
  state: string;
  requesterId?: string;
  subject?: string;
  attempts: { decision: Decision; message: string; at: number }[];
}

export async function seedTicket(store: Store, t: SeedTicket): Promise<void> {
  for (const [i, a] of t.attempts.entries()) {
    const row = await recordAttempt(store, {
      tenantId: t.tenantId,
      ticketId: t.ticketId,
      eventId: `${t.tenantId}:${t.ticketId}:e${i}`,
      decision: a.decision,
      customerMessage: a.message,
      now: a.at,
    });
    await markAttempt(store, row.id, 'written', 1, a.at);
  }
  const last = t.attempts.at(-1);
  await upsertTicketState(store, {
    tenant_id: t.tenantId,
    ticket_id: t.ticketId,
    state: t.state,
    ai_message_count: t.attempts.filter((a) => a.decision.action === 'automate').length,
    last_ai_message_at: null,
    last_customer_message_at: last?.at ?? null,
    handed_off_at: t.state === 'handed_off' ? (last?.at ?? null) : null,
    team: last?.decision.team ?? null,
    intent: last?.decision.intent ?? null,
    requester_id: t.requesterId ?? null,
    subject: t.subject ?? null,
    updated_at: last?.at ?? Date.now(),
  });
}
