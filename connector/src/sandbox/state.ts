/**
 * The sandbox's in-memory store, with typed accessors that tests use to look behind the HTTP
 * API (e.g. "which comments does ticket 7 have?"). Mutations that carry Zendesk semantics
 * (ticket updates, audits, triggers) live in ticket-service.ts; this file only stores.
 */
import type {
  AuditRecord,
  CommentRecord,
  DeliveryRecord,
  GroupMembershipRecord,
  GroupRecord,
  HelpCenterArticle,
  OrganizationRecord,
  SatisfactionRatingRecord,
  TicketRecord,
  TriggerRecord,
  UserRecord,
  WebhookRecord,
} from './model.js';

/** First id handed out per kind; seeded records use fixed ids below these ranges. */
const ID_START = {
  ticket: 1,
  user: 1301,
  organization: 3101,
  membership: 4001,
  event: 100001,
  trigger: 7001,
  rating: 8001,
  webhook: 1,
  invocation: 9000000001,
  change: 1,
} as const;
export type IdKind = keyof typeof ID_START;

export class SandboxState {
  readonly users = new Map<number, UserRecord>();
  readonly organizations = new Map<number, OrganizationRecord>();
  readonly groups = new Map<number, GroupRecord>();
  readonly memberships: GroupMembershipRecord[] = [];
  readonly tickets = new Map<number, TicketRecord>();
  readonly comments: CommentRecord[] = [];
  readonly audits: AuditRecord[] = [];
  readonly webhooks = new Map<string, WebhookRecord>();
  readonly triggers = new Map<number, TriggerRecord>();
  readonly deliveries: DeliveryRecord[] = [];
  readonly satisfactionRatings: SatisfactionRatingRecord[] = [];
  readonly articles: HelpCenterArticle[] = [];
  /**
   * Custom ticket fields marked `required` (TicketFieldObject.required: "agents must enter a
   * value in the field to change the ticket status to solved"), by id, with their titles.
   */
  readonly requiredToSolve = new Map<number, string>();
  private readonly counters = new Map<IdKind, number>();

  /** `now` is the sandbox clock (injectable so fixtures are reproducible). */
  constructor(readonly now: () => Date) {}

  nextId(kind: IdKind): number {
    const next = this.counters.get(kind) ?? ID_START[kind];
    this.counters.set(kind, next + 1);
    return next;
  }

  /** Zendesk webhook ids are 26-character ULIDs; these are ULID-shaped and deterministic. */
  nextWebhookId(): string {
    return `01HSANDBXWH${String(this.nextId('webhook')).padStart(15, '0')}`;
  }

  // ---- tickets -------------------------------------------------------------------------

  getTicket(id: number): TicketRecord | undefined {
    return this.tickets.get(id);
  }

  /** All tickets, oldest first (Zendesk's default order for List Tickets). */
  listTickets(): TicketRecord[] {
    return [...this.tickets.values()].sort((a, b) => a.id - b.id);
  }

  ticketsRequestedBy(userId: number): TicketRecord[] {
    return this.listTickets().filter((t) => t.requesterId === userId);
  }

  commentsFor(ticketId: number): CommentRecord[] {
    return this.comments.filter((c) => c.ticketId === ticketId);
  }

  latestComment(ticketId: number): CommentRecord | undefined {
    const all = this.commentsFor(ticketId);
    return all[all.length - 1];
  }

  publicCommentsFor(ticketId: number): CommentRecord[] {
    return this.commentsFor(ticketId).filter((c) => c.public);
  }

  auditsFor(ticketId: number): AuditRecord[] {
    return this.audits.filter((a) => a.ticketId === ticketId);
  }

  deliveriesFor(ticketId: number): DeliveryRecord[] {
    return this.deliveries.filter((d) => d.ticketId === ticketId);
  }

  // ---- people --------------------------------------------------------------------------

  getUser(id: number): UserRecord | undefined {
    return this.users.get(id);
  }

  findUserByEmail(email: string): UserRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.users.values()].find((u) => u.email.toLowerCase() === wanted);
  }

  agents(): UserRecord[] {
    return [...this.users.values()].filter((u) => u.role !== 'end-user');
  }

  getOrganization(id: number): OrganizationRecord | undefined {
    return this.organizations.get(id);
  }

  findOrganizationByName(name: string): OrganizationRecord | undefined {
    const wanted = name.trim().toLowerCase();
    return [...this.organizations.values()].find((o) => o.name.toLowerCase() === wanted);
  }

  getGroup(id: number): GroupRecord | undefined {
    return this.groups.get(id);
  }

  findGroupByName(name: string): GroupRecord | undefined {
    return [...this.groups.values()].find((g) => g.name === name);
  }

  groupIdsOf(userId: number): number[] {
    return this.memberships.filter((m) => m.userId === userId).map((m) => m.groupId);
  }

  membersOf(groupId: number): UserRecord[] {
    return this.memberships
      .filter((m) => m.groupId === groupId)
      .map((m) => this.users.get(m.userId))
      .filter((u): u is UserRecord => u !== undefined);
  }

  addUser(user: UserRecord): UserRecord {
    this.users.set(user.id, user);
    return user;
  }

  addOrganization(org: OrganizationRecord): OrganizationRecord {
    this.organizations.set(org.id, org);
    return org;
  }

  addGroup(group: GroupRecord): GroupRecord {
    this.groups.set(group.id, group);
    return group;
  }

  addMembership(userId: number, groupId: number, isDefault = false): GroupMembershipRecord {
    const membership = { id: this.nextId('membership'), userId, groupId, isDefault, createdAt: this.now() };
    this.memberships.push(membership);
    return membership;
  }

  // ---- satisfaction --------------------------------------------------------------------

  /** Seeds a CSAT rating (the API offers them read-only, as Zendesk does for agents). */
  addSatisfactionRating(input: Omit<SatisfactionRatingRecord, 'id' | 'createdAt'> & { createdAt?: Date }): SatisfactionRatingRecord {
    const rating = { ...input, id: this.nextId('rating'), createdAt: input.createdAt ?? this.now() };
    this.satisfactionRatings.push(rating);
    return rating;
  }
}
