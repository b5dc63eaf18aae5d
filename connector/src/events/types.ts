/**
 * One typed map of helpdesk events. Intake adapters (intake/<provider>/) translate provider
 * payloads into these shapes; the pipeline registers one handler per event type over this
 * map (pipeline/event-handlers.ts), and everything downstream sees only these.
 */
export type Provider = 'zendesk' | 'freshdesk';

export interface TicketSnapshot {
  id: string;
  subject: string;
  status: string;
  priority: string | null;
  tags: string[];
  groupId: string | null;
  assigneeId: string | null;
  requesterId: string;
  organizationId: string | null;
  /** Channel the ticket came in through (email, web, api, chat ...). */
  channel: string;
  url?: string;
  updatedAt?: string;
}

export interface MessageSnapshot {
  id: string;
  authorId: string;
  authorRole: 'end-user' | 'agent' | 'unknown';
  body: string;
  public: boolean;
  createdAt?: string;
}

export interface PersonSnapshot {
  id: string;
  name: string;
  email?: string;
  locale?: string;
  tags: string[];
}

export interface OrganizationSnapshot {
  id: string;
  name: string;
  tags: string[];
  fields: Record<string, string | number | boolean | null>;
}

interface TicketEventBase {
  provider: Provider;
  /** The helpdesk account (Zendesk subdomain or account id); the tenant key. */
  accountId: string;
  /** Stable id of this event: a redelivery carries the same one. */
  eventId: string;
  /** Transport delivery id (webhook invocation id), for logs. */
  deliveryId: string;
  occurredAt: string;
  ticket: TicketSnapshot;
  requester: PersonSnapshot;
  organization: OrganizationSnapshot | null;
  /** Who caused the event, and through which channel. */
  actor: { id: string | null; via: string };
}

/** A customer wrote: a new ticket or a public reply on an existing one. */
export interface CustomerMessageEvent extends TicketEventBase {
  type: 'ticket.customer_message';
  message: MessageSnapshot;
  isNewTicket: boolean;
  /** Helpdesk API calls already spent reading this message (a signal read through the API). */
  readCalls?: number;
}

/** An agent wrote on the ticket (public reply or internal note). */
export interface AgentMessageEvent extends TicketEventBase {
  type: 'ticket.agent_message';
  message: MessageSnapshot;
}

/** Something else changed (tags, status, assignee): e.g. the return-to-automation tag. */
export interface TicketChangedEvent extends TicketEventBase {
  type: 'ticket.changed';
  changes: { tagsAdded: string[]; tagsRemoved: string[]; status?: string };
}

/**
 * "Something happened on ticket N", and no more: Freshdesk's automation-rule webhook is a
 * signal (placeholders are labels, nothing is signed). Only `ticket.id` is known; the job
 * reads the ticket and its latest message and turns them into the event they are.
 */
export interface TicketSignalEvent extends TicketEventBase {
  type: 'ticket.signal';
  signal: { reason: string; triggeredEvent: string | null };
}

export interface HelpdeskEventMap {
  'ticket.signal': TicketSignalEvent;
  'ticket.customer_message': CustomerMessageEvent;
  'ticket.agent_message': AgentMessageEvent;
  'ticket.changed': TicketChangedEvent;
}

export type HelpdeskEventType = keyof HelpdeskEventMap;
export type HelpdeskEvent = HelpdeskEventMap[HelpdeskEventType];

/**
 * The id of the event for one customer comment, whichever way it arrives (a trigger, an
 * event subscription, a delivery resolved through the API, the catch-up sweep), so that the
 * same comment is accepted once.
 */
export function commentEventId(provider: Provider, accountId: string, ticketId: string, commentId: string): string {
  if (!commentId.trim()) throw new Error(`comment id is empty for ticket ${ticketId}: an empty id must never be a dedupe key`);
  return `${provider}:${accountId}:${ticketId}:c${commentId}`;
}
