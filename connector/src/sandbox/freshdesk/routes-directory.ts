/**
 * Freshdesk's reads around a ticket: contacts and companies (VIP checks), agents (the API
 * key's own agent at /agents/me; the list is admin-only), groups, ticket fields (with the
 * status choices, custom ones included), knowledge-base search, and ticket search.
 */
import { Router, type RequestHandler } from 'express';
import { searchArticles } from '../help-center-search.js';
import type { TicketRecord } from '../model.js';
import { currentUser, idParam, queryValue, type SandboxServices } from '../http/context.js';
import { fdAccessDenied, fdInvalidValue, fdNotFound } from './errors.js';
import type { FreshdeskFaceState } from './face-state.js';
import { FD_PRIORITY_LABELS, FD_STATUS_CHOICES, fdPriorityOf, fdStatusOf } from './mapping.js';
import { fdPage } from './paging.js';
import { fdAgentJson, fdArticleJson, fdCompanyJson, fdContactJson, fdGroupJson, fdTicketJson } from './serializers.js';

export function freshdeskDirectoryRoutes(s: SandboxServices, face: FreshdeskFaceState): Router {
  const r = Router();
  // FACTS.md §1: every Agent API but /agents/me needs an admin; api-endpoints.md §5: the group API too.
  const adminOnly: RequestHandler = (_req, res, next) => next(currentUser(res).role === 'admin' ? undefined : fdAccessDenied());
  r.get(['/api/v2/agents', '/api/v2/agents/:id', '/api/v2/groups', '/api/v2/groups/:id'], (req, res, next) => (req.params.id === 'me' ? next() : adminOnly(req, res, next)));

  r.get('/api/v2/contacts', (req, res) => {
    const email = queryValue(req, 'email')?.toLowerCase();
    const companyId = queryValue(req, 'company_id');
    const all = [...s.state.users.values()].filter((u) => u.role === 'end-user' && (email === undefined || u.email.toLowerCase() === email) && (companyId === undefined || String(u.organizationId) === companyId));
    res.json(fdPage(all, req, res, s.baseUrl).map(fdContactJson));
  });

  r.get('/api/v2/companies/:id', (req, res) => {
    const o = s.state.getOrganization(idParam(req, 'id'));
    if (!o) throw fdNotFound();
    res.json(fdCompanyJson(o));
  });

  r.get('/api/v2/agents/me', (_req, res) => {
    res.json(fdAgentJson(currentUser(res), s.state));
  });

  r.get('/api/v2/agents', (req, res) => {
    res.json(fdPage(s.state.agents(), req, res, s.baseUrl).map((u) => fdAgentJson(u, s.state)));
  });

  r.get('/api/v2/agents/:id', (req, res) => {
    const u = s.state.getUser(idParam(req, 'id'));
    if (!u || u.role === 'end-user') throw fdNotFound();
    res.json(fdAgentJson(u, s.state));
  });

  r.get('/api/v2/groups', (req, res) => {
    const all = [...s.state.groups.values()].sort((a, b) => a.id - b.id);
    res.json(fdPage(all, req, res, s.baseUrl).map((g) => fdGroupJson(g, s.state)));
  });

  r.get('/api/v2/groups/:id', (req, res) => {
    const g = s.state.getGroup(idParam(req, 'id'));
    if (!g) throw fdNotFound();
    res.json(fdGroupJson(g, s.state));
  });

  r.get('/api/v2/ticket_fields', (_req, res) => {
    const groups = Object.fromEntries([...s.state.groups.values()].map((g) => [g.name, g.id]));
    const agents = Object.fromEntries(s.state.agents().map((u) => [u.name, u.id]));
    const field = (id: number, name: string, label: string, type: string, choices?: unknown) => ({
      id,
      name,
      label,
      description: label,
      position: id,
      type,
      default: true,
      required_for_closure: false,
      required_for_agents: name === 'subject' || name === 'status' || name === 'priority',
      required_for_customers: false,
      label_for_customers: label,
      customers_can_edit: false,
      displayed_to_customers: true,
      ...(choices === undefined ? {} : { choices }),
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    });
    res.json([
      field(1, 'requester', 'Search a requester', 'default_requester'),
      field(2, 'subject', 'Subject', 'default_subject'),
      field(3, 'ticket_type', 'Type', 'default_ticket_type', ['Question', 'Incident', 'Problem', 'Feature Request']),
      field(4, 'source', 'Source', 'default_source', { Email: 1, Portal: 2, Phone: 3, Chat: 7, 'Feedback Widget': 9, 'Outbound Email': 10 }),
      field(5, 'status', 'Status', 'default_status', FD_STATUS_CHOICES),
      field(6, 'priority', 'Priority', 'default_priority', Object.fromEntries(Object.entries(FD_PRIORITY_LABELS).map(([n, l]) => [l, Number(n)]))),
      field(7, 'group', 'Group', 'default_group', groups),
      field(8, 'agent', 'Agent', 'default_agent', agents),
      field(9, 'description', 'Description', 'default_description'),
    ]);
  });

  r.get('/api/v2/search/solutions', (req, res) => {
    const term = queryValue(req, 'term');
    if (!term) throw fdInvalidValue('term', 'Mandatory attribute missing');
    res.json(searchArticles(s.state.articles, term).map((h) => fdArticleJson(h.article, s.baseUrl)));
  });

  r.get('/api/v2/solutions/articles/:id', (req, res) => {
    const a = s.state.articles.find((x) => x.id === idParam(req, 'id'));
    if (!a) throw fdNotFound();
    res.json(fdArticleJson(a, s.baseUrl));
  });

  r.get('/api/v2/search/tickets', (req, res) => {
    const raw = queryValue(req, 'query') ?? '';
    // FACTS.md §5: the query is wrapped in double quotes, ≤ 512 characters; 30 a page, page ≤ 10.
    if (!/^".*"$/s.test(raw) || raw.length > 514) throw fdInvalidValue('query', 'It should be wrapped in double quotes and at most 512 characters long');
    const page = Number(queryValue(req, 'page') ?? '1');
    if (!Number.isInteger(page) || page < 1 || page > 10) throw fdInvalidValue('page', 'It should be a/an Positive Integer less than or equal to 10');
    const matches = ticketQuery(raw.slice(1, -1), face);
    const all = s.state.listTickets().filter((t) => matches(t)).reverse();
    res.json({ total: all.length, results: all.slice((page - 1) * 30, page * 30).map((t) => fdTicketJson(t, s.state, face)) });
  });

  return r;
}

