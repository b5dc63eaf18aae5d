/**
 * Ticket life cycle with Zendesk's semantics: creation (by an agent through the API, or by a
 * customer through e-mail/web/chat), updates with comments, audits, safe_update collisions,
 * and the automatic status moves (an agent touching a New ticket opens it; a customer reply
 * reopens a pending or solved one). Every committed change is announced to listeners — the
 * trigger engine is one.
 */
import { stripHtml } from './help-center-search.js';
import { VIA, type AuditRecord, type CommentRecord, type TicketRecord, type UserRecord, type Via, type ViaKey } from './model.js';
import type { SandboxState } from './state.js';
import { applyTicketFields, type TicketFieldInput } from './ticket-fields.js';
import { badRequest, invalidValue, notFound, recordInvalid, updateConflict } from './zendesk-errors.js';

export interface CommentInput {
  body?: unknown;
  html_body?: unknown;
  public?: unknown;
  author_id?: unknown;
}

export type TicketWriteInput = TicketFieldInput & {
  comment?: CommentInput;
  safe_update?: unknown;
  updated_stamp?: unknown;
  submitter_id?: unknown;
  requester?: { name?: unknown; email?: unknown };
};

export interface TicketChange {
  updateType: 'Create' | 'Change';
  ticket: TicketRecord;
  /** The ticket before this change (null on creation). */
  previous: TicketRecord | null;
  audit: AuditRecord;
  comment: CommentRecord | null;
  /** The user making the change: Zendesk's "current user". */
  actor: UserRecord;
  viaKey: ViaKey;
}

export interface EndUserInput {
  name?: string;
  email: string;
  organization?: string | number;
}

export interface InboundTicketInput {
  requester: EndUserInput;
  subject?: string;
  body: string;
  channel?: 'email' | 'web' | 'chat';
}

export class TicketService {
  private readonly listeners: Array<(change: TicketChange) => void> = [];

  constructor(
    private readonly state: SandboxState,
    private readonly account: { name: string; supportAddress: string },
  ) {}

  onChange(listener: (change: TicketChange) => void): void {
    this.listeners.push(listener);
  }

  /** POST /api/v2/tickets by an agent (via "api", id 5). */
  createViaApi(input: TicketWriteInput, actor: UserRecord): TicketChange {
    if (!input.comment) throw invalidValue('comment', 'Comment: is required to create a ticket');
    let requester: UserRecord | undefined;
    if (input.requester_id !== undefined) requester = this.state.getUser(Number(input.requester_id));
    else if (input.requester && typeof input.requester.email === 'string') {
      requester = this.ensureEndUser({ email: input.requester.email, name: typeof input.requester.name === 'string' ? input.requester.name : undefined });
    } else requester = actor;
    if (!requester) throw invalidValue('requester', 'Requester is invalid');
    const submitter = input.submitter_id !== undefined ? this.state.getUser(Number(input.submitter_id)) : actor;
    if (!submitter) throw invalidValue('submitter', 'Submitter is invalid');
    const { requester_id: _r, ...fields } = input;
    return this.create({ requester, submitter, actor, viaKey: 'api', fields, comment: { ...input.comment, author_id: input.comment.author_id ?? submitter.id } });
  }

  /** A customer writes in (sandbox-only: what an inbound e-mail, web form or chat does). */
  createAsEndUser(input: InboundTicketInput): TicketChange {
    const requester = this.ensureEndUser(input.requester);
    const viaKey = input.channel ?? 'email';
    const subject = input.subject?.trim() || input.body.trim().split('\n')[0]!.slice(0, 80);
    return this.create({ requester, submitter: requester, actor: requester, viaKey, fields: { subject }, comment: { body: input.body, public: true, author_id: requester.id } });
  }

  /** PUT /api/v2/tickets/{id} by an agent. */
  updateViaApi(id: number, input: TicketWriteInput, actor: UserRecord): TicketChange {
    const ticket = this.requireTicket(id);
    if (input.safe_update !== undefined) {
      // "A value of false has the same effect as true" (TicketObject.safe_update).
      if (typeof input.updated_stamp !== 'string') throw invalidValue('updated_stamp', 'updated_stamp is required with safe_update');
      const stamp = Date.parse(input.updated_stamp);
      if (Number.isNaN(stamp)) throw invalidValue('updated_stamp', 'updated_stamp must be an ISO 8601 date-time');
      if (Math.floor(stamp / 1000) !== Math.floor(ticket.updatedAt.getTime() / 1000)) throw updateConflict();
    }
    const { safe_update: _s, updated_stamp: _u, ...rest } = input;
    const fields: TicketWriteInput = { ...rest };
    // An agent updating a New ticket opens it unless the update sets a status itself.
    if (fields.status === undefined && ticket.status === 'new' && actor.role !== 'end-user') fields.status = 'open';
    return this.update(ticket, { actor, viaKey: 'api', fields, comment: input.comment });
  }

