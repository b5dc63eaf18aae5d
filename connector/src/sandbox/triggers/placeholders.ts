/**
 * Renders Zendesk placeholders ({{ticket.id}}, {{ticket.requester.email}}, ...) in a webhook
 * body the way Zendesk does for a JSON webhook: values are text (ids too), shown as the agent
 * interface shows them (status "Open", priority "Normal", via "Mail", language "English",
 * role "End-user"), and JSON-escaped so that quotes and newlines in a customer's message keep
 * the body valid JSON.
 * Unknown placeholders render as empty text, as in Zendesk. Liquid tags are not supported.
 * Only placeholders in Zendesk's placeholder reference are rendered
 * (support.zendesk.com/hc/en-us/articles/4408886858138): `ticket.group.id`,
 * `ticket.latest_comment.id` and `..._comment.created_at_with_timestamp` are not there, so
 * here they render empty, as the worst a real account could do with them.
 */
import { VIA, type TicketPriority, type TicketStatus, type UserRecord } from '../model.js';
import { iso } from '../serializers.js';
import type { SandboxState } from '../state.js';
import type { TicketChange } from '../ticket-service.js';

const STATUS_LABEL: Record<TicketStatus, string> = { new: 'New', open: 'Open', pending: 'Pending', hold: 'On-hold', solved: 'Solved', closed: 'Closed' };
const PRIORITY_LABEL: Record<TicketPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
/** {{current_user.role}} renders the role's display name ("End-user", "Agent", "Admin"), not the API value. */
const ROLE_LABEL: Record<UserRecord['role'], string> = { 'end-user': 'End-user', agent: 'Agent', admin: 'Admin' };

export interface RenderContext {
  change: TicketChange;
  state: SandboxState;
  accountName: string;
  /** Host of the agent interface, e.g. "baton-sandbox.zendesk.com" ({{ticket.url}} has no scheme). */
  agentHost: string;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
export function languageName(locale: string): string {
  const base = locale.split('-')[0] ?? locale;
  try {
    return languageNames.of(base) ?? locale;
  } catch {
    return locale;
  }
}

function userValues(prefix: string, user: UserRecord | undefined): Record<string, string> {
  if (!user) return {};
  const [first = '', ...rest] = user.name.split(' ');
  return {
    [`${prefix}.id`]: String(user.id),
    [`${prefix}.name`]: user.name,
    [`${prefix}.first_name`]: first,
    [`${prefix}.last_name`]: rest.join(' '),
    [`${prefix}.email`]: user.email,
    [`${prefix}.language`]: languageName(user.locale),
    [`${prefix}.tags`]: user.tags.join(' '),
    [`${prefix}.role`]: ROLE_LABEL[user.role],
  };
}

/** Every placeholder this sandbox knows, with its rendered (unescaped) value for one change. */
export function placeholderValues(ctx: RenderContext): Record<string, string> {
  const { ticket, actor } = ctx.change;
  const { state } = ctx;
  const latest = state.latestComment(ticket.id);
  const latestPublic = state.publicCommentsFor(ticket.id).at(-1);
  const group = ticket.groupId === null ? undefined : state.getGroup(ticket.groupId);
  const org = ticket.organizationId === null ? undefined : state.getOrganization(ticket.organizationId);
  const values: Record<string, string> = {
    'ticket.account': ctx.accountName,
    'ticket.id': String(ticket.id),
    'ticket.title': ticket.subject,
    'ticket.description': ticket.description,
    'ticket.status': STATUS_LABEL[ticket.status],
    'ticket.priority': ticket.priority ? PRIORITY_LABEL[ticket.priority] : '',
    'ticket.ticket_type': ticket.type ? ticket.type[0]!.toUpperCase() + ticket.type.slice(1) : '',
    'ticket.tags': ticket.tags.join(' '),
    'ticket.via': VIA[ticket.viaKey].label,
    'ticket.url': `${ctx.agentHost}/agent/tickets/${ticket.id}`,
    'ticket.link': `https://${ctx.agentHost}/agent/tickets/${ticket.id}`,
    'ticket.external_id': ticket.externalId ?? '',
    'ticket.created_at_with_timestamp': iso(ticket.createdAt),
    'ticket.updated_at_with_timestamp': iso(ticket.updatedAt),
    'ticket.group.name': group?.name ?? '',
    'ticket.organization.id': org ? String(org.id) : '',
    'ticket.organization.name': org?.name ?? '',
    'ticket.organization.tags': org?.tags.join(' ') ?? '',
    'ticket.organization.notes': org?.notes ?? '',
    ...userValues('ticket.requester', state.getUser(ticket.requesterId)),
    ...userValues('ticket.assignee', ticket.assigneeId === null ? undefined : state.getUser(ticket.assigneeId)),
    ...userValues('current_user', actor),
  };
  for (const [prefix, comment] of [['ticket.latest_comment', latest], ['ticket.latest_public_comment', latestPublic]] as const) {
    if (!comment) continue;
    values[`${prefix}.value`] = comment.plainBody;
    values[`${prefix}.author.id`] = String(comment.authorId);
    values[`${prefix}.author.name`] = state.getUser(comment.authorId)?.name ?? '';
    values[`${prefix}.is_public`] = String(comment.public);
  }
  return values;
}

/** JSON string escaping without the surrounding quotes. */
export function jsonEscape(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

export function renderPlaceholders(template: string, ctx: RenderContext, escape: (v: string) => string = jsonEscape): string {
  const values = placeholderValues(ctx);
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => escape(values[name] ?? ''));
}
