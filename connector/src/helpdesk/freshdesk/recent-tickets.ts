/**
 * The newest Freshdesk tickets for `baton audit --from-freshdesk`, through List All Tickets
 * (api-endpoints.md §1; FACTS.md §3): newest first, 100 a page, following `Link`. The list
 * omits the description unless `include=description` (mandatory for accounts created after
 * 2018-11-30) and each `include` costs 2 more credits a page, so the requester is embedded
 * the same way rather than read per ticket. Without `updated_since` the list holds only
 * tickets created in the last 30 days; `createdSince` sets it and is checked on each ticket.
 * Tickets come out as the audit's neutral ticket objects ({id, subject, description,
 * requester, organization_id}); companies are read once each for VIP context.
 */
import type { RecentTickets } from '../port.js';
import type { FreshdeskGateway } from './gateway.js';
import { htmlToText } from './html.js';
import { channelOf, toOrganization } from './map.js';
import type { FdTicket } from './types.js';

type ListedTicket = FdTicket & { requester?: { name?: string; email?: string | null } };

export async function freshdeskRecentTickets(gateway: FreshdeskGateway, opts: { limit?: number; createdSince?: string; onProgress?: (done: number, total: number) => void }): Promise<RecentTickets> {
  const limit = opts.limit ?? 500;
  const query = new URLSearchParams({ include: 'description,requester', order_by: 'created_at', order_type: 'desc', per_page: '100' });
  if (opts.createdSince) query.set('updated_since', `${opts.createdSince}T00:00:00Z`);
  const since = opts.createdSince ? Date.parse(`${opts.createdSince}T00:00:00Z`) : -Infinity;
  const listed: ListedTicket[] = [];
  let next: string | null = `/api/v2/tickets?${query}`;
  while (next && listed.length < limit) {
    const page: { data: ListedTicket[]; link: string | null } = await gateway.request<ListedTicket[]>('GET', next);
    listed.push(...(page.data ?? []).filter((t) => Date.parse(t.created_at) >= since));
    opts.onProgress?.(Math.min(listed.length, limit), limit);
    next = page.link ? page.link.replace(/^https?:\/\/[^/]+/, '') : null;
  }
  const chosen = listed.slice(0, limit);
  opts.onProgress?.(chosen.length, chosen.length);
  const organizations = new Map<string, Record<string, unknown>>();
  const problems: RecentTickets['problems'] = [];
  for (const companyId of new Set(chosen.flatMap((t) => (t.company_id ? [String(t.company_id)] : [])))) {
    try {
      organizations.set(companyId, { ...toOrganization(await gateway.getCompany(companyId)) });
    } catch (err) {
      problems.push({ id: `company ${companyId}`, problem: `could not read the company (${(err as Error).message}); its tickets are classified without VIP context` });
    }
  }
  const tickets = chosen.map((t) => ({
    id: String(t.id),
    subject: t.subject ?? '',
    description: t.description_text ?? htmlToText(t.description ?? ''),
    created_at: t.created_at,
    channel: channelOf(t.source),
    ...(t.requester ? { requester: { name: t.requester.name, email: t.requester.email ?? undefined } } : {}),
    organization_id: t.company_id ? String(t.company_id) : null,
  }));
  return { format: 'freshdesk-api', tickets, organizations, problems };
}
