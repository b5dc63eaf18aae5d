/**
 * The Zendesk adapter of the helpdesk port. Zendesk facts live here: `safe_update` with
 * `updated_stamp` (in the gateway), one comment per update (a change with a note and a
 * reply becomes two updates), search limits, the staff roster, the agent URL of a ticket.
 * The gateway stays the one place for auth, the rate budget, 429/Retry-After and pagination.
 */
import type { ChangedTicketsPage, HelpArticle, HelpdeskGroup, HelpdeskPort, HelpdeskTicket, StaffMember, TicketChange, UpdateOptions } from '../port.js';
import { ZendeskGateway, type GatewayOptions } from './gateway.js';
import { languageSuffices, searchCustomerArticles } from './help-center.js';
import { toComment, toOrganization, toPerson, toTicket, toTicketUpdate } from './map.js';
import { ZendeskReports } from './reports.js';
import { listZendeskStaff, zendeskGroupLoad } from './staff.js';
import type { ZdTicket } from './types.js';

/** The export refuses a start_time within the last minute ("Must be at least one minute in the past"). */
const EXPORT_MIN_AGE_SECONDS = 61;

export class ZendeskHelpdesk implements HelpdeskPort {
  readonly provider = 'zendesk';
  readonly reports: ZendeskReports;

  constructor(readonly gateway: ZendeskGateway) {
    this.reports = new ZendeskReports(gateway);
  }

  static connect(opts: GatewayOptions): ZendeskHelpdesk {
    return new ZendeskHelpdesk(new ZendeskGateway(opts));
  }

  get calls(): number {
    return this.gateway.calls;
  }

  scoped(): ZendeskHelpdesk {
    return new ZendeskHelpdesk(this.gateway.scoped());
  }

  async getTicket(id: string): Promise<HelpdeskTicket> {
    return toTicket(await this.gateway.getTicket(id));
  }

  async listComments(ticketId: string) {
    return (await this.gateway.listComments(ticketId)).map(toComment);
  }

  /** Zendesk embeds no comments in a ticket: two reads. */
  async getTicketWithComments(id: string) {
    const [ticket, comments] = await Promise.all([this.getTicket(id), this.listComments(id)]);
    return { ticket, comments };
  }

  async updateTicket(id: string, build: (fresh: Pick<HelpdeskTicket, 'tags'>) => TicketChange, opts: UpdateOptions = {}): Promise<HelpdeskTicket> {
    const known = opts.known ? ({ tags: opts.known.tags, updated_at: opts.known.updatedAt } as ZdTicket) : undefined;
    // A conflict retry that finds the write already applied (`done`) writes nothing more.
    let alreadyDone = false;
    const done = opts.done ? (fresh: ZdTicket) => (alreadyDone = opts.done!(toTicket(fresh))) : undefined;
    // Zendesk takes one comment per update: a note and a reply go as two, the note first.
    let reply: string | undefined;
    let written = await this.gateway.updateTicketSafely(
      id,
      (fresh) => {
        const change = build(fresh);
        reply = change.internalNote !== undefined ? change.publicReply : undefined;
        return toTicketUpdate(reply === undefined ? change : { ...change, publicReply: undefined }, fresh.tags);
      },
      known,
      done,
    );
    if (reply !== undefined && !alreadyDone) written = await this.gateway.updateTicketSafely(id, (fresh) => toTicketUpdate({ publicReply: reply }, fresh.tags), written);
    return toTicket(written);
  }

  async getUser(id: string) {
    return toPerson(await this.gateway.getUser(id));
  }

  async selfUserId(): Promise<string> {
    return String((await this.gateway.me()).id);
  }

  async getOrganization(id: string) {
    return toOrganization(await this.gateway.getOrganization(id));
  }

  async listGroups(): Promise<HelpdeskGroup[]> {
    return (await this.gateway.listGroups()).map((g) => ({ id: String(g.id), name: g.name }));
  }

  listStaff(): Promise<StaffMember[]> {
    return listZendeskStaff(this.gateway);
  }

  groupLoad(groupId: string, memberIds: string[]) {
    return zendeskGroupLoad(this.gateway, groupId, memberIds);
  }

  searchArticles(query: string, locale?: string): Promise<HelpArticle[]> {
    return searchCustomerArticles(this.gateway, query, locale);
  }

  languageSuffices(language: string): Promise<boolean> {
    return languageSuffices(this.gateway, language);
  }

  /**
   * The cursor-based incremental export (oas.yaml "Incremental Ticket Export, Cursor Based";
   * "Allowed for Admins"). A start_time must be at least a minute old, and the export holds
   * back the most recent minute: what changed since comes with a later read.
   */
  async changedTickets(cursor: string | null, sinceMs: number): Promise<ChangedTicketsPage> {
    const startTime = Math.max(0, Math.min(Math.floor(sinceMs / 1000), Math.floor(Date.now() / 1000) - EXPORT_MIN_AGE_SECONDS));
    const query = cursor ? `cursor=${encodeURIComponent(cursor)}` : `start_time=${startTime}`;
    type ExportPage = { tickets: ZdTicket[]; after_cursor: string | null; end_of_stream: boolean };
    const page = await this.gateway.request<ExportPage>('GET', `/api/v2/incremental/tickets/cursor?${query}`);
    return {
      tickets: page.tickets.map((t) => ({ id: String(t.id), status: t.status, requesterId: String(t.requester_id), updatedAt: t.updated_at })),
      // An empty page keeps the cursor it was given.
      cursor: page.after_cursor ?? cursor ?? '',
      more: !page.end_of_stream,
    };
  }

  /** https://acme.zendesk.com + 123 → https://acme.zendesk.com/agent/tickets/123 */
  ticketUrl(ticketId: string): string {
    return zendeskTicketUrl(this.gateway.baseUrl, ticketId);
  }
}

export function zendeskTicketUrl(baseUrl: string, ticketId: string | number): string {
  return `${baseUrl.replace(/\/+$/, '')}/agent/tickets/${encodeURIComponent(String(ticketId))}`;
}