/**
 * The ticket-filter language, the part the connector needs: `field:value` terms joined by
 * AND / OR (AND binds tighter), on status, priority, group_id, agent_id, tag, and
 * created_at/updated_at with `:>` / `:<` against 'YYYY-MM-DD'. Other fields are refused.
 */
function ticketQuery(query: string, face: FreshdeskFaceState): (t: TicketRecord) => boolean {
  const ors = query.split(/\s+OR\s+/).map((part) => part.split(/\s+AND\s+/).map((term) => termMatcher(term.trim(), face)));
  return (t) => ors.some((ands) => ands.every((m) => m(t)));
}

function termMatcher(term: string, face: FreshdeskFaceState): (t: TicketRecord) => boolean {
  const m = /^(\w+):([<>]?)\s*'?([^']*)'?$/.exec(term);
  if (!m) throw fdInvalidValue('query', `Unsupported term "${term}"`);
  const [, field, cmp, rawValue] = m as unknown as [string, string, string, string];
  const value = rawValue === 'null' ? null : /^\d+$/.test(rawValue) ? Number(rawValue) : rawValue;
  const date = (d: Date) => d.toISOString().slice(0, 10);
  switch (field) {
    case 'status':
      return (t) => fdStatusOf(t, face.customStatuses) === value;
    case 'priority':
      return (t) => fdPriorityOf(t) === value;
    case 'group_id':
      return (t) => t.groupId === value;
    case 'agent_id':
      return (t) => t.assigneeId === value;
    case 'tag':
      return (t) => t.tags.includes(String(value));
    case 'created_at':
    case 'updated_at':
      return (t) => {
        const d = date(field === 'created_at' ? t.createdAt : t.updatedAt);
        return cmp === '>' ? d >= String(value) : cmp === '<' ? d <= String(value) : d === String(value);
      };
    default:
      throw fdInvalidValue('query', `Unsupported field "${field}"`);
  }
}
