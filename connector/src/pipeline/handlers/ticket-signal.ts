/**
 * A helpdesk said "ticket N changed" without saying how (Freshdesk's automation-rule
 * webhook): read the ticket and its latest message through the API and turn them into the
 * event they are — a customer's message or an agent's, keyed by that message's id so two
 * signals about the same message (a retry, two rules) have one effect; or, while the ticket
 * carries the return tag, an agent's request to give it back to automation.
 */
import { commentEventId, type AgentMessageEvent, type CustomerMessageEvent, type OrganizationSnapshot, type TicketChangedEvent, type TicketSignalEvent } from '../../events/types.js';
import { withoutNul } from '../../events/without-nul.js';
import { acceptEvent } from '../../jobs/accept-event.js';
import type { HelpdeskPort } from '../../helpdesk/port.js';
import { ticketTags } from '../../ticket-tags.js';
import type { PipelineDeps } from '../deps.js';
import type { EventContext } from '../event-handlers.js';

export function ticketSignalHandler(deps: PipelineDeps) {
  return async ({ event, tenantId, helpdesk, log }: EventContext<'ticket.signal'>): Promise<string> => {
    // Organizations through the tenant's cached directory: one read per organization, not per signal.
    const organization = async (id: string) =>
      (await deps.organizationsFor(tenantId).enrich({ id: '', name: '', tags: [], organization: { id, name: '', tags: [], fields: {} } })).organization ?? null;
    const reading = helpdesk.scoped();
    const derived = await readSignal(event, reading, deps.selfUserIds(), organization, ticketTags(deps.policy.tags.prefix).returnToAi);
    if (typeof derived === 'string') return derived;
    // The reads count towards the message's attempt, as a webhook's payload would have spared them.
    if (derived.type === 'ticket.customer_message') derived.readCalls = reading.calls;
    const outcome = await acceptEvent(deps.store, deps.queue, derived);
    log.info({ type: derived.type, message: 'message' in derived ? derived.message.id : null, outcome }, 'signal read');
    return `signal: ${derived.type} ${outcome === 'duplicate' ? 'already seen' : 'queued'}`;
  };
}

export async function readSignal(
  event: TicketSignalEvent,
  helpdesk: HelpdeskPort,
  selfIds: ReadonlySet<string>,
  organization: (id: string) => Promise<OrganizationSnapshot | null>,
  returnTag: string,
): Promise<CustomerMessageEvent | AgentMessageEvent | TicketChangedEvent | string> {
  const { ticket, comments } = await helpdesk.getTicketWithComments(event.ticket.id);
  const latest = comments[comments.length - 1];
  // The return tag on the ticket is an agent's request, whatever change made the rule call
  // (README "Connecting a real Freshdesk account": the return rule); Baton removes it once done.
  const returning = ticket.tags.includes(returnTag);
  if (!latest && !returning) return 'signal: the ticket has no message';
  if (latest && !returning && selfIds.has(latest.authorId)) return "signal: the latest message is Baton's own";
  const requester = await helpdesk.getUser(ticket.requesterId);
  const org = ticket.organizationId ? await organization(ticket.organizationId) : null;
  const base = {
    provider: event.provider,
    accountId: event.accountId,
    deliveryId: event.deliveryId,
    ticket: { ...ticket, channel: 'helpdesk', url: helpdesk.ticketUrl(ticket.id) },
    requester: { id: requester.id, name: requester.name, email: requester.email, locale: requester.locale, tags: requester.tags },
    organization: org ? { id: org.id, name: org.name, tags: org.tags, fields: org.fields } : null,
  };
  if (returning) {
    // Freshdesk does not say who added a tag: the agent whose message is the latest (the note
    // written with it) is named, else "an agent". One event per ticket version, as on Zendesk.
    const byAgent = latest && latest.authorId !== ticket.requesterId && !selfIds.has(latest.authorId) ? latest.authorId : null;
    return withoutNul({
      ...base,
      type: 'ticket.changed',
      eventId: `${event.provider}:${event.accountId}:${ticket.id}:ret:${ticket.updatedAt}`,
      occurredAt: ticket.updatedAt,
      actor: { id: byAgent, via: 'helpdesk' },
      changes: { tagsAdded: [returnTag], tagsRemoved: [] },
    });
  }
  const message = { id: latest!.id, authorId: latest!.authorId, body: latest!.body, public: latest!.public, createdAt: latest!.createdAt };
  const said = {
    ...base,
    // The comment's key, as the catch-up sweep keys it: a message found both ways is one event.
    eventId: commentEventId(event.provider, event.accountId, ticket.id, message.id),
    occurredAt: message.createdAt,
    actor: { id: message.authorId, via: 'helpdesk' },
  };
  // Text read through the API is as raw as a webhook body: no NUL reaches the store (PostgreSQL refuses it).
  if (message.authorId === ticket.requesterId) return withoutNul({ ...said, type: 'ticket.customer_message', message: { ...message, authorRole: 'end-user' }, isNewTicket: comments.length === 1 });
  return withoutNul({ ...said, type: 'ticket.agent_message', message: { ...message, authorRole: 'agent' } });
}
