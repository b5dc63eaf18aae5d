/**
 * Decisions and agents' flags written into a real store the way the connector and the sidebar
 * write them (same columns, same JSON), for tests of calibration and reviews that need many
 * decisions with chosen confidences.
 */
import type { Store } from '../../connector/src/store/db.js';

let seq = 0;

export interface AttemptSpec {
  tenantId?: string;
  ticketId?: string;
  intent: string;
  confidence: number;
  action: 'automate' | 'handoff';
  /** Reason codes; default: automatable_confident for automate, low_confidence for handoff. */
  reasons?: string[];
  mode?: 'live' | 'shadow';
  team?: string | null;
  createdAt?: number;
  message?: string;
}

export async function insertAttempt(store: Store, a: AttemptSpec): Promise<number> {
  const n = ++seq;
  const reasons = a.reasons ?? [a.action === 'automate' ? 'automatable_confident' : 'low_confidence'];
  const row = await store.db
    .insertInto('attempts')
    .values({
      tenant_id: a.tenantId ?? 'zendesk:test',
      ticket_id: a.ticketId ?? `t${n}`,
      event_id: `test-event-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`,
      created_at: a.createdAt ?? Date.now() - 60_000,
      action: a.action,
      intent: a.intent,
      confidence: a.confidence,
      sentiment: 0,
      sentiment_label: 'neutral',
      language: 'en',
      team: a.team ?? (a.action === 'handoff' ? 'general_support' : null),
      priority: 'normal',
      tags: '[]',
      reasons: JSON.stringify(reasons.map((code) => ({ code, text: `because ${code}` }))),
      reply: a.action === 'automate' ? 'Here is how.' : null,
      summary: null,
      engine: 'local',
      mode: a.mode ?? 'live',
      customer_message: a.message ?? `message ${n}`,
      write_status: 'written',
      written_at: a.createdAt ?? Date.now() - 60_000,
      api_calls: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertFlag(store: Store, f: { attemptId: number; kind: string; ticketId?: string; tenantId?: string }): Promise<void> {
  const attempt = await store.db.selectFrom('attempts').select(['tenant_id', 'ticket_id']).where('id', '=', f.attemptId).executeTakeFirstOrThrow();
  await store.db
    .insertInto('feedback')
    .values({ tenant_id: attempt.tenant_id, ticket_id: attempt.ticket_id, attempt_id: f.attemptId, kind: f.kind, comment: null, agent_id: '1101', created_at: Date.now() })
    .execute();
}