  /**
   * An agent works the ticket in the agent workspace (sandbox-only): a macro or a manual
   * change through the web UI (via "web", not the API), e.g. adding a tag or replying.
   */
  agentUpdate(id: number, agentId: number, input: TicketWriteInput): TicketChange {
    const ticket = this.requireTicket(id);
    const agent = this.state.getUser(agentId);
    if (!agent || agent.role === 'end-user') throw invalidValue('agent_id', `User ${agentId} is not an agent`);
    const fields: TicketWriteInput = { ...input };
    if (fields.status === undefined && ticket.status === 'new') fields.status = 'open';
    const comment = input.comment ? { ...input.comment, author_id: agent.id } : undefined;
    return this.update(ticket, { actor: agent, viaKey: 'web', fields, comment });
  }

  /** A customer replies by e-mail (sandbox-only); a pending/solved/on-hold ticket reopens. */
  customerReply(id: number, body: string, viaKey: ViaKey = 'email'): TicketChange {
    const ticket = this.requireTicket(id);
    const requester = this.state.getUser(ticket.requesterId);
    if (!requester) throw notFound('Requester not found');
    const fields: TicketFieldInput = ticket.status === 'new' || ticket.status === 'open' ? {} : { status: 'open' };
    return this.update(ticket, { actor: requester, viaKey, fields, comment: { body, public: true, author_id: requester.id } });
  }

  /** Finds the customer by e-mail or creates them (and their organization, by name). */
  ensureEndUser(input: EndUserInput): UserRecord {
    const email = input.email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw invalidValue('email', `${email} is not a valid e-mail address`);
    const orgId = this.resolveOrganization(input.organization);
    const existing = this.state.findUserByEmail(email);
    if (existing) {
      if (existing.organizationId === null && orgId !== null) existing.organizationId = orgId;
      return existing;
    }
    const now = this.state.now();
    return this.state.addUser({
      id: this.state.nextId('user'),
      name: input.name?.trim() || email.split('@')[0]!,
      email,
      role: 'end-user',
      organizationId: orgId,
      tags: [],
      locale: 'en-US',
      timeZone: 'UTC',
      defaultGroupId: null,
      userFields: {},
      createdAt: now,
      updatedAt: now,
    });
  }

  private resolveOrganization(org: string | number | undefined): number | null {
    if (org === undefined || org === '') return null;
    if (typeof org === 'number') {
      if (!this.state.getOrganization(org)) throw invalidValue('organization', `Organization ${org} does not exist`);
      return org;
    }
    const found = this.state.findOrganizationByName(org);
    if (found) return found.id;
    const now = this.state.now();
    return this.state.addOrganization({ id: this.state.nextId('organization'), name: org.trim(), tags: [], domainNames: [], organizationFields: {}, notes: null, createdAt: now, updatedAt: now }).id;
  }

  private requireTicket(id: number): TicketRecord {
    const ticket = this.state.getTicket(id);
    if (!ticket) throw notFound();
    if (ticket.status === 'closed') throw recordInvalid({ status: [{ description: 'Status: closed prevents ticket update', error: 'ClosedPreventsUpdate' }] });
    return ticket;
  }

  private create(args: { requester: UserRecord; submitter: UserRecord; actor: UserRecord; viaKey: ViaKey; fields: TicketFieldInput; comment: CommentInput }): TicketChange {
    const now = this.stamp(undefined);
    const via = this.viaFor(args.viaKey, args.requester);
    const draft: TicketRecord = {
      id: 0,
      subject: '',
      description: '',
      status: 'new',
      priority: null,
      type: null,
      tags: [],
      requesterId: args.requester.id,
      submitterId: args.submitter.id,
      assigneeId: null,
      groupId: null,
      organizationId: args.requester.organizationId,
      customFields: [],
      externalId: null,
      recipient: args.viaKey === 'email' ? this.account.supportAddress : null,
      viaKey: args.viaKey,
      via,
      createdAt: now,
      updatedAt: now,
      changeSeq: this.state.nextId('change'),
    };
    const fields = { ...args.fields };
    // Assigning on creation makes the ticket Open rather than New, as in Zendesk.
    if (fields.status === undefined) fields.status = fields.assignee_id !== undefined || fields.assignee_email !== undefined ? 'open' : 'new';
    const fieldEvents = applyTicketFields(this.state, draft, fields, true);
    const auditId = this.state.nextId('event');
    draft.id = this.state.nextId('ticket');
    const comment = this.buildComment(draft.id, auditId, args.comment, args.actor, via, now);
    if (!comment) throw invalidValue('comment', 'Comment: body cannot be blank');
    draft.description = comment.plainBody;
    const audit: AuditRecord = { id: auditId, ticketId: draft.id, authorId: args.actor.id, via, createdAt: now, events: [{ id: comment.id, type: 'Comment', commentId: comment.id }, ...fieldEvents] };
    this.state.tickets.set(draft.id, draft);
    this.state.comments.push(comment);
    this.state.audits.push(audit);
    return this.announce({ updateType: 'Create', ticket: draft, previous: null, audit, comment, actor: args.actor, viaKey: args.viaKey });
  }

