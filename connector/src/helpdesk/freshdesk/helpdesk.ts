/**
 * The Freshdesk adapter of the helpdesk port. Freshdesk facts live here and beside it:
 * numbered statuses with custom ones read from ticket_fields (statuses.ts), the assignee as
 * `responder_id`, tags replaced by the list sent (read, merge, write), no optimistic lock
 * (guarded-write.ts says how a concurrent change is detected and resolved), notes through
 * /notes and replies through /reply, the description as the first message, knowledge-base
 * search, contacts and companies. The gateway is the one place for auth, the plan's budget,
 * 429/Retry-After and pagination.
 */
import { BatonError } from '../../errors.js';
import type { ChangedTicketsPage, HelpArticle, HelpdeskComment, HelpdeskGroup, HelpdeskPerson, HelpdeskPort, HelpdeskTicket, StaffMember, TicketChange, UpdateOptions } from '../port.js';
import { FreshdeskGateway, type FreshdeskGatewayOptions } from './gateway.js';
import { guardedWrite, type FdWrite } from './guarded-write.js';
import { htmlToText, textToHtml } from './html.js';
import { agentToPerson, contactToPerson, descriptionComment, snippetOf, toComment, toOrganization, toTicket } from './map.js';
import { FreshdeskReports } from './reports.js';
import { freshdeskGroupLoad, listFreshdeskStaff } from './staff.js';
import { priorityId, type StatusCatalogue } from './statuses.js';
import type { FdConversation, FdTicket, FdTicketUpdate } from './types.js';

/** Tickets this process read lately, so a write right after a read needs no second read. */
type ReadCache = Map<string, { ticket: FdTicket; readAt: number }>;
/** Contacts and agents read lately: a requester writing again is not read again. */
type PeopleCache = Map<string, { person: HelpdeskPerson; readAt: number }>;

/**
 * Caches shared by every scoped view of one adapter. People live as long as the organization
 * directory's companies (10 minutes): a VIP tag set on a contact shows within that time.
 */
interface Caches {
  reads: ReadCache;
  people: PeopleCache;
  /** The API key's own agent: it does not change while the adapter lives. */
  self?: Promise<string>;
}
const isForbidden = (err: unknown) => err instanceof BatonError && (err.details as { httpStatus?: number } | undefined)?.httpStatus === 403;
const PEOPLE_TTL_MS = 10 * 60_000;
const CACHE_LIMIT = 1000;
/** View a Ticket embeds at most the 10 oldest conversations (FACTS.md §4). */
const EMBEDDED_LIMIT = 10;

export class FreshdeskHelpdesk implements HelpdeskPort {
  readonly provider = 'freshdesk';
  readonly reports: FreshdeskReports;

  constructor(
    readonly gateway: FreshdeskGateway,
    private readonly caches: Caches = { reads: new Map(), people: new Map() },
    private readonly now: () => number = Date.now,
  ) {
    this.reports = new FreshdeskReports(gateway);
  }

  static connect(opts: FreshdeskGatewayOptions): FreshdeskHelpdesk {
    return new FreshdeskHelpdesk(new FreshdeskGateway(opts));
  }

  get calls(): number {
    return this.gateway.calls;
  }

  scoped(): FreshdeskHelpdesk {
    return new FreshdeskHelpdesk(this.gateway.scoped(), this.caches, this.now);
  }

  private get reads(): ReadCache {
    return this.caches.reads;
  }

  private remember(id: string, entry: { ticket: FdTicket; readAt: number }): void {
    this.reads.set(id, entry);
    if (this.reads.size > CACHE_LIMIT) this.reads.delete(this.reads.keys().next().value!);
  }

  async getTicket(id: string): Promise<HelpdeskTicket> {
    const [ticket, statuses] = await Promise.all([this.gateway.getTicket(id), this.gateway.statuses()]);
    this.remember(id, { ticket, readAt: this.now() });
    return toTicket(ticket, statuses);
  }

  /** The description first (it is the customer's first message), then every conversation. */
  async listComments(ticketId: string): Promise<HelpdeskComment[]> {
    const cached = this.reads.get(ticketId)?.ticket;
    const ticket = cached?.description_text !== undefined ? cached : await this.gateway.getTicket(ticketId);
    const conversations = await this.gateway.listConversations(ticketId);
    return [descriptionComment(ticket), ...conversations.map(toComment)];
  }

