/**
 * One ticket object → an audit row. Accepts Zendesk's ticket JSON (API responses, the JSON
 * export, with `users`/`organizations` sideloads when present) and `baton classify` lines
 * ({id, subject, text | comments, requester}), so an admin can audit whatever they have.
 */
import type { AuditOrganization, AuditRow } from './rows.js';

type Obj = Record<string, unknown>;

export interface Sideloads {
  users: Map<string, Obj>;
  organizations: Map<string, Obj>;
}

export const NO_SIDELOADS: Sideloads = { users: new Map(), organizations: new Map() };

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function sideloadsOf(doc: Obj): Sideloads {
  const byId = (list: unknown) => new Map((Array.isArray(list) ? list.filter(isObj) : []).map((x) => [String(x.id), x] as const));
  return { users: byId(doc.users), organizations: byId(doc.organizations) };
}

function organizationOf(org: unknown): AuditOrganization | undefined {
  if (typeof org === 'string') return { name: org, tags: [], fields: {} };
  if (!isObj(org) || typeof org.name !== 'string') return undefined;
  const raw = isObj(org.organization_fields) ? org.organization_fields : isObj(org.fields) ? org.fields : {};
  const fields: AuditOrganization['fields'] = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields[k] = v;
  }
  return { name: org.name, tags: strings(org.tags), fields };
}

/** The first customer comment of a classify line's `comments`, else the first comment. */
function firstCustomerComment(comments: unknown): string | undefined {
  if (!Array.isArray(comments)) return undefined;
  const list = comments.filter(isObj);
  const role = (c: Obj) => String(c.role ?? c.author_role ?? (isObj(c.author) ? c.author.role : c.author) ?? 'customer').toLowerCase();
  const first = list.find((c) => ['customer', 'end-user', 'end_user', 'requester', 'user'].includes(role(c))) ?? list[0];
  return first ? str(first.body ?? first.plain_body) : undefined;
}

function timeOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v < 1e11 ? v * 1000 : v; // unix seconds or ms
  if (typeof v !== 'string' || v.trim() === '') return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
}

/** Returns the row, or the reason it cannot be used. */
export function rowFromTicketObject(value: unknown, row: number, side: Sideloads): AuditRow | { problem: string; id?: string } {
  if (!isObj(value)) return { problem: `expected a ticket object, got ${Array.isArray(value) ? 'a list' : typeof value}` };
  const id = str(value.id ?? value.ticket_id ?? value.key) ?? `row-${row}`;
  const subject = str(value.subject ?? value.raw_subject) ?? '';
  const text = str(value.description ?? value.text ?? value.body) ?? firstCustomerComment(value.comments) ?? '';
  if (subject.trim() === '' && text.trim() === '') return { id, problem: 'no text: subject and description are both empty' };

  const user = side.users.get(String(value.requester_id));
  const embedded = isObj(value.requester) ? value.requester : undefined;
  const person = embedded ?? user;
  const orgId = str(value.organization_id ?? user?.organization_id);
  const organization = organizationOf(embedded?.organization ?? value.organization ?? (orgId ? side.organizations.get(orgId) : undefined));
  const via = isObj(value.via) ? str(value.via.channel) : undefined;
  return {
    row,
    id,
    subject,
    text,
    createdAt: timeOf(value.created_at ?? value.time),
    channel: str(value.channel) ?? via,
    ...(person || organization
      ? { requester: { name: str(person?.name), email: str(person?.email), tags: strings(person?.tags), ...(organization ? { organization } : {}) } }
      : {}),
  };
}
