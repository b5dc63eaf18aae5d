/** Build the provider-neutral triage input from an event and what the store remembers. */
import type { CustomerMessageEvent, HelpdeskEvent } from '../events/types.js';
import type { TicketRow } from '../store/tickets.js';
import type { ConversationTurn, TriageInput } from '../triage/types.js';

export function buildTriageInput(
  tenantId: string,
  event: CustomerMessageEvent,
  earlier: HelpdeskEvent[],
  aiReplies: { body: string; at: number }[],
  state: TicketRow | undefined,
  now: Date,
): TriageInput {
  const history: ConversationTurn[] = [];
  for (const e of earlier) {
    if (e.type === 'ticket.customer_message') history.push({ role: 'customer', body: e.message.body, at: e.occurredAt });
    else if (e.type === 'ticket.agent_message' && e.message.public) history.push({ role: 'agent', body: e.message.body, at: e.occurredAt });
  }
  for (const r of aiReplies) history.push({ role: 'ai', body: r.body, at: new Date(r.at).toISOString() });
  // By time, not by string: helpdesk times come without milliseconds ("…:44Z"), Baton's with
  // them ("…:44.937Z"), and as strings "." sorts before "Z".
  history.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return {
    tenantId,
    ticketId: event.ticket.id,
    subject: event.ticket.subject,
    message: event.message.body,
    history,
    customer: {
      id: event.requester.id,
      name: event.requester.name,
      email: event.requester.email,
      locale: event.requester.locale,
      tags: event.requester.tags,
      organization: event.organization ? { ...event.organization } : undefined,
    },
    ticket: {
      aiMessageCount: state?.ai_message_count ?? 0,
      lastAiMessageAt: state?.last_ai_message_at ? new Date(state.last_ai_message_at).toISOString() : undefined,
      state: state?.state ?? 'new',
    },
    channel: event.ticket.channel,
    now,
  };
}
