/**
 * Zendesk reads for the admin loop and the CLI: CSAT ratings, a ticket's audits (first human
 * reply, solve time), the newest tickets for an audit, solved tickets for training. Every
 * request goes through the gateway, so the account's rate budget holds.
 */
import type { HelpdeskReports, RecentTickets, SatisfactionRating, SolvedTicketText, TicketActivity } from '../port.js';
import type { ZendeskGateway } from './gateway.js';
import { toTicket } from './map.js';
import { SEARCH_RESULT_LIMIT } from './staff.js';
import type { ZdTicket } from './types.js';

const PAGE = 100;
/** Search export's own limit is 100 requests a minute per account (oas.yaml ExportSearchResults); stay under it. */
const SEARCH_EXPORT_PER_MINUTE = 90;

type Page = Record<string, unknown> & { meta?: { has_more?: boolean }; links?: { next?: string | null }; next_page?: string | null };

const relative = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

/**
 * Every item of a list endpoint, whichever pagination it answers with: cursor (`meta.has_more`
 * + `links.next`, what Zendesk recommends) or offset (`next_page`, which some endpoints and the
 * sandbox still use). The gateway's own `paginate` only follows cursors.
 */
export async function* listAll<T>(gateway: ZendeskGateway, path: string, key: string, maxPages = 1000, perMinute = Number.POSITIVE_INFINITY): AsyncGenerator<T> {
  let next: string | null = path;
  const recent: number[] = [];
  for (let page = 0; next && page < maxPages; page++) {
    // An endpoint with its own limit (search export: 100 requests a minute) is paced below it.
    if (recent.length >= perMinute) await new Promise((r) => setTimeout(r, Math.max(0, recent.shift()! + 60_000 - Date.now())));
    recent.push(Date.now());
    const body: Page = await gateway.request<Page>('GET', next);
    for (const item of (body[key] as T[] | undefined) ?? []) yield item;
    const link = body.meta?.has_more ? body.links?.next : body.next_page;
    next = link ? relative(link) : null;
  }
}

interface ZdRating {
  id: number | string;
  ticket_id: number | string;
  score: string;
  comment?: string | null;
  reason?: string | null;
  group_id?: number | string | null;
  assignee_id?: number | string | null;
  created_at: string;
  updated_at?: string;
}

interface ZdAudit {
  created_at: string;
  author_id: number | string;
  events: { type: string; public?: boolean; author_id?: number | string; field_name?: string; value?: unknown }[];
}

const idOrNull = (v: number | string | null | undefined) => (v === null || v === undefined ? null : String(v));

export class ZendeskReports implements HelpdeskReports {
  constructor(private readonly gateway: ZendeskGateway) {}

  get accountName(): string {
    return this.gateway.baseUrl;
  }

