/**
 * The one gateway for Freshdesk HTTP (API v2): Basic auth with the API key, the account's
 * per-minute budget with its list sub-limits, `Retry-After` on 429, retries of 5xx and
 * network failures, `Link` pagination, and a count of every call (per ticket via `scoped`).
 * Facts: ../shared/freshdesk/FACTS.md and api-endpoints.md (sections cited below).
 * Tests swap the base URL (the sandbox's Freshdesk face), never the code.
 */
import { BatonError } from '../../errors.js';
import { DEFAULT_HELPDESK_TIMEOUT_MS, jsonRequestOptions, routeOf, sendWithRetries } from '../http-retry.js';
import { freshdeskBudgetFor, type FreshdeskBudget, type PlanLimits } from './rate-plan.js';
import { StatusCatalogue } from './statuses.js';
import type { FdAgent, FdArticle, FdCompany, FdContact, FdConversation, FdGroup, FdTicket, FdTicketField } from './types.js';

export interface FreshdeskGatewayOptions {
  /** `https://acme.freshdesk.com` (v2 works only on the freshdesk.com domain, not a CNAME). */
  baseUrl: string;
  apiKey: string;
  limits: PlanLimits;
  timeoutMs?: number;
  /** Longest we wait on one Retry-After before giving the job back to the queue. */
  maxRetryAfterMs?: number;
  maxRetries?: number;
  onCall?: (call: { method: string; route: string; status: number }) => void;
}

/** Shared by every scoped view of one gateway: the status set is read once per process. */
interface SharedState {
  statuses?: Promise<StatusCatalogue>;
  statusesReadAt?: number;
  /** The account's per-minute limit as the last response's X-RateLimit-Total said it. */
  rateLimitTotal?: number;
}

export class FreshdeskGateway {
  readonly baseUrl: string;
  private readonly auth: string;
  /** Calls made through this instance (see `scoped`), in requests (not credits). */
  calls = 0;

