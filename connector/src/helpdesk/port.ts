/**
 * The helpdesk seam: everything Baton's use cases read from or write to a helpdesk, in
 * neutral shapes with string ids. `helpdesk/zendesk/` (and later `helpdesk/freshdesk/`)
 * implement it; no file outside the adapters knows a provider's objects or API paths.
 */
import type { TicketSnapshot } from '../events/types.js';

/** A ticket as read from the helpdesk: the fields a webhook snapshot carries, and its times. */
export interface HelpdeskTicket extends Omit<TicketSnapshot, 'channel' | 'url' | 'updatedAt'> {
  createdAt: string;
  /** The helpdesk's version stamp of the ticket (Zendesk `updated_at`). */
  updatedAt: string;
}

export interface HelpdeskComment {
  id: string;
  authorId: string;
  body: string;
  public: boolean;
  createdAt: string;
}

export interface HelpdeskPerson {
  id: string;
  name: string;
  email?: string;
  role: string;
  locale?: string;
  organizationId: string | null;
  tags: string[];
  fields: Record<string, string | number | boolean | null>;
}

export interface HelpdeskOrganization {
  id: string;
  name: string;
  tags: string[];
  fields: Record<string, string | number | boolean | null>;
}

export interface HelpdeskGroup {
  id: string;
  name: string;
}

/** An agent who can take handoffs: skills and capacity as the helpdesk records them. */
export interface StaffMember {
  id: string;
  name: string;
  skills: string[];
  capacity: number;
  groupIds: string[];
}

/** Open tickets of one group: per assignee, and unassigned (the queue). */
export interface GroupLoad {
  openBy: Map<string, number>;
  queueDepth: number;
}

export interface HelpArticle {
  title: string;
  body: string;
  url: string;
  snippet?: string;
}

export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export type TicketPriority = 'urgent' | 'high' | 'normal' | 'low';

/**
 * One change to a ticket. Tags are added and removed (never replaced wholesale, so a tag
 * an agent set meanwhile survives). At most one internal note and one public reply; an
 * adapter whose helpdesk takes one comment per write splits the change itself.
 */
export interface TicketChange {
  tags?: { add?: string[]; remove?: string[] };
  status?: TicketStatus;
  priority?: TicketPriority;
  groupId?: string;
  assigneeId?: string;
  internalNote?: string;
  publicReply?: string;
}

export interface UpdateOptions {
  /** The ticket as last seen (e.g. from the webhook): saves a read before the first try. */
  known?: Pick<HelpdeskTicket, 'tags' | 'updatedAt'>;
  /** After a conflict: true when the fresh ticket already shows this write (an earlier try landed). */
  done?: (fresh: HelpdeskTicket) => boolean;
  /**
   * An earlier try may have got through (the job runs again after a crash). An adapter whose
   * helpdesk writes text and properties in separate calls checks the text is not there yet.
   */
  recovering?: boolean;
  /**
   * With `recovering`: when the try that may have got through began (ms). Its text need not
   * match word for word (a wait estimate or the agent named can differ a minute later), so an
   * adapter that checks for text takes what Baton itself posted since then, with the same
   * visibility, as this write's.
   */
  attemptStartedAt?: number;
}

export interface HelpdeskPort {
  /** `zendesk`, `freshdesk`: for logs and tenant ids, never for branching in use cases. */
  readonly provider: string;
  /** API calls made through this view (see `scoped`). */
  readonly calls: number;
  /** A view sharing auth and rate budget with its own call counter, e.g. per ticket. */
  scoped(): HelpdeskPort;

  getTicket(id: string): Promise<HelpdeskTicket>;
  listComments(ticketId: string): Promise<HelpdeskComment[]>;
  /** The ticket and its comments as one read (an adapter whose helpdesk embeds them saves a call). */
  getTicketWithComments(id: string): Promise<{ ticket: HelpdeskTicket; comments: HelpdeskComment[] }>;
  /**
   * Write a change built from the freshest ticket. When someone else changed the ticket
   * meanwhile, the adapter reads it again, rebuilds the change and retries. A change the
   * helpdesk refuses as invalid throws `HELPDESK_REFUSED` with `details.fields` naming what
   * it refused (`assignee`, `status`, a field id) and `details.reasons` in its words.
   */
  updateTicket(id: string, build: (fresh: Pick<HelpdeskTicket, 'tags'>) => TicketChange, opts?: UpdateOptions): Promise<HelpdeskTicket>;