  /**
   * One request for both: View a Ticket with `include=conversations` (two credits, FACTS.md §2)
   * embeds the 10 oldest conversations (§4); a ticket with 10 or more lists them all.
   */
  async getTicketWithComments(id: string): Promise<{ ticket: HelpdeskTicket; comments: HelpdeskComment[] }> {
    const [{ data }, statuses] = await Promise.all([this.gateway.request<FdTicket & { conversations?: FdConversation[] }>('GET', `/api/v2/tickets/${encodeURIComponent(id)}?include=conversations`), this.gateway.statuses()]);
    const { conversations: embedded = [], ...ticket } = data;
    this.remember(id, { ticket, readAt: this.now() });
    const conversations = embedded.length < EMBEDDED_LIMIT ? embedded : await this.gateway.listConversations(id);
    return { ticket: toTicket(ticket, statuses), comments: [descriptionComment(ticket), ...conversations.map(toComment)] };
  }

  async updateTicket(id: string, build: (fresh: Pick<HelpdeskTicket, 'tags'>) => TicketChange, opts: UpdateOptions = {}): Promise<HelpdeskTicket> {
    const statuses = await this.gateway.statuses();
    const cached = this.reads.get(id);
    // The base: this process's own recent read when it is the version the caller decided on; a
    // caller that names no version (an agent's click in the app, which came after whatever the
    // agent just changed) and a retry after a crash always read afresh.
    const known = cached && !opts.recovering && opts.known && opts.known.updatedAt === cached.ticket.updated_at ? cached : undefined;
    const result = await guardedWrite(this.gateway, id, (fresh) => toWrite(build({ tags: fresh.tags ?? [] }), fresh, statuses), {
      known: known ?? (opts.known ? { ticket: { tags: opts.known.tags, updated_at: opts.known.updatedAt } as FdTicket, readAt: 0 } : undefined),
      recovering: opts.recovering === true,
      postedSince: opts.recovering && opts.attemptStartedAt !== undefined ? { at: opts.attemptStartedAt, authorId: Number(await this.selfUserId()) } : undefined,
      done: opts.done ? (fresh) => opts.done!(toTicket(fresh, statuses)) : undefined,
      now: this.now,
    });
    this.remember(id, { ticket: result.ticket, readAt: this.now() });
    return toTicket(result.ticket, statuses);
  }

  async getUser(id: string): Promise<HelpdeskPerson> {
    const hit = this.caches.people.get(id);
    if (hit && this.now() - hit.readAt < PEOPLE_TTL_MS) return hit.person;
    const person = await this.readPerson(id);
    this.caches.people.set(id, { person, readAt: this.now() });
    if (this.caches.people.size > CACHE_LIMIT) this.caches.people.delete(this.caches.people.keys().next().value!);
    return person;
  }

  private async readPerson(id: string): Promise<HelpdeskPerson> {
    try {
      return contactToPerson(await this.gateway.getContact(id));
    } catch (err) {
      // An id that is not a contact may be an agent (a note's author); agents are admin-only reads.
      if (!(err instanceof BatonError && err.status === 404)) throw err;
      try {
        return agentToPerson(await this.gateway.getAgent(id));
      } catch (agentErr) {
        // Not a contact, and an agent we may not read: an agent all the same, name unknown.
        if (!isForbidden(agentErr)) throw agentErr;
        return { id, name: '', role: 'agent', organizationId: null, tags: [], fields: {} };
      }
    }
  }

  async selfUserId(): Promise<string> {
    // Read once; a failed read is not kept, so the next call asks again.
    this.caches.self ??= this.gateway.me().then(
      (me) => String(me.id),
      (err: unknown) => {
        this.caches.self = undefined;
        throw err;
      },
    );
    return this.caches.self;
  }

  async getOrganization(id: string) {
    return toOrganization(await this.gateway.getCompany(id));
  }

