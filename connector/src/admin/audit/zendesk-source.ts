/**
 * The last N tickets straight from Zendesk, through the gateway (so the account's rate budget
 * holds, 429s wait, 5xx retry). Search sorted by creation time, newest first, stops as soon as
 * N are read, where the incremental export would page through everything since a date.
 * Organizations are read once each, because VIP rules need their tags and fields.
 */
import type { ZendeskGateway } from '../../helpdesk/zendesk/gateway.js';
import type { ReadResult, RowProblem, AuditRow } from './rows.js';
import { rowFromTicketObject, type Sideloads } from './ticket-object.js';

/** Zendesk's search returns at most this many results for one query. */
export const SEARCH_RESULT_CAP = 1000;
const PAGE = 100;

interface SearchPage {
  results: Record<string, unknown>[];
  next_page: string | null;
  count: number;
}

export interface FetchOptions {
  limit?: number;
  /** Only tickets created on or after this day (YYYY-MM-DD). */
  createdSince?: string;
  onProgress?: (done: number, total: number) => void;
}

export async function fetchRecentTickets(gateway: ZendeskGateway, opts: FetchOptions = {}): Promise<ReadResult> {
  const limit = Math.min(opts.limit ?? 500, SEARCH_RESULT_CAP);
  const query = ['type:ticket', ...(opts.createdSince ? [`created>=${opts.createdSince}`] : [])].join(' ');
  const tickets: Record<string, unknown>[] = [];
  let total = limit;
  // Pages are asked for by number rather than by following `next_page`, which keeps the query
  // on every request (the sandbox's next_page links drop it).
  for (let page = 1; tickets.length < limit; page++) {
    const path = `/api/v2/search?${new URLSearchParams({ query, sort_by: 'created_at', sort_order: 'desc', per_page: String(PAGE), page: String(page) })}`;
    const body: SearchPage = await gateway.request<SearchPage>('GET', path);
    total = Math.min(limit, body.count);
    for (const t of body.results) if (t.result_type === undefined || t.result_type === 'ticket') tickets.push(t);
    opts.onProgress?.(Math.min(tickets.length, total), total);
    if (!body.next_page || body.results.length === 0) break;
  }
  const chosen = tickets.slice(0, limit);

  const organizations = new Map<string, Record<string, unknown>>();
  const problems: RowProblem[] = [];
  for (const orgId of new Set(chosen.map((t) => t.organization_id).filter((id) => id !== null && id !== undefined).map(String))) {
    try {
      organizations.set(orgId, (await gateway.getOrganization(orgId)) as unknown as Record<string, unknown>);
    } catch (err) {
      problems.push({ row: 0, id: `organization ${orgId}`, problem: `could not read the organization (${(err as Error).message}); its tickets are classified without VIP context` });
    }
  }
  const side: Sideloads = { users: new Map(), organizations };
  const rows: AuditRow[] = [];
  chosen.forEach((t, i) => {
    const r = rowFromTicketObject(t, i + 1, side);
    if ('problem' in r) problems.push({ row: i + 1, ...(r.id ? { id: r.id } : {}), problem: r.problem });
    else rows.push(r);
  });
  return { format: 'zendesk-api', rows, problems };
}
