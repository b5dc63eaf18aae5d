/**
 * The Zendesk transport adapter: it only translates Zendesk payloads (our trigger's body
 * or an event subscription) into the provider-neutral events triage understands.
 */
import { bodyMessageEventId } from '../../events/body-message.js';
import { commentEventId, type HelpdeskEvent, type OrganizationSnapshot, type TicketSnapshot } from '../../events/types.js';
import { RETURN_TO_AI_TAG, type TriggerPayload } from './trigger-payload.js';
import type { EventPayload } from './event-payload.js';
import type { ZendeskAccountIdentity } from './account-identity.js';

export interface DeliveryInfo {
  deliveryId: string;
  accountHeader?: string;
  receivedAt: string;
  /** Maps the numeric account id of event subscriptions to the subdomain triggers name. */
  identity?: ZendeskAccountIdentity;
}

/** Zendesk renders statuses and priorities capitalised ("Open"); we keep the API's lower case. */
const lower = (v: string | null | undefined) => (v ? v.trim().toLowerCase() : '');

export function normalizeTrigger(p: TriggerPayload, d: DeliveryInfo): HelpdeskEvent {
  // The tenant is the Zendesk subdomain, the same key the app's JWT carries; the ticket
  // URL is the one placeholder that contains it ("acme.zendesk.com/agent/tickets/1").
  const urlSubdomain = subdomainOf(p.ticket.url);
  d.identity?.learn(d.accountHeader, urlSubdomain);
  const named = urlSubdomain ?? (p.account || d.accountHeader || 'default');
  const accountId = d.identity ? d.identity.accountKey(named) : named;
  const ticket: TicketSnapshot = {
    id: p.ticket.id,
    subject: p.ticket.subject,
    status: lower(p.ticket.status),
    priority: lower(p.ticket.priority) || null,
    tags: p.ticket.tags,
    groupId: p.ticket.group_id,
    assigneeId: p.ticket.assignee_id,
    requesterId: p.requester.id,
    organizationId: p.organization?.id ?? null,
    channel: lower(p.ticket.via) || 'unknown',
    url: p.ticket.url || undefined,
    updatedAt: p.ticket.updated_at || undefined,
  };
  const organization: OrganizationSnapshot | null = p.organization?.id
    ? { id: p.organization.id, name: p.organization.name, tags: p.organization.tags, fields: {} }
    : null;
  const comment = p.comment ?? { id: null, body: '', author_id: null, public: true, created_at: '' };
  // Without the comment in the body, the author is who made the update: the trigger only
  // fires on an update by an end user.
  const authorId = comment.author_id ?? p.current_user?.id ?? '';
  const authorIsRequester = authorId === p.requester.id;
  const role = lower(p.current_user?.role);
  const fromBody = comment.id ? null : bodyMessageKey(p, accountId);
  const base = {
    provider: 'zendesk' as const,
    accountId,
    // One triage per customer comment: a redelivery (same ticket, same comment) has the same id.
    // Without a comment id, the update that added the comment is the key when the body
    // carries the comment whole; otherwise there is no key yet and the intake reads the comment.
    eventId: comment.id ? commentEventId('zendesk', accountId, p.ticket.id, comment.id) : (fromBody ?? `zendesk:${accountId}:${p.ticket.id}:unresolved:${d.deliveryId}`),
    deliveryId: d.deliveryId,
    occurredAt: comment.created_at || (fromBody ? p.ticket.updated_at : '') || d.receivedAt,
    ticket,
    requester: { id: p.requester.id, name: p.requester.name, email: p.requester.email || undefined, locale: p.requester.locale || undefined, tags: p.requester.tags },
    organization,
    actor: { id: p.current_user?.id ?? null, via: lower(p.ticket.via) },
  };
  if (p.event === 'ticket.return_requested') {
    // An agent's macro added the return tag: one event per ticket update.
    return { ...base, eventId: `zendesk:${accountId}:${p.ticket.id}:ret:${p.ticket.updated_at || d.receivedAt}`, type: 'ticket.changed', changes: { tagsAdded: [RETURN_TO_AI_TAG], tagsRemoved: [] } };
  }
  const message = {
    id: comment.id ?? '',
    authorId,
    authorRole: authorIsRequester || role === 'end-user' || role === 'end_user' ? ('end-user' as const) : role === 'agent' || role === 'admin' ? ('agent' as const) : ('unknown' as const),
    body: comment.body,
    public: comment.public,
    createdAt: comment.created_at || (fromBody ? p.ticket.updated_at : '') || undefined,
  };
  if (message.authorRole === 'agent') return { ...base, type: 'ticket.agent_message', message };
  return { ...base, type: 'ticket.customer_message', message, isNewTicket: p.event === 'ticket.created' };
}

