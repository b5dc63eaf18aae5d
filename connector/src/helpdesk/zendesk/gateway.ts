/**
 * The one gateway for Zendesk HTTP: auth, the per-account request budget, `Retry-After`
 * on 429, retries of 5xx and network failures, `safe_update` conflicts, cursor pagination,
 * and a count of every call. Tests swap the base URL (the sandbox), never the code.
 * A thin typed client over fetch rather than a wrapper library: the connector uses a
 * dozen endpoints and needs control of retries and budgets that wrappers hide.
 */
import { BatonError } from '../../errors.js';
import { DEFAULT_HELPDESK_TIMEOUT_MS, helpdeskRequestFailed, jsonRequestOptions, retryAfterMs, routeOf, sendWithRetries } from '../http-retry.js';
import { budgetFor, type RateBudget } from '../rate-budget.js';
import type { ZdArticle, ZdComment, ZdGroup, ZdGroupMembership, ZdOrganization, ZdTicket, ZdTicketUpdate, ZdUser } from './types.js';

export interface GatewayOptions {
  baseUrl: string;
  email: string;
  apiToken: string;
  ratePerMinute: number;
  timeoutMs?: number;
  /** Longest we wait on one Retry-After before giving the job back to the queue. */
  maxRetryAfterMs?: number;
  maxRetries?: number;
  onCall?: (call: { method: string; route: string; status: number }) => void;
}

export class ZendeskGateway {
  readonly baseUrl: string;
  private readonly auth: string;
  private readonly budget: RateBudget;
  /** Calls made through this instance (see `scoped`). */
  calls = 0;

