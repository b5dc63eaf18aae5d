/**
 * Which of a ticket's messages are customer messages Baton should have triaged, and the event
 * each becomes: the same event, with the same id, as a webhook for that comment would give,
 * so that a message found twice (a late webhook and the sweep) is accepted once.
 */
import { withoutNul } from '../events/without-nul.js';
import { commentEventId, type CustomerMessageEvent, type MessageSnapshot, type OrganizationSnapshot, type PersonSnapshot, type Provider, type TicketSnapshot } from '../events/types.js';

export interface TicketContext {
  provider: Provider;
  accountId: string;
  ticket: TicketSnapshot;
  requester: PersonSnapshot;
  organization: OrganizationSnapshot | null;
}

export const isCustomerMessage = (m: MessageSnapshot, selfUserIds: ReadonlySet<string>): boolean =>
  m.public && m.authorRole === 'end-user' && !selfUserIds.has(m.authorId) && m.id.trim() !== '';

/**
 * Customer messages written at or after `sinceMs` that nobody answered after: once an agent
 * (or Baton) wrote publicly after a message, answering it now would talk over them.
 */
export function unansweredCustomerMessages(messages: MessageSnapshot[], selfUserIds: ReadonlySet<string>, sinceMs: number): MessageSnapshot[] {
  const lastAnswer = messages.reduce((at, m, i) => (m.public && (m.authorRole !== 'end-user' || selfUserIds.has(m.authorId)) ? i : at), -1);
  // Helpdesk times have whole seconds: a message in the same second as `sinceMs` counts.
  const since = Math.floor(sinceMs / 1000) * 1000;
  return messages.filter((m, i) => i > lastAnswer && isCustomerMessage(m, selfUserIds) && timeOf(m) >= since);
}

export function customerMessageEvent(ctx: TicketContext, message: MessageSnapshot, isNewTicket: boolean, deliveryId: string): CustomerMessageEvent {
  return withoutNul({
    type: 'ticket.customer_message',
    provider: ctx.provider,
    accountId: ctx.accountId,
    eventId: commentEventId(ctx.provider, ctx.accountId, ctx.ticket.id, message.id),
    deliveryId,
    occurredAt: message.createdAt ?? new Date().toISOString(),
    ticket: ctx.ticket,
    requester: ctx.requester,
    organization: ctx.organization,
    actor: { id: message.authorId, via: 'api_read' },
    message,
    isNewTicket,
  });
}

const timeOf = (m: MessageSnapshot) => (m.createdAt ? Date.parse(m.createdAt) : 0);
