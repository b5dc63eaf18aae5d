/**
 * Freshdesk tickets and conversations over the shared helpdesk: create, list, view (with
 * `include`), update (only the properties sent; the tag list replaces the ticket's tags),
 * conversations, public replies (/reply) and notes (/notes, private unless told otherwise).
 * Every write goes through the shared TicketService, so the demo's inbox, the rules and the
 * sandbox's own endpoints see one helpdesk whichever face wrote.
 */
import { Router } from 'express';
import type { TicketFieldInput } from '../ticket-fields.js';
import { currentUser, idParam, queryValue, type SandboxServices } from '../http/context.js';
import { noteCreate, parseBody, replyCreate, ticketCreate, ticketUpdate } from './contract.js';
import { fdInvalidValue, fdNotFound, FreshdeskApiError } from './errors.js';
import type { FreshdeskFaceState } from './face-state.js';
import { htmlToText } from '../../helpdesk/freshdesk/html.js';
import { modelPriority, modelStatus } from './mapping.js';
import { fdPage } from './paging.js';
import { conversationsOf, fdCompanyJson, fdContactJson, fdConversationJson, fdNoteJson, fdReplyJson, fdTicketJson } from './serializers.js';

/** `include=stats` (api-endpoints.md §1.1): the sandbox keeps no such times. */
const EMPTY_STATS = { agent_responded_at: null, requester_responded_at: null, first_responded_at: null, status_updated_at: null, reopened_at: null, resolved_at: null, closed_at: null, pending_since: null };

type TicketProps = { status?: number; priority?: number; tags?: string[]; group_id?: number | null; responder_id?: number | null; subject?: string };

function modelFields(s: SandboxServices, face: FreshdeskFaceState, ticketId: number | null, p: TicketProps): TicketFieldInput {
  const out: TicketFieldInput = {};
  if (p.subject !== undefined) out.subject = p.subject;
  if (p.status !== undefined) out.status = modelStatus(p.status);
  if (p.priority !== undefined) out.priority = modelPriority(p.priority);
  if (p.tags !== undefined) out.tags = p.tags;
  if (p.group_id !== undefined) {
    if (p.group_id !== null && !s.state.getGroup(p.group_id)) throw fdInvalidValue('group_id', 'There is no group matching the given group_id');
    out.group_id = p.group_id;
  }
  if (p.responder_id !== undefined) {
    const agent = p.responder_id === null ? null : s.state.getUser(p.responder_id);
    if (agent === undefined || agent?.role === 'end-user') throw fdInvalidValue('responder_id', 'There is no agent matching the given responder_id');
    out.assignee_id = p.responder_id;
  }
  if (ticketId !== null && p.status !== undefined) rememberCustomStatus(face, ticketId, p.status);
  return out;
}

function rememberCustomStatus(face: FreshdeskFaceState, ticketId: number, status: number): void {
  if (status >= 6) face.customStatuses.set(ticketId, status);
  else face.customStatuses.delete(ticketId);
}

