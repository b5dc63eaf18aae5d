/**
 * Freshdesk reads for the admin loop and the CLI: CSAT ratings (View all Satisfaction
 * Ratings), a ticket's first human reply and solve time (its conversations and stats, where
 * Zendesk reads audits), the newest tickets for an audit (List All Tickets), and solved
 * tickets for training (ticket search).
 */
import type { HelpdeskReports, RecentTickets, SatisfactionRating, SolvedTicketText, TicketActivity } from '../port.js';
import type { FreshdeskGateway } from './gateway.js';
import { htmlToText } from './html.js';
import { toTicket } from './map.js';
import { freshdeskRecentTickets } from './recent-tickets.js';
import type { FdSatisfactionRating, FdTicket } from './types.js';

/**
 * Freshdesk's answer scale as the reports count it: happy answers (101–103) are `good`, unhappy
 * ones (-101 – -103) `bad`; the neutral 100 is neither, as Zendesk's offered-but-unanswered is not.
 */
export function csatScore(points: number | undefined): string {
  if (points === undefined) return 'unanswered';
  return points > 100 ? 'good' : points < 100 ? 'bad' : 'neutral';
}

export class FreshdeskReports implements HelpdeskReports {
  constructor(private readonly gateway: FreshdeskGateway) {}

  get accountName(): string {
    return this.gateway.baseUrl;
  }

  /**
   * GET /api/v2/surveys/satisfaction_ratings?created_since=… (paginated with `Link`). Freshdesk
   * filters on creation only, so a rating changed later is read again only if created in range.
   */
  async *satisfactionRatings(since?: number): AsyncIterable<SatisfactionRating> {
    const query = since === undefined ? '' : `?created_since=${encodeURIComponent(new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z'))}`;
    for (const r of await this.gateway.list<FdSatisfactionRating>(`/api/v2/surveys/satisfaction_ratings${query}`)) {
      yield {
        id: String(r.id),
        ticketId: String(r.ticket_id),
        score: csatScore(r.ratings.default_question),
        comment: r.feedback || null,
        reason: null,
        groupId: r.group_id ? String(r.group_id) : null,
        assigneeId: r.agent_id ? String(r.agent_id) : null,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    }
  }

  async ticketActivity(ticketId: string, selfIds: ReadonlySet<string>): Promise<TicketActivity> {
    const [raw, statuses, conversations] = await Promise.all([
      this.gateway.request<FdTicket & { stats?: { resolved_at?: string | null; closed_at?: string | null } }>('GET', `/api/v2/tickets/${encodeURIComponent(ticketId)}?include=stats`).then((r) => r.data),
      this.gateway.statuses(),
      this.gateway.listConversations(ticketId),
    ]);
    const ticket = toTicket(raw, statuses);
    const human = conversations.find((c) => !c.private && !c.incoming && String(c.user_id) !== ticket.requesterId && !selfIds.has(String(c.user_id)));
    const solved = raw.stats?.resolved_at ?? raw.stats?.closed_at ?? null;
    return { ticket, firstHumanReplyAt: human ? Date.parse(human.created_at) : null, solvedAt: ticket.status === 'solved' || ticket.status === 'closed' ? (solved ? Date.parse(solved) : Date.parse(raw.updated_at)) : null };
  }

  recentTickets(opts: { limit?: number; createdSince?: string; onProgress?: (done: number, total: number) => void }): Promise<RecentTickets> {
    return freshdeskRecentTickets(this.gateway, opts);
  }

  async *solvedTickets(): AsyncIterable<SolvedTicketText> {
    const groups = new Map((await this.gateway.listGroups()).map((g) => [g.id, g.name]));
    const { results } = await this.gateway.searchTickets('status:4 OR status:5');
    for (const t of results) {
      const full = await this.gateway.getTicket(t.id);
      yield { text: `${full.subject}\n${full.description_text ?? htmlToText(full.description ?? '')}`, tags: full.tags ?? [], group: full.group_id ? (groups.get(full.group_id) ?? null) : null };
    }
  }
}