/**
 * The key of a comment the body carries whole (see events/body-message.ts), or null when the
 * comment must be read through the API. Only for our customer triggers, whose conditions make
 * the update one that adds a public comment, and only when the update was made by the
 * comment's own author: an update by anyone else (a hand-written trigger firing on a tag
 * change) would otherwise carry an older comment as if it were new.
 */
function bodyMessageKey(p: TriggerPayload, accountId: string): string | null {
  const c = p.comment;
  if (!c || p.event === 'ticket.return_requested') return null;
  if (!c.body.trim() || !c.public || !c.author_id || c.author_id !== p.current_user?.id) return null;
  return bodyMessageEventId('zendesk', accountId, p.ticket.id, p.ticket.updated_at, c.author_id, c.body);
}

export function normalizeEventSubscription(p: EventPayload, d: DeliveryInfo): HelpdeskEvent | null {
  const det = p.detail;
  const named = d.accountHeader || String(p.account_id);
  // The same tenant (and event ids) as trigger deliveries, so the two paths dedupe.
  const accountId = d.identity ? d.identity.accountKey(named) : named;
  const kind = p.type.replace('zen:event-type:ticket.', '');
  const ticket: TicketSnapshot = {
    id: det.id,
    subject: det.subject ?? '',
    status: lower(det.status),
    priority: lower(det.priority) || null,
    tags: det.tags ?? [],
    groupId: det.group_id,
    assigneeId: det.assignee_id,
    requesterId: det.requester_id,
    organizationId: det.organization_id,
    channel: lower(det.via?.channel) || 'unknown',
    updatedAt: det.updated_at,
  };
  const base = {
    provider: 'zendesk' as const,
    accountId,
    eventId: `zendesk:${accountId}:${det.id}:e${p.id}`,
    deliveryId: d.deliveryId,
    occurredAt: p.time,
    ticket,
    // Event subscriptions carry ids only; the worker enriches the requester when it needs more.
    requester: { id: det.requester_id, name: '', tags: [] },
    organization: det.organization_id ? { id: det.organization_id, name: '', tags: [], fields: {} } : null,
    actor: { id: det.actor_id, via: lower(det.via?.channel) },
  };
  if (kind === 'comment_added' && p.event.comment) {
    const c = p.event.comment;
    const message = { id: c.id, authorId: c.author.id, authorRole: c.author.is_staff ? ('agent' as const) : ('end-user' as const), body: c.body, public: c.is_public ?? true, createdAt: p.time };
    // Same id scheme as trigger deliveries, so a trigger and a subscription for the same comment dedupe.
    const eventId = c.id.trim() ? commentEventId('zendesk', accountId, det.id, c.id) : `zendesk:${accountId}:${det.id}:unresolved:${d.deliveryId}`;
    if (message.authorRole === 'agent') return { ...base, eventId, type: 'ticket.agent_message', message };
    return { ...base, eventId, type: 'ticket.customer_message', message, isNewTicket: false };
  }
  if (kind === 'created') {
    const message = { id: `desc-${det.id}`, authorId: det.requester_id, authorRole: 'end-user' as const, body: det.description ?? '', public: true, createdAt: det.created_at };
    return { ...base, type: 'ticket.customer_message', message, isNewTicket: true };
  }
  if (kind === 'tags_changed' || kind === 'status_changed') {
    return {
      ...base,
      type: 'ticket.changed',
      changes: { tagsAdded: p.event.tags_added ?? [], tagsRemoved: p.event.tags_removed ?? [], status: kind === 'status_changed' ? ticket.status : undefined },
    };
  }
  return null; // an event type triage has no use for: accepted and ignored
}

export function subdomainOf(url: string | undefined): string | undefined {
  const m = /^(?:https?:\/\/)?([a-z0-9][a-z0-9-]*)\.zendesk\.com\b/i.exec(url ?? '');
  return m?.[1]?.toLowerCase();
}