  constructor(
    private readonly opts: FreshdeskGatewayOptions,
    private readonly budget: FreshdeskBudget = freshdeskBudgetFor(opts.baseUrl.replace(/\/+$/, ''), opts.limits),
    private readonly shared: SharedState = {},
  ) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    // FACTS.md §1: the API key is the Basic user name and the password is any dummy; the docs use X.
    this.auth = `Basic ${Buffer.from(`${opts.apiKey}:X`).toString('base64')}`;
  }

  /** A view sharing auth, budget and the status catalogue, with its own call counter. */
  scoped(): FreshdeskGateway {
    return new FreshdeskGateway(this.opts, this.budget, this.shared);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<{ data: T; link: string | null }> {
    const route = routeOf(path);
    const { res, text } = await sendWithRetries({
      helpdesk: 'Freshdesk',
      method,
      url: this.baseUrl + path,
      route,
      // FACTS.md §1: JSON only; an Accept other than application/json or */* gets 406.
      ...jsonRequestOptions({ auth: this.auth, body, timeoutMs: this.opts.timeoutMs, maxRetries: this.opts.maxRetries, maxRetryAfterMs: this.opts.maxRetryAfterMs }),
      take: () => this.budget.take(method, path),
      drain: () => this.budget.drain(),
      onSend: () => this.calls++,
      onCall: this.opts.onCall,
      // FACTS.md §2: every response says what is left this minute; at zero, pause before the server has to say 429.
      onResponse: (r) => {
        if (r.headers.get('x-ratelimit-remaining') === '0') this.budget.drain();
        const total = Number(r.headers.get('x-ratelimit-total') ?? NaN);
        if (Number.isFinite(total) && total > 0) this.shared.rateLimitTotal = total;
      },
    });
    if (res.ok) return { data: (res.status === 204 ? undefined : await res.json()) as T, link: nextLink(res.headers.get('link')) };
    const detail = (text ?? '').slice(0, 300);
    if (res.status === 409) throw new BatonError('HELPDESK_CONFLICT', `Freshdesk reported a conflict on ${method} ${route}: ${detail}`, { status: 409 });
    if (res.status === 400 && method === 'PUT' && route === '/api/v2/tickets/:id') throw refused(route, text ?? '');
    throw new BatonError('HELPDESK_HTTP', `Freshdesk answered ${res.status} to ${method} ${route}: ${detail}`, {
      status: res.status >= 500 ? 502 : res.status,
      details: { httpStatus: res.status, ...validationErrors(text ?? '') },
    });
  }

  /** How long one request may take (FRESHDESK_TIMEOUT_MS). */
  get timeoutMs(): number {
    return this.opts.timeoutMs ?? DEFAULT_HELPDESK_TIMEOUT_MS;
  }

  /** The plan's per-minute limit the account last reported (X-RateLimit-Total, FACTS.md §2), once a response said it. */
  get rateLimitSeen(): number | null {
    return this.shared.rateLimitTotal ?? null;
  }

  /** Every item of a list, following `Link: <...>; rel="next"` (api-endpoints.md conventions). */
  async list<T>(path: string, perPage = 100): Promise<T[]> {
    const out: T[] = [];
    let next: string | null = `${path}${path.includes('?') ? '&' : '?'}per_page=${perPage}`;
    while (next) {
      const page: { data: T[]; link: string | null } = await this.request<T[]>('GET', next);
      out.push(...(page.data ?? []));
      next = page.link ? page.link.replace(/^https?:\/\/[^/]+/, '') : null;
    }
    return out;
  }

  async getTicket(id: string | number): Promise<FdTicket> {
    return (await this.request<FdTicket>('GET', `/api/v2/tickets/${enc(id)}`)).data;
  }

  /** PUT changes only the properties sent (api-endpoints.md §1); 200 with the whole ticket. */
  async updateTicket(id: string | number, update: Record<string, unknown>): Promise<FdTicket> {
    return (await this.request<FdTicket>('PUT', `/api/v2/tickets/${enc(id)}`, update)).data;
  }

  /** All replies and notes, oldest first (the description is not among them). */
  listConversations(ticketId: string | number): Promise<FdConversation[]> {
    return this.list<FdConversation>(`/api/v2/tickets/${enc(ticketId)}/conversations`);
  }

  /** POST /reply: a public reply, e-mailed to the requester (FACTS.md §4). Body is HTML. */
  async reply(ticketId: string | number, html: string): Promise<FdConversation> {
    return (await this.request<FdConversation>('POST', `/api/v2/tickets/${enc(ticketId)}/reply`, { body: html })).data;
  }

  /** POST /notes: `private` defaults to true, but we say so rather than rely on a default. */
  async note(ticketId: string | number, html: string, isPrivate = true): Promise<FdConversation> {
    return (await this.request<FdConversation>('POST', `/api/v2/tickets/${enc(ticketId)}/notes`, { body: html, private: isPrivate })).data;
  }

  /** DELETE /conversations/[id] (api-endpoints.md §3): 204. */
  async deleteConversation(id: string | number): Promise<void> {
    await this.request('DELETE', `/api/v2/conversations/${enc(id)}`);
  }

  /** The agent that owns the API key: Baton's own agent (any role may call it). */
  async me(): Promise<FdAgent> {
    return (await this.request<FdAgent>('GET', '/api/v2/agents/me')).data;
  }

  /** Admin only, like the agent list. */
  async getAgent(id: string | number): Promise<FdAgent> {
    return (await this.request<FdAgent>('GET', `/api/v2/agents/${enc(id)}`)).data;
  }

  async getContact(id: string | number): Promise<FdContact> {
    return (await this.request<FdContact>('GET', `/api/v2/contacts/${enc(id)}`)).data;
  }

  async getCompany(id: string | number): Promise<FdCompany> {
    return (await this.request<FdCompany>('GET', `/api/v2/companies/${enc(id)}`)).data;
  }

  /** Admin only, as is the agent list (api-endpoints.md §5). */
  listGroups(): Promise<FdGroup[]> {
    return this.list<FdGroup>('/api/v2/groups');
  }

  listAgents(): Promise<FdAgent[]> {
    return this.list<FdAgent>('/api/v2/agents');
  }

  /** Keyword search of the knowledge base → a plain array of articles (FACTS.md §5). */
  async searchArticles(term: string): Promise<FdArticle[]> {
    return (await this.request<FdArticle[]>('GET', `/api/v2/search/solutions?term=${encodeURIComponent(term)}`)).data ?? [];
  }

  /**
   * Filter tickets: the query is wrapped in double quotes and ≤ 512 characters; 30 a page,
   * at most 10 pages (FACTS.md §5). `total` is the full count, even past 300.
   */
  async searchTickets(query: string, maxPages = 10): Promise<{ total: number; results: FdTicket[] }> {
    if (query.length > 512) throw new BatonError('BAD_REQUEST', 'Freshdesk ticket search queries are limited to 512 characters.', { status: 400 });
    const q = encodeURIComponent(`"${query}"`);
    const results: FdTicket[] = [];
    let total = 0;
    for (let page = 1; page <= Math.min(10, maxPages); page++) {
      const { data } = await this.request<{ total: number; results: FdTicket[] }>('GET', `/api/v2/search/tickets?query=${q}&page=${page}`);
      total = data.total;
      results.push(...data.results);
      if (data.results.length < 30 || results.length >= total) break;
    }
    return { total, results };
  }

  async ticketFields(): Promise<FdTicketField[]> {
    return (await this.request<FdTicketField[]>('GET', '/api/v2/ticket_fields')).data;
  }

  /**
   * The account's statuses, custom ones included, shared by scoped views and read again after
   * an hour, so a status an admin adds is known without a restart.
   */
  statuses(): Promise<StatusCatalogue> {
    if (this.shared.statuses && Date.now() - (this.shared.statusesReadAt ?? 0) <= STATUSES_TTL_MS) return this.shared.statuses;
    this.shared.statusesReadAt = Date.now();
    const read = this.ticketFields()
      .then(StatusCatalogue.fromTicketFields)
      .catch((err) => {
        if (this.shared.statuses === read) this.shared.statuses = undefined; // try again next time rather than remember a failure
        throw err;
      });
    this.shared.statuses = read;
    return read;
  }

  /** Where an agent opens the ticket in Freshdesk. */
  ticketUrl(id: string | number): string {
    return `${this.baseUrl}/a/tickets/${enc(id)}`;
  }
}

