/** Zendesk objects ↔ the port's neutral shapes (string ids, one TicketChange). */
import type { HelpdeskComment, HelpdeskOrganization, HelpdeskPerson, HelpdeskTicket, TicketChange } from '../port.js';
import type { ZdComment, ZdOrganization, ZdTicket, ZdTicketUpdate, ZdUser } from './types.js';

const idOrNull = (v: number | null | undefined) => (v === null || v === undefined ? null : String(v));

export function toTicket(t: ZdTicket): HelpdeskTicket {
  return {
    id: String(t.id),
    subject: t.subject ?? '',
    status: t.status,
    priority: t.priority,
    tags: t.tags,
    groupId: idOrNull(t.group_id),
    assigneeId: idOrNull(t.assignee_id),
    requesterId: String(t.requester_id),
    organizationId: idOrNull(t.organization_id),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

export function toComment(c: ZdComment): HelpdeskComment {
  return { id: String(c.id), authorId: String(c.author_id), body: c.body, public: c.public, createdAt: c.created_at };
}

export function toPerson(u: ZdUser): HelpdeskPerson {
  return { id: String(u.id), name: u.name, email: u.email, role: u.role, locale: u.locale, organizationId: idOrNull(u.organization_id), tags: u.tags ?? [], fields: u.user_fields ?? {} };
}

export function toOrganization(o: ZdOrganization): HelpdeskOrganization {
  return { id: String(o.id), name: o.name, tags: o.tags ?? [], fields: o.organization_fields ?? {} };
}

/** The ticket's tags after a change: removals first, then additions in order, no duplicates. */
export function applyTagChange(current: string[], change: TicketChange['tags']): string[] {
  const drop = new Set(change?.remove ?? []);
  const out: string[] = [];
  for (const t of [...current, ...(change?.add ?? [])]) if (!drop.has(t) && !out.includes(t)) out.push(t);
  return out;
}

/**
 * One Zendesk update for a change carrying at most one comment (Zendesk takes one comment
 * per update; `ZendeskHelpdesk.updateTicket` splits a change with both note and reply).
 */
export function toTicketUpdate(change: TicketChange, currentTags: string[]): ZdTicketUpdate {
  const comment = change.publicReply !== undefined ? { body: change.publicReply, public: true } : change.internalNote !== undefined ? { body: change.internalNote, public: false } : undefined;
  return {
    ...(comment ? { comment } : {}),
    ...(change.status ? { status: change.status } : {}),
    ...(change.priority ? { priority: change.priority } : {}),
    ...(change.groupId !== undefined ? { group_id: Number(change.groupId) } : {}),
    ...(change.assigneeId !== undefined ? { assignee_id: Number(change.assigneeId) } : {}),
    ...(change.tags ? { tags: applyTagChange(currentTags, change.tags) } : {}),
  };
}