  private update(ticket: TicketRecord, args: { actor: UserRecord; viaKey: ViaKey; fields: TicketFieldInput; comment: CommentInput | undefined }): TicketChange {
    const previous = structuredClone(ticket);
    const draft = structuredClone(ticket);
    const fieldEvents = applyTicketFields(this.state, draft, args.fields, false);
    const via = this.viaFor(args.viaKey, args.actor);
    const auditId = this.state.nextId('event');
    const now = this.stamp(ticket.updatedAt);
    const comment = args.comment ? this.buildComment(ticket.id, auditId, args.comment, args.actor, via, now) : null;
    if (args.comment && !comment) throw invalidValue('comment', 'Comment: body cannot be blank');
    const audit: AuditRecord = { id: auditId, ticketId: ticket.id, authorId: args.actor.id, via, createdAt: now, events: [...(comment ? [{ id: comment.id, type: 'Comment' as const, commentId: comment.id }] : []), ...fieldEvents] };
    if (audit.events.length === 0) {
      // Nothing changed: Zendesk answers with the unchanged ticket and fires no triggers.
      return { updateType: 'Change', ticket, previous, audit, comment: null, actor: args.actor, viaKey: args.viaKey };
    }
    draft.updatedAt = now;
    draft.changeSeq = this.state.nextId('change');
    Object.assign(ticket, draft);
    if (comment) this.state.comments.push(comment);
    this.state.audits.push(audit);
    return this.announce({ updateType: 'Change', ticket, previous, audit, comment, actor: args.actor, viaKey: args.viaKey });
  }

  private buildComment(ticketId: number, auditId: number, input: CommentInput, actor: UserRecord, via: Via, at: Date): CommentRecord | null {
    const authorId = input.author_id === undefined ? actor.id : Number(input.author_id);
    const author = this.state.getUser(authorId);
    if (!author) throw invalidValue('comment', `Comment author ${String(input.author_id)} does not exist`);
    if (input.public !== undefined && typeof input.public !== 'boolean') throw badRequest('comment.public must be a boolean');
    let body: string;
    let htmlBody: string;
    if (typeof input.html_body === 'string' && input.html_body.trim() !== '') {
      htmlBody = input.html_body;
      // A caller that knows the text (the Freshdesk face keeps line breaks) may send it too.
      body = typeof input.body === 'string' && input.body.trim() !== '' ? input.body : stripHtml(input.html_body);
    } else if (typeof input.body === 'string' && input.body.trim() !== '') {
      body = input.body;
      htmlBody = `<div class="zd-comment" dir="auto">${escapeHtml(body).replace(/\n/g, '<br>')}</div>`;
    } else return null;
    // End users cannot write internal notes.
    const isPublic = author.role === 'end-user' ? true : input.public !== false;
    return { id: this.state.nextId('event'), ticketId, auditId, authorId: author.id, body, htmlBody, plainBody: body, public: isPublic, via, createdAt: at };
  }

  private viaFor(viaKey: ViaKey, user: UserRecord): Via {
    const channel = VIA[viaKey].channel;
    if (viaKey === 'email') {
      return { channel, source: { from: { address: user.email, name: user.name }, to: { name: this.account.name, address: this.account.supportAddress }, rel: null } };
    }
    return { channel, source: { from: {}, to: {}, rel: null } };
  }

  /**
   * updated_at has second resolution on the wire, so each change moves it forward by at least
   * one second: a safe_update stamp read before a change can then never match after it.
   */
  private stamp(previous: Date | undefined): Date {
    const now = Math.floor(this.state.now().getTime() / 1000) * 1000;
    return new Date(previous && now <= previous.getTime() ? previous.getTime() + 1000 : now);
  }

  private announce(change: TicketChange): TicketChange {
    for (const listener of this.listeners) listener(change);
    return change;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
