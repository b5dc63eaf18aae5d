/**
 * The part of Zendesk's search syntax an integration uses: `type:ticket requester:x`,
 * `status<solved`, `tags:vip`, `-tags:x`, `assignee:none`, `group:"Finance"`, `created>2026-01-01`,
 * `via:email`, and free text matched against subject, description and comments (users: name
 * and e-mail; organizations: name). Unknown keywords match nothing, so a typo cannot pass as
 * a broad query.
 */
import { PRIORITY_ORDER, STATUS_ORDER, VIA, type OrganizationRecord, type TicketRecord, type UserRecord } from './model.js';
import type { SandboxState } from './state.js';

export interface SearchTerm {
  negated: boolean;
  key: string | null;
  op: ':' | '<' | '>' | '<=' | '>=';
  value: string;
}

export function parseQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const re = /(-)?(?:([a-z_]+)(<=|>=|:|<|>))?("([^"]*)"|\S+)/gi;
  for (const m of query.matchAll(re)) {
    const value = m[5] ?? m[4] ?? '';
    terms.push({ negated: m[1] === '-', key: m[2]?.toLowerCase() ?? null, op: (m[3] as SearchTerm['op'] | undefined) ?? ':', value });
  }
  return terms;
}

function compareOrdered(order: readonly string[], actual: string | null, op: SearchTerm['op'], value: string): boolean {
  if (actual === null) return false;
  const a = order.indexOf(actual);
  const b = order.indexOf(value.toLowerCase());
  if (b < 0) return false;
  return op === ':' ? a === b : op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
}

function compareDate(actual: Date, op: SearchTerm['op'], value: string): boolean {
  const t = Date.parse(value);
  if (Number.isNaN(t)) return false;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const a = actual.getTime();
  if (op === ':') return day ? a >= t && a < t + 86_400_000 : a === t;
  return op === '<' ? a < t : op === '>' ? (day ? a >= t + 86_400_000 : a > t) : op === '<=' ? a <= t : a >= t;
}

function matchesUser(state: SandboxState, userId: number | null, value: string): boolean {
  const v = value.toLowerCase();
  if (v === 'none') return userId === null;
  if (userId === null) return false;
  if (/^\d+$/.test(v)) return userId === Number(v);
  const user = state.getUser(userId);
  return !!user && (user.email.toLowerCase() === v || user.name.toLowerCase().includes(v));
}

function textMatches(haystack: string, value: string): boolean {
  return haystack.toLowerCase().includes(value.toLowerCase());
}

function ticketTerm(state: SandboxState, t: TicketRecord, term: SearchTerm): boolean {
  const v = term.value;
  switch (term.key) {
    case null:
      return textMatches(`${t.subject} ${t.description} ${state.commentsFor(t.id).map((c) => c.body).join(' ')}`, v);
    case 'status':
      return compareOrdered(STATUS_ORDER, t.status, term.op, v);
    case 'priority':
      return compareOrdered(PRIORITY_ORDER, t.priority, term.op, v);
    case 'ticket_type':
      return (t.type ?? '') === v.toLowerCase();
    case 'requester':
      return matchesUser(state, t.requesterId, v);
    case 'assignee':
      return matchesUser(state, t.assigneeId, v);
    case 'submitter':
      return matchesUser(state, t.submitterId, v);
    case 'group': {
      if (v.toLowerCase() === 'none') return t.groupId === null;
      const g = t.groupId === null ? undefined : state.getGroup(t.groupId);
      return !!g && (String(g.id) === v || g.name.toLowerCase() === v.toLowerCase());
    }
    case 'organization': {
      if (v.toLowerCase() === 'none') return t.organizationId === null;
      const o = t.organizationId === null ? undefined : state.getOrganization(t.organizationId);
      return !!o && (String(o.id) === v || o.name.toLowerCase() === v.toLowerCase());
    }
    case 'tags':
    case 'tag':
      return t.tags.includes(v.toLowerCase());
    case 'subject':
      return textMatches(t.subject, v);
    case 'description':
      return textMatches(t.description, v);
    case 'via':
      return VIA[t.viaKey].channel === v.toLowerCase();
    case 'created':
      return compareDate(t.createdAt, term.op, v);
    case 'updated':
      return compareDate(t.updatedAt, term.op, v);
    case 'external_id':
      return t.externalId === v;
    default:
      return false;
  }
}

function userTerm(u: UserRecord, term: SearchTerm): boolean {
  const v = term.value.toLowerCase();
  switch (term.key) {
    case null:
      return textMatches(`${u.name} ${u.email}`, v);
    case 'email':
      return u.email.toLowerCase() === v;
    case 'name':
      return textMatches(u.name, v);
    case 'role':
      return u.role === v || (v === 'end-user' && u.role === 'end-user');
    case 'organization':
      return String(u.organizationId ?? 'none') === v;
    case 'tags':
    case 'tag':
      return u.tags.includes(v);
    default:
      return false;
  }
}

function organizationTerm(o: OrganizationRecord, term: SearchTerm): boolean {
  const v = term.value.toLowerCase();
  switch (term.key) {
    case null:
    case 'name':
      return textMatches(o.name, v);
    case 'tags':
    case 'tag':
      return o.tags.includes(v);
    default:
      return false;
  }
}

export type SearchHit = { type: 'ticket'; record: TicketRecord } | { type: 'user'; record: UserRecord } | { type: 'organization'; record: OrganizationRecord };

export function search(state: SandboxState, query: string): SearchHit[] {
  const terms = parseQuery(query);
  const typeTerm = terms.find((t) => t.key === 'type');
  const types = typeTerm ? [typeTerm.value.toLowerCase()] : ['ticket', 'user', 'organization'];
  const rest = terms.filter((t) => t.key !== 'type');
  const keep = <T>(record: T, test: (r: T, term: SearchTerm) => boolean): boolean => rest.every((term) => test(record, term) !== term.negated);
  const hits: SearchHit[] = [];
  if (types.includes('ticket')) for (const t of state.listTickets()) if (keep(t, (r, term) => ticketTerm(state, r, term))) hits.push({ type: 'ticket', record: t });
  if (types.includes('user')) for (const u of state.users.values()) if (keep(u, userTerm)) hits.push({ type: 'user', record: u });
  if (types.includes('organization')) for (const o of state.organizations.values()) if (keep(o, organizationTerm)) hits.push({ type: 'organization', record: o });
  return hits;
}

const sortValue = (hit: SearchHit, key: string): number | string => {
  if (key === 'created_at') return hit.record.createdAt.getTime();
  if (hit.type === 'ticket' && key === 'priority') return PRIORITY_ORDER.indexOf(hit.record.priority ?? 'low');
  if (hit.type === 'ticket' && key === 'status') return STATUS_ORDER.indexOf(hit.record.status);
  if (hit.type === 'ticket' && key === 'ticket_type') return hit.record.type ?? '';
  return hit.record.updatedAt.getTime();
};

/** sort_by (updated_at default) and sort_order (desc default), ties broken by id. */
export function sortHits(hits: SearchHit[], sortBy = 'updated_at', sortOrder = 'desc'): SearchHit[] {
  const dir = sortOrder === 'asc' ? 1 : -1;
  return [...hits].sort((a, b) => {
    const x = sortValue(a, sortBy);
    const y = sortValue(b, sortBy);
    return (x < y ? -1 : x > y ? 1 : 0) * dir || (a.record.id - b.record.id) * dir;
  });
}