  constructor(private readonly opts: GatewayOptions, budget?: RateBudget) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.auth = `Basic ${Buffer.from(`${opts.email}/token:${opts.apiToken}`).toString('base64')}`;
    this.budget = budget ?? budgetFor(this.baseUrl, opts.ratePerMinute);
  }

  /** A view sharing auth and budget with its own call counter, e.g. per ticket. */
  scoped(): ZendeskGateway {
    return new ZendeskGateway(this.opts, this.budget);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const route = routeOf(path);
    const { res, text } = await sendWithRetries({
      helpdesk: 'Zendesk',
      method,
      url: this.baseUrl + path,
      route,
      ...jsonRequestOptions({ auth: this.auth, body, timeoutMs: this.opts.timeoutMs, maxRetries: this.opts.maxRetries, maxRetryAfterMs: this.opts.maxRetryAfterMs }),
      take: () => this.budget.take(),
      drain: () => this.budget.drain(),
      onSend: () => this.calls++,
      onCall: this.opts.onCall,
    });
    if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
    if (res.status === 409) throw new BatonError('HELPDESK_CONFLICT', `Zendesk reported a conflict on ${method} ${route}.`, { status: 409 });
    if (res.status === 422) throw refused(method, route, text ?? '');
    throw new BatonError('HELPDESK_HTTP', `Zendesk answered ${res.status} to ${method} ${route}: ${(text ?? '').slice(0, 300)}`, {
      status: res.status >= 500 ? 502 : res.status,
      details: { httpStatus: res.status },
    });
  }

  /**
   * One call, answered as it came: status, headers and text, whatever the status. For reads
   * that are not JSON (an app's public key in PEM) or whose headers matter (the plan's rate
   * limit); within the budget, without retries.
   */
  async raw(method: string, path: string, body?: unknown): Promise<{ status: number; headers: Headers; text: string }> {
    await this.budget.take();
    this.calls++;
    const timeoutMs = this.opts.timeoutMs ?? DEFAULT_HELPDESK_TIMEOUT_MS;
    const route = routeOf(path);
    let status = 0;
    try {
      const res = await fetch(this.baseUrl + path, {
        method,
        headers: { Authorization: this.auth, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      // The timeout covers the body too: a helpdesk can send headers and then stall.
      return { status: res.status, headers: res.headers, text: await res.text() };
    } catch (err) {
      // Coded like the retried requests' failures, so `baton doctor` says which setting to raise.
      throw helpdeskRequestFailed({ helpdesk: 'Zendesk', label: `${method} ${route}`, timeoutMs, cause: err });
    } finally {
      this.opts.onCall?.({ method, route, status });
    }
  }

  /**
   * Yield every item of a list. Cursor pagination (`meta.has_more`, `links.next`) where
   * the endpoint supports it; endpoints that only page by offset answer `next_page`.
   */
  async *paginate<T>(path: string, key: string, pageSize = 100): AsyncGenerator<T> {
    let next: string | null = `${path}${path.includes('?') ? '&' : '?'}page[size]=${pageSize}`;
    while (next) {
      type Page = Record<string, unknown> & { meta?: { has_more?: boolean }; links?: { next?: string | null }; next_page?: string | null };
      const page: Page = await this.request('GET', next);
      for (const item of (page[key] as T[] | undefined) ?? []) yield item;
      const link = page.meta ? (page.meta.has_more ? page.links?.next : null) : page.next_page;
      next = link ? link.replace(/^https?:\/\/[^/]+/, '') : null;
    }
  }

  getTicket(id: string | number) {
    return this.request<{ ticket: ZdTicket }>('GET', `/api/v2/tickets/${enc(id)}`).then((r) => r.ticket);
  }

  updateTicket(id: string | number, ticket: ZdTicketUpdate) {
    return this.request<{ ticket: ZdTicket }>('PUT', `/api/v2/tickets/${enc(id)}`, { ticket }).then((r) => r.ticket);
  }

  /**
   * Update with `safe_update`: when someone else changed the ticket since `stamp`, Zendesk
   * answers 409; we read the ticket again, rebuild the update from fresh state, and retry.
   */
  async updateTicketSafely(id: string | number, build: (fresh: ZdTicket) => ZdTicketUpdate, known?: ZdTicket, done?: (fresh: ZdTicket) => boolean): Promise<ZdTicket> {
    let current = known ?? (await this.getTicket(id));
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.updateTicket(id, { ...build(current), safe_update: true, updated_stamp: current.updated_at });
      } catch (err) {
        if (!(err instanceof BatonError && err.code === 'HELPDESK_CONFLICT') || attempt >= 3) throw err;
        current = await this.getTicket(id);
        // The conflict may be our own earlier try, applied but unanswered (a timeout, a 5xx
        // after the write): when the fresh ticket already shows this write, do not repeat it.
        if (done?.(current)) return current;
      }
    }
  }

  listComments(ticketId: string | number) {
    return collect(this.paginate<ZdComment>(`/api/v2/tickets/${enc(ticketId)}/comments`, 'comments'));
  }

  getUser(id: string | number) {
    return this.request<{ user: ZdUser }>('GET', `/api/v2/users/${enc(id)}`).then((r) => r.user);
  }

  me() {
    return this.request<{ user: ZdUser }>('GET', '/api/v2/users/me').then((r) => r.user);
  }

  getOrganization(id: string | number) {
    return this.request<{ organization: ZdOrganization }>('GET', `/api/v2/organizations/${enc(id)}`).then((r) => r.organization);
  }

  listGroups() {
    return collect(this.paginate<ZdGroup>('/api/v2/groups', 'groups'));
  }

  listAgents() {
    return collect(this.paginate<ZdUser>('/api/v2/users?role[]=agent&role[]=admin', 'users'));
  }

  /** Every match, page by page. Zendesk stops at 1,000 results: check `countSearch` first when more are possible. */
  searchTickets(query: string) {
    return collect(this.paginate<ZdTicket>(`/api/v2/search?query=${encodeURIComponent(query)}`, 'results'));
  }

  /** How many items match, with no limit and one call. */
  countSearch(query: string) {
    return this.request<{ count: number }>('GET', `/api/v2/search/count?query=${encodeURIComponent(query)}`).then((r) => r.count);
  }

  listGroupMemberships() {
    return collect(this.paginate<ZdGroupMembership>('/api/v2/group_memberships', 'group_memberships'));
  }

  requestedTickets(userId: string | number) {
    return collect(this.paginate<ZdTicket>(`/api/v2/users/${enc(userId)}/tickets/requested`, 'tickets'));
  }

  searchArticles(query: string, locale?: string) {
    const q = new URLSearchParams({ query, ...(locale ? { locale } : {}) });
    return this.request<{ results: ZdArticle[] }>('GET', `/api/v2/help_center/articles/search?${q}`).then((r) => r.results);
  }

  /** The Help Center's enabled locales and its default one (Help Center API, Locales). */
  helpCenterLocales() {
    return this.request<{ locales: string[]; default_locale: string }>('GET', '/api/v2/help_center/locales');
  }

  getWebhookSigningSecret(webhookId: string) {
    return this.request<{ signing_secret: { algorithm: string; secret: string } }>('GET', `/api/v2/webhooks/${enc(webhookId)}/signing_secret`).then((r) => r.signing_secret);
  }

  createWebhook(webhook: Record<string, unknown>) {
    return this.request<{ webhook: { id: string } }>('POST', '/api/v2/webhooks', { webhook }).then((r) => r.webhook);
  }

  createTrigger(trigger: Record<string, unknown>) {
    return this.request<{ trigger: { id: number } }>('POST', '/api/v2/triggers', { trigger }).then((r) => r.trigger);
  }
}

/**
 * 422 RecordInvalid names the refused fields under `details` (`{"assignee": [...]}`; a field
 * required to solve comes under `base` with its `field_key`). The port speaks of `assignee`,
 * `status` and field ids, so use cases can tell an assignment from a solve refusal.
 */
function refused(method: string, route: string, text: string): BatonError {
  let fields: string[] = [];
  let descriptions: string[] = [];
  try {
    const body = JSON.parse(text) as { details?: Record<string, { description?: string; field_key?: number | string }[]> };
    for (const [key, list] of Object.entries(body.details ?? {})) {
      for (const entry of Array.isArray(list) ? list : []) {
        fields.push(key === 'base' && entry.field_key !== undefined ? String(entry.field_key) : key === 'assignee_id' ? 'assignee' : key);
        if (entry.description) descriptions.push(entry.description);
      }
    }
  } catch {
    // Not JSON: the refusal stays unexplained (no fields).
  }
  fields = [...new Set(fields)];
  descriptions = [...new Set(descriptions)];
  return new BatonError('HELPDESK_REFUSED', `Zendesk refused ${method} ${route} (422): ${descriptions.join('; ') || text.slice(0, 300)}`, {
    status: 422,
    details: { httpStatus: 422, fields, reasons: descriptions },
  });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const enc = (v: string | number) => encodeURIComponent(String(v));

export { retryAfterMs, routeOf };