  async *satisfactionRatings(since?: number): AsyncIterable<SatisfactionRating> {
    // Zendesk filters by start_time (unix seconds); callers repeat the filter for servers that ignore it.
    const query = new URLSearchParams({ per_page: '100', ...(since ? { start_time: String(Math.floor(since / 1000)) } : {}) });
    for await (const r of listAll<ZdRating>(this.gateway, `/api/v2/satisfaction_ratings?${query}`, 'satisfaction_ratings')) {
      yield {
        id: String(r.id),
        ticketId: String(r.ticket_id),
        score: r.score,
        comment: r.comment || null,
        reason: r.reason || null,
        // Zendesk answers group 0 for "no group".
        groupId: r.group_id === 0 ? null : idOrNull(r.group_id),
        assigneeId: idOrNull(r.assignee_id),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    }
  }

  async ticketActivity(ticketId: string, selfIds: ReadonlySet<string>): Promise<TicketActivity> {
    const ticket = await this.gateway.getTicket(ticketId);
    const requester = String(ticket.requester_id);
    let firstHumanReplyAt: number | null = null;
    let solvedAt: number | null = null;
    for await (const audit of listAll<ZdAudit>(this.gateway, `/api/v2/tickets/${encodeURIComponent(ticketId)}/audits`, 'audits')) {
      const at = Date.parse(audit.created_at);
      for (const e of audit.events) {
        const author = String(e.author_id ?? audit.author_id);
        if (e.type === 'Comment' && e.public && author !== requester && !selfIds.has(author) && firstHumanReplyAt === null) firstHumanReplyAt = at;
        if (e.type === 'Change' && e.field_name === 'status') solvedAt = e.value === 'solved' ? at : e.value === 'closed' ? solvedAt ?? at : null;
      }
    }
    return { ticket: toTicket(ticket), firstHumanReplyAt, solvedAt: ticket.status === 'solved' || ticket.status === 'closed' ? solvedAt : null };
  }

  /**
   * Search sorted by creation time, newest first, stops as soon as `limit` are read, where the
   * incremental export would page through everything since a date. Organizations are read
   * once each, because VIP rules need their tags and fields.
   */
  async recentTickets(opts: { limit?: number; createdSince?: string; onProgress?: (done: number, total: number) => void }): Promise<RecentTickets> {
    const limit = Math.min(opts.limit ?? 500, SEARCH_RESULT_LIMIT);
    const query = ['type:ticket', ...(opts.createdSince ? [`created>=${opts.createdSince}`] : [])].join(' ');
    const tickets: Record<string, unknown>[] = [];
    let total = limit;
    // Pages are asked for by number rather than by following `next_page`, which keeps the query
    // on every request (the sandbox's next_page links drop it).
    for (let page = 1; tickets.length < limit; page++) {
      const path = `/api/v2/search?${new URLSearchParams({ query, sort_by: 'created_at', sort_order: 'desc', per_page: String(PAGE), page: String(page) })}`;
      const body = await this.gateway.request<{ results: Record<string, unknown>[]; next_page: string | null; count: number }>('GET', path);
      total = Math.min(limit, body.count);
      for (const t of body.results) if (t.result_type === undefined || t.result_type === 'ticket') tickets.push(t);
      opts.onProgress?.(Math.min(tickets.length, total), total);
      if (!body.next_page || body.results.length === 0) break;
    }
    const chosen = tickets.slice(0, limit);
    const organizations = new Map<string, Record<string, unknown>>();
    const problems: RecentTickets['problems'] = [];
    for (const orgId of new Set(chosen.map((t) => t.organization_id).filter((id) => id !== null && id !== undefined).map(String))) {
      try {
        organizations.set(orgId, (await this.gateway.getOrganization(orgId)) as unknown as Record<string, unknown>);
      } catch (err) {
        problems.push({ id: `organization ${orgId}`, problem: `could not read the organization (${(err as Error).message}); its tickets are classified without VIP context` });
      }
    }
    return { format: 'zendesk-api', tickets: chosen, organizations, problems };
  }

  /**
   * Solved and closed tickets (a solved ticket closes after a few weeks, so most of an
   * account's history is closed): subject and description as text, tags and group name as
   * labels. Read through search
   * export: plain search is offset-paged and stops at 1,000 results, where export pages by
   * cursor through every match (oas.yaml ExportSearchResults: `filter[type]` instead of a
   * `type:` keyword, up to 1,000 per page, 100 recommended).
   */
  async *solvedTickets(): AsyncIterable<SolvedTicketText> {
    const groups = new Map((await this.gateway.listGroups()).map((g) => [g.id, g.name]));
    const query = new URLSearchParams({ query: 'status>=solved', 'filter[type]': 'ticket', 'page[size]': String(PAGE) });
    for await (const t of listAll<ZdTicket>(this.gateway, `/api/v2/search/export?${query}`, 'results', Number.POSITIVE_INFINITY, SEARCH_EXPORT_PER_MINUTE)) {
      yield { text: `${t.subject ?? ''}\n${t.description ?? ''}`.trim(), tags: t.tags, group: t.group_id ? groups.get(t.group_id) ?? null : null };
    }
  }
}
