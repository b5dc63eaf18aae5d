/**
 * Freshdesk objects ↔ the port's neutral shapes. Freshdesk numbers statuses (custom ones
 * come from ticket_fields: see statuses.ts), priorities and sources; the assignee is
 * `responder_id`; a ticket's first message is its description, not a conversation.
 */
import type { HelpdeskComment, HelpdeskOrganization, HelpdeskPerson, HelpdeskTicket } from '../port.js';
import { priorityName, type StatusCatalogue } from './statuses.js';
import { htmlToText } from './html.js';
import type { FdAgent, FdCompany, FdContact, FdConversation, FdTicket } from './types.js';

const idOrNull = (v: number | null | undefined) => (v === null || v === undefined ? null : String(v));

/** Ticket source (FACTS.md §3) → the channel names the rest of Baton uses. */
export function channelOf(source: number): string {
  return ({ 1: 'email', 2: 'web', 3: 'voice', 7: 'chat', 9: 'web', 10: 'email' } as Record<number, string>)[source] ?? 'other';
}

export function toTicket(t: FdTicket, statuses: StatusCatalogue): HelpdeskTicket {
  return {
    id: String(t.id),
    subject: t.subject ?? '',
    status: statuses.neutralOf(t.status),
    priority: priorityName(t.priority),
    tags: t.tags ?? [],
    groupId: idOrNull(t.group_id),
    assigneeId: idOrNull(t.responder_id),
    requesterId: String(t.requester_id),
    organizationId: idOrNull(t.company_id),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

/** The description as the ticket's first comment, so "the latest message" of a new ticket is its text. */
export const DESCRIPTION_PREFIX = 'd';

export function descriptionComment(t: FdTicket): HelpdeskComment {
  return { id: `${DESCRIPTION_PREFIX}${t.id}`, authorId: String(t.requester_id), body: t.description_text ?? htmlToText(t.description ?? ''), public: true, createdAt: t.created_at };
}

export function toComment(c: FdConversation): HelpdeskComment {
  return { id: String(c.id), authorId: String(c.user_id), body: c.body_text ?? htmlToText(c.body), public: !c.private, createdAt: c.created_at };
}

export function contactToPerson(c: FdContact): HelpdeskPerson {
  return { id: String(c.id), name: c.name, email: c.email ?? undefined, role: 'end-user', locale: c.language ?? undefined, organizationId: idOrNull(c.company_id), tags: c.tags ?? [], fields: flat(c.custom_fields) };
}

export function agentToPerson(a: FdAgent): HelpdeskPerson {
  return { id: String(a.id), name: a.contact.name, email: a.contact.email, role: 'agent', locale: a.contact.language ?? undefined, organizationId: null, tags: [], fields: {} };
}

/**
 * A company for VIP checks: its custom fields (plan, ARR, ...), with `account_tier`,
 * `health_score` and `industry` beside them, and tags from a `tags` custom field
 * (Freshdesk companies have no tag list of their own).
 */
export function toOrganization(c: FdCompany): HelpdeskOrganization {
  const fields = flat(c.custom_fields);
  const tags = typeof fields.tags === 'string' ? fields.tags.split(',').map((t) => t.trim()).filter(Boolean) : [];
  delete fields.tags;
  for (const k of ['account_tier', 'health_score', 'industry'] as const) if (c[k] !== undefined && c[k] !== null) fields[k] = c[k]!;
  return { id: String(c.id), name: c.name, tags, fields };
}

function flat(o: Record<string, unknown> | undefined): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(o ?? {})) out[k] = v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string | number | boolean | null) : JSON.stringify(v);
  return out;
}

/**
 * Freshdesk's solution search answers whole articles, no excerpt (FACTS.md §5): the
 * sentence that shares the most words with the query stands in for the snippet Zendesk's
 * Help Center search returns.
 */
export function snippetOf(text: string, query: string): string {
  const words = new Set(query.toLowerCase().split(/\W+/).filter((w) => w.length > 2));
  let best = '';
  let bestScore = -1;
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const score = sentence.toLowerCase().split(/\W+/).filter((w) => words.has(w)).length;
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  return best.length > 200 ? `${best.slice(0, 197)}...` : best;
}
