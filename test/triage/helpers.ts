/**
 * Builders for triage tests: a neutral ticket that each test changes only where it matters.
 */
import type { ConversationTurn, CustomerContext, TriageInput } from '../../connector/src/triage/types.js';

export function customer(over: Partial<CustomerContext> = {}): CustomerContext {
  return { id: 'cust-1', name: 'Dana Reyes', email: 'dana@example.com', tags: [], ...over };
}

export function ticketInput(message: string, over: Partial<TriageInput> = {}): TriageInput {
  return {
    tenantId: 'test',
    ticketId: 't-1',
    subject: '',
    message,
    history: [],
    customer: customer(),
    ticket: { aiMessageCount: 0, state: 'new' },
    channel: 'email',
    now: new Date('2025-03-04T10:00:00Z'),
    ...over,
  };
}

export function turn(role: ConversationTurn['role'], body: string, at = '2025-03-04T09:00:00Z'): ConversationTurn {
  return { role, body, at };
}
