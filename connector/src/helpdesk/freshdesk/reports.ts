/**
 * Freshdesk reads for the admin loop and the CLI. What Freshdesk's API gives directly is
 * implemented (a ticket's first human reply and solve time from its conversations and stats,
 * solved tickets for training from ticket search); CSAT ratings and the audit export are not
 * there yet for Freshdesk, and say so with a coded error instead of answering nothing.
 */
import { BatonError } from '../../errors.js';
import type { HelpdeskReports, RecentTickets, SatisfactionRating, SolvedTicketText, TicketActivity } from '../port.js';
import type { FreshdeskGateway } from './gateway.js';
import { htmlToText } from './html.js';
import { toTicket } from './map.js';
import type { FdTicket } from './types.js';

export class FreshdeskReports implements HelpdeskReports {
  constructor(private readonly gateway: FreshdeskGateway) {}

  get accountName(): string {
    return this.gateway.baseUrl;
  }

  // eslint-disable-next-line require-yield
  async *satisfactionRatings(): AsyncIterable<SatisfactionRating> {
    throw new BatonError('BAD_REQUEST', 'CSAT reports are not available for Freshdesk yet.', { status: 501 });
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

  async recentTickets(): Promise<RecentTickets> {
    throw new BatonError('BAD_REQUEST', 'The audit reads Zendesk exports; a Freshdesk audit is not available yet.', { status: 501 });
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