const enc = (v: string | number) => encodeURIComponent(String(v));
const STATUSES_TTL_MS = 60 * 60_000;

/** `<https://x/api/v2/tickets?page=2>; rel="next"` → the URL, or null on the last page. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part.trim());
    if (m) return m[1]!;
  }
  return null;
}

/** 400 bodies: {"description":"Validation failed","errors":[{field,message,code}]} (FACTS.md §6). */
function validationErrors(text: string): { errors?: unknown } {
  try {
    const body = JSON.parse(text) as { errors?: unknown };
    return Array.isArray(body.errors) ? { errors: body.errors } : {};
  } catch {
    return {};
  }
}

/**
 * A ticket update the account refused with 400 (an agent that cannot take the ticket, fields
 * `required_for_closure` on a resolve: FACTS.md §3): HELPDESK_REFUSED names the fields, the
 * assignee as `assignee` as the use cases call it, so the rest of the write can go on.
 */
function refused(route: string, text: string): BatonError {
  const errors = (validationErrors(text).errors ?? []) as Array<{ field?: string; message?: string }>;
  const fields = [...new Set(errors.map((e) => (e.field === 'responder_id' ? 'assignee' : String(e.field ?? ''))).filter(Boolean))];
  const reasons = [...new Set(errors.map((e) => `${e.field ?? 'ticket'}: ${e.message ?? 'refused'}`))];
  return new BatonError('HELPDESK_REFUSED', `Freshdesk refused PUT ${route} (400): ${reasons.join('; ') || text.slice(0, 300)}`, { status: 422, details: { httpStatus: 400, fields, reasons, errors } });
}