export function freshdeskTicketRoutes(s: SandboxServices, face: FreshdeskFaceState): Router {
  const r = Router();
  const requesterJson = (id: number) => {
    const u = s.state.getUser(id);
    return u ? { id: u.id, name: u.name, email: u.email, mobile: null, phone: null } : null;
  };
  const ticketOr404 = (id: number) => {
    const t = s.state.getTicket(id);
    if (!t) throw fdNotFound();
    return t;
  };

  r.post('/api/v2/tickets', (req, res) => {
    const body = parseBody(ticketCreate, req.body);
    const requester =
      body.requester_id !== undefined ? s.state.getUser(body.requester_id) : body.email ? s.tickets.ensureEndUser({ email: body.email, name: body.name }) : undefined;
    if (!requester) throw fdInvalidValue('requester_id', 'There is no contact matching the given requester_id');
    const html = body.description ?? `<div>${body.subject ?? ''}</div>`;
    const change = face.during({}, () =>
      s.tickets.createViaApi({ ...modelFields(s, face, null, body), requester_id: requester.id, comment: { html_body: html, body: htmlToText(html), public: true, author_id: requester.id } }, currentUser(res)),
    );
    if (body.status !== undefined) rememberCustomStatus(face, change.ticket.id, body.status);
    res.status(201).location(`${s.baseUrl}/api/v2/tickets/${change.ticket.id}`).json(fdTicketJson(change.ticket, s.state, face));
  });

  r.get('/api/v2/tickets', (req, res) => {
    const email = queryValue(req, 'email');
    const requesterId = queryValue(req, 'requester_id');
    const user = email ? s.state.findUserByEmail(email) : undefined;
    const since = queryValue(req, 'updated_since');
    const sinceMs = since === undefined ? undefined : Date.parse(since);
    if (sinceMs !== undefined && Number.isNaN(sinceMs)) throw fdInvalidValue('updated_since', 'It should be in the \'YYYY-MM-DDTHH:MM:SSZ\' format');
    const byUpdate = queryValue(req, 'order_by') === 'updated_at';
    const asc = queryValue(req, 'order_type') === 'asc';
    // Freshdesk lists by created_at, newest first, unless told otherwise.
    const all = s.state
      .listTickets()
      .filter((t) => (email === undefined || t.requesterId === user?.id) && (requesterId === undefined || String(t.requesterId) === requesterId) && (sinceMs === undefined || t.updatedAt.getTime() > sinceMs))
      .sort((a, b) => (byUpdate ? a.updatedAt.getTime() - b.updatedAt.getTime() : a.id - b.id) * (asc ? 1 : -1));
    // List All Tickets embeds requester, stats and description on request (each +2 credits);
    // without include=description the list carries no description (FACTS.md §3).
    const embeds = (queryValue(req, 'include') ?? '').split(',').filter(Boolean);
    for (const e of embeds) if (!['description', 'requester', 'stats'].includes(e)) throw fdInvalidValue('include', "It should be one of these values: 'description,requester,stats'");
    res.json(
      fdPage(all, req, res, s.baseUrl).map((t) => {
        const { description, description_text, ...json } = fdTicketJson(t, s.state, face);
        if (embeds.includes('requester')) json.requester = requesterJson(t.requesterId);
        if (embeds.includes('stats')) json.stats = EMPTY_STATS;
        return embeds.includes('description') ? { ...json, description, description_text } : json;
      }),
    );
  });

  r.get('/api/v2/tickets/:id', (req, res) => {
    const t = ticketOr404(idParam(req, 'id'));
    const json = fdTicketJson(t, s.state, face);
    for (const embed of (queryValue(req, 'include') ?? '').split(',').filter(Boolean)) {
      if (embed === 'conversations') json.conversations = conversationsOf(s.state, t.id).slice(0, 10).map((c) => fdConversationJson(c, s.state, face));
      else if (embed === 'requester') json.requester = requesterJson(t.requesterId);
      else if (embed === 'company') {
        const o = t.organizationId ? s.state.getOrganization(t.organizationId) : undefined;
        json.company = o ? { id: o.id, name: fdCompanyJson(o).name } : null;
      } else if (embed === 'stats') json.stats = EMPTY_STATS;
      else throw fdInvalidValue('include', "It should be one of these values: 'conversations,requester,company,stats'");
    }
    res.json(json);
  });

  r.put('/api/v2/tickets/:id', (req, res) => {
    const id = idParam(req, 'id');
    ticketOr404(id);
    const body = parseBody(ticketUpdate, req.body);
    const fields = modelFields(s, face, id, body);
    const change = face.during({}, () => s.tickets.updateViaApi(id, fields, currentUser(res)));
    res.json(fdTicketJson(change.ticket, s.state, face));
  });

  r.get('/api/v2/tickets/:id/conversations', (req, res) => {
    const t = ticketOr404(idParam(req, 'id'));
    res.json(fdPage(conversationsOf(s.state, t.id), req, res, s.baseUrl).map((c) => fdConversationJson(c, s.state, face)));
  });

  r.post('/api/v2/tickets/:id/reply', (req, res) => {
    const id = idParam(req, 'id');
    ticketOr404(id);
    const body = parseBody(replyCreate, req.body);
    const author = body.user_id ?? currentUser(res).id;
    const change = face.during({}, () => s.tickets.updateViaApi(id, { comment: { html_body: body.body, body: htmlToText(body.body), public: true, author_id: author } }, currentUser(res)));
    if (!change.comment) throw new FreshdeskApiError(500, { code: 'internal_error', message: 'reply not recorded' });
    res.status(201).json(fdReplyJson(change.comment, s.state, body.from_email ?? change.ticket.recipient ?? `support@${new URL(s.baseUrl).hostname}`));
  });

  r.post('/api/v2/tickets/:id/notes', (req, res) => {
    const id = idParam(req, 'id');
    ticketOr404(id);
    const body = parseBody(noteCreate, req.body);
    const isPrivate = body.private ?? true; // FACTS.md §4: private defaults to true
    const author = body.user_id ?? currentUser(res).id;
    const change = face.during({ note: true }, () => s.tickets.updateViaApi(id, { comment: { html_body: body.body, body: htmlToText(body.body), public: !isPrivate, author_id: author } }, currentUser(res)));
    if (!change.comment) throw new FreshdeskApiError(500, { code: 'internal_error', message: 'note not recorded' });
    face.noteCommentIds.add(change.comment.id);
    res.status(201).json(fdNoteJson(change.comment, body.notify_emails ?? []));
  });

  // api-endpoints.md §3: DELETE /api/v2/conversations/[id] answers 204.
  r.delete('/api/v2/conversations/:id', (req, res) => {
    const id = idParam(req, 'id');
    const comment = s.state.comments.find((c) => c.id === id);
    // A conversation is any comment but the ticket's first, which is its description.
    if (!comment || !conversationsOf(s.state, comment.ticketId).includes(comment)) throw fdNotFound();
    s.state.comments.splice(s.state.comments.indexOf(comment), 1);
    face.noteCommentIds.delete(id);
    res.status(204).end();
  });

  r.get('/api/v2/contacts/:id', (req, res) => {
    const u = s.state.getUser(idParam(req, 'id'));
    if (!u || u.role !== 'end-user') throw fdNotFound();
    res.json(fdContactJson(u));
  });

  return r;
}