  /**
   * The group API is admin-only (api-endpoints.md §5); the ticket form's `group` field lists
   * the same groups, name → id, to every agent (§2), so a key without admin rights still routes.
   */
  async listGroups(): Promise<HelpdeskGroup[]> {
    try {
      return (await this.gateway.listGroups()).map((g) => ({ id: String(g.id), name: g.name }));
    } catch (err) {
      if (!isForbidden(err)) throw err;
      const field = (await this.gateway.ticketFields()).find((f) => f.name === 'group');
      const choices = field?.choices && typeof field.choices === 'object' && !Array.isArray(field.choices) ? (field.choices as Record<string, unknown>) : {};
      return Object.entries(choices).map(([name, id]) => ({ id: String(id), name }));
    }
  }

  listStaff(): Promise<StaffMember[]> {
    return listFreshdeskStaff(this.gateway);
  }

  groupLoad(groupId: string, memberIds: string[]) {
    return freshdeskGroupLoad(this.gateway, groupId, memberIds);
  }

  /** Freshdesk's solution search takes keywords, not a locale. */
  async searchArticles(query: string): Promise<HelpArticle[]> {
    return (await this.gateway.searchArticles(query))
      // Published (status 2), in a folder every customer may read (folder_visibility 1): an
      // agent's API key also finds drafts and agents-only folders (api-endpoints.md §7 lists
      // both fields; 1 = all users is Freshdesk's folder visibility code, unverified here).
      .filter((a) => a.status === 2 && (a.folder_visibility ?? 1) === 1)
      .map((a) => ({ title: a.title, body: a.description, url: a.path ?? `${this.gateway.baseUrl}/support/solutions/articles/${a.id}`, snippet: snippetOf(a.description_text ?? htmlToText(a.description), query) }));
  }

  ticketUrl(ticketId: string): string {
    return this.gateway.ticketUrl(ticketId);
  }

  /**
   * List All Tickets with `updated_since`, oldest change first, one page of 100: the list is
   * the scarce sub-limited endpoint (FACTS.md §2), so the sweep reads one page per call.
   * `updated_since` and `updated_at` are whole seconds (api-endpoints.md §3 format
   * YYYY-MM-DDTHH:MM:SSZ), so the read starts one second before the cursor: a ticket changed
   * in the cursor's own second is not skipped, and one read twice is harmless (the sweep keys
   * messages by comment id). Statuses are named, so closed tickets are told apart.
   */
  async changedTickets(cursor: string | null, sinceMs: number): Promise<ChangedTicketsPage> {
    const from = cursor ?? new Date(sinceMs).toISOString();
    const since = secondBefore(from);
    const q = new URLSearchParams({ updated_since: since, order_by: 'updated_at', order_type: 'asc', per_page: '100' });
    const [{ data, link }, statuses] = await Promise.all([this.gateway.request<FdTicket[]>('GET', `/api/v2/tickets?${q}`), this.gateway.statuses()]);
    const tickets = (data ?? []).map((t) => ({ id: String(t.id), status: statuses.neutralOf(t.status), requesterId: String(t.requester_id), updatedAt: t.updated_at }));
    return { tickets, cursor: tickets.at(-1)?.updatedAt ?? from, more: link !== null };
  }
}

/** The whole second before an ISO time, as `updated_since` takes it. */
function secondBefore(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000 - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One neutral change as Freshdesk writes it: properties by PUT, note and reply by their own POSTs. */
export function toWrite(change: TicketChange, fresh: FdTicket, statuses: StatusCatalogue): FdWrite {
  const update: FdTicketUpdate = {};
  if (change.tags) {
    const drop = new Set(change.tags.remove ?? []);
    const tags: string[] = [];
    for (const t of [...(fresh.tags ?? []), ...(change.tags.add ?? [])]) if (!drop.has(t) && !tags.includes(t)) tags.push(t);
    update.tags = tags;
  }
  if (change.status) update.status = statuses.idOf(change.status);
  if (change.priority) update.priority = priorityId(change.priority);
  if (change.groupId !== undefined) update.group_id = Number(change.groupId);
  if (change.assigneeId !== undefined) update.responder_id = Number(change.assigneeId);
  return {
    update,
    ...(change.internalNote !== undefined ? { note: textToHtml(change.internalNote) } : {}),
    ...(change.publicReply !== undefined ? { reply: textToHtml(change.publicReply) } : {}),
  };
}
