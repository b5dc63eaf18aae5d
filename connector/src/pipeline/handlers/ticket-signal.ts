/**
 * A helpdesk said "ticket N changed" without saying how (Freshdesk's automation-rule
 * webhook): read the ticket and its latest message through the API and turn them into the
 * event they are — a customer's message or an agent's — keyed by that message's id, so
 * two signals about the same message (a retry, two rules) have one effect.
 */
import { commentEventId, type AgentMessageEvent, type CustomerMessageEvent, type OrganizationSnapshot, type TicketSignalEvent } from '../../events/types.js';
import { withoutNul } from '../../events/without-nul.js';
import { acceptEvent } from '../../jobs/accept-event.js';
import type { HelpdeskPort } from '../../helpdesk/port.js';
import type { PipelineDeps } from '../deps.js';
import type { EventContext } from '../event-handlers.js';

export function ticketSignalHandler(deps: PipelineDeps) {
  return async ({ event, tenantId, helpdesk, log }: EventContext<'ticket.signal'>): Promise<string> => {
    // Organizations through the tenant's cached directory: one read per organization, not per signal.
    const organization = async (id: string) =>
      (await deps.organizationsFor(tenantId).enrich({ id: '', name: '', tags: [], organization: { id, name: '', tags: [], fields: {} } })).organization ?? null;
    const reading = helpdesk.scoped();
    const derived = await readSignal(event, reading, deps.selfUserIds(), organization);
    if (typeof derived === 'string') return derived;
    // The reads count towards the message's attempt, as a webhook's payload would have spared them.
    if (derived.type === 'ticket.customer_message') derived.readCalls = reading.calls;
    const outcome = await acceptEvent(deps.store, deps.queue, derived);
    log.info({ type: derived.type, message: derived.message.id, outcome }, 'signal read');
    return `signal: ${derived.type} ${outcome === 'duplicate' ? 'already seen' : 'queued'}`;
  };
}

export async function readSignal(
  event: TicketSignalEvent,
  helpdesk: HelpdeskPort,
  selfIds: ReadonlySet<string>,
  organization: (id: string) => Promise<OrganizationSnapshot | null>,
): Promise<CustomerMessageEvent | AgentMessageEvent | string> {
  const { ticket, comments } = await helpdesk.getTicketWithComments(event.ticket.id);
  const latest = comments[comments.length - 1];
  if (!latest) return 'signal: the ticket has no message';
  if (selfIds.has(latest.authorId)) return "signal: the latest message is Baton's own";
  const fromCustomer = latest.authorId === ticket.requesterId;
  const requester = await helpdesk.getUser(ticket.requesterId);
  const org = ticket.organizationId ? await organization(ticket.organizationId) : null;
  const base = {
    provider: event.provider,
    accountId: event.accountId,
    // The comment's key, as the catch-up sweep keys it: a message found both ways is one event.
    eventId: commentEventId(event.provider, event.accountId, ticket.id, latest.id),
    deliveryId: event.deliveryId,
    occurredAt: latest.createdAt,
    ticket: { ...ticket, channel: 'helpdesk', url: helpdesk.ticketUrl(ticket.id) },
    requester: { id: requester.id, name: requester.name, email: requester.email, locale: requester.locale, tags: requester.tags },
    organization: org ? { id: org.id, name: org.name, tags: org.tags, fields: org.fields } : null,
    actor: { id: latest.authorId, via: 'helpdesk' },
  };
  const message = { id: latest.id, authorId: latest.authorId, body: latest.body, public: latest.public, createdAt: latest.createdAt };
  // Text read through the API is as raw as a webhook body: no NUL reaches the store (PostgreSQL refuses it).
  if (fromCustomer) return withoutNul({ ...base, type: 'ticket.customer_message', message: { ...message, authorRole: 'end-user' }, isNewTicket: comments.length === 1 });
  return withoutNul({ ...base, type: 'ticket.agent_message', message: { ...message, authorRole: 'agent' } });
}