  getUser(id: string): Promise<HelpdeskPerson>;
  /** Baton's own API user: its comments are not agents answering. */
  selfUserId(): Promise<string>;
  getOrganization(id: string): Promise<HelpdeskOrganization>;
  listGroups(): Promise<HelpdeskGroup[]>;
  /** Agents and the groups they belong to. */
  listStaff(): Promise<StaffMember[]>;
  /** Open tickets of a group; `memberIds` lets an adapter count per agent when listing is capped. */
  groupLoad(groupId: string, memberIds: string[]): Promise<GroupLoad>;
  /**
   * Published articles every customer can open, in the Help Center locale closest to `locale`
   * (a locale tag such as `de` or `en-US`; the Help Center's default otherwise).
   */
  searchArticles(query: string, locale?: string): Promise<HelpArticle[]>;
  /**
   * Whether a language alone picks the Help Center locale (the Help Center has at most one
   * locale of that language), so the requester's exact locale need not be read. An adapter
   * without it has the requester read.
   */
  languageSuffices?(language: string): Promise<boolean>;
  /** Where an agent opens the ticket. */
  ticketUrl(ticketId: string): string;
  /** Tickets changed after `cursor` (without one yet: since `sinceMs`), oldest change first, for the catch-up sweep. */
  changedTickets(cursor: string | null, sinceMs: number): Promise<ChangedTicketsPage>;
  /** Reads for reports, audits and training. */
  readonly reports: HelpdeskReports;
}

export interface ChangedTicket {
  id: string;
  status: string;
  requesterId: string;
  updatedAt: string;
}

export interface ChangedTicketsPage {
  tickets: ChangedTicket[];
  /** Where the next read starts; store it once this page is handled. */
  cursor: string;
  /** More pages are ready now (read again at once). */
  more: boolean;
}

/** A customer's satisfaction rating of a ticket. */
export interface SatisfactionRating {
  id: string;
  ticketId: string;
  /** `good`, `bad`, `offered`, ... as the helpdesk names it. */
  score: string;
  comment: string | null;
  reason: string | null;
  groupId: string | null;
  assigneeId: string | null;
  createdAt: string;
  updatedAt?: string;
}

/** What happened on a ticket that webhooks do not tell: the first public human reply, the solve. */
export interface TicketActivity {
  ticket: HelpdeskTicket;
  /** ms since epoch of the first public reply by someone other than the requester and `selfIds`. */
  firstHumanReplyAt: number | null;
  /** ms since epoch the ticket was last solved (null when it is not solved or closed). */
  solvedAt: number | null;
}

/** Recent tickets for an audit, as the helpdesk's export objects (the audit reads that format). */
export interface RecentTickets {
  /** The export format the objects follow, e.g. `zendesk-api`. */
  format: string;
  tickets: Record<string, unknown>[];
  organizations: Map<string, Record<string, unknown>>;
  problems: { id: string; problem: string }[];
}

/** A solved ticket for training a tenant's model. */
export interface SolvedTicketText {
  text: string;
  tags: string[];
  group: string | null;
}

/** Reads for the admin loop and the CLI (reports, audits, training), not the live path. */
export interface HelpdeskReports {
  /** Where the reports come from, for headings (the account URL). */
  readonly accountName: string;
  /** Ratings created or updated since `since` (ms), every page. */
  satisfactionRatings(since?: number): AsyncIterable<SatisfactionRating>;
  ticketActivity(ticketId: string, selfIds: ReadonlySet<string>): Promise<TicketActivity>;
  /** The newest tickets (at most the helpdesk's search cap), with their organizations. */
  recentTickets(opts: { limit?: number; createdSince?: string; onProgress?: (done: number, total: number) => void }): Promise<RecentTickets>;
  solvedTickets(): AsyncIterable<SolvedTicketText>;
}
