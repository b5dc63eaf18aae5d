/**
 * Tickets API: create, list (cursor or offset pagination), show, update, comments, audits,
 * and a requester's tickets. Writes go through TicketService, which carries the semantics.
 */
import { Router } from 'express';
import { auditJson, commentJson, ticketJson } from '../../serializers.js';
import type { TicketWriteInput } from '../../ticket-service.js';
import { notFound } from '../../zendesk-errors.js';
import { currentUser, idParam, queryValue, serializeContext, type SandboxServices } from '../context.js';
import { cursorPage, offsetPage, usesCursor } from '../pagination.js';

function ticketBody(body: unknown): TicketWriteInput {
  const ticket = (body as { ticket?: unknown } | undefined)?.ticket;
  return ticket && typeof ticket === 'object' ? (ticket as TicketWriteInput) : {};
}

export function ticketRoutes(s: SandboxServices): Router {
  const r = Router();

  r.post('/api/v2/tickets', (req, res) => {
    const change = s.tickets.createViaApi(ticketBody(req.body), currentUser(res));
    const ctx = serializeContext(s);
    res.status(201).location(`${s.baseUrl}/api/v2/tickets/${change.ticket.id}.json`).json({ ticket: ticketJson(change.ticket, ctx), audit: auditJson(change.audit, s.state) });
  });

  r.get('/api/v2/tickets', (req, res) => {
    const ctx = serializeContext(s);
    const externalId = queryValue(req, 'external_id');
    const all = s.state.listTickets().filter((t) => externalId === undefined || t.externalId === externalId);
    const self = `${s.baseUrl}/api/v2/tickets.json`;
    if (usesCursor(req)) {
      const page = cursorPage(all, req, self);
      res.json({ tickets: page.items.map((t) => ticketJson(t, ctx)), meta: page.meta, links: page.links });
    } else {
      const page = offsetPage(all, req, self);
      res.json({ tickets: page.items.map((t) => ticketJson(t, ctx)), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
    }
  });

  r.get('/api/v2/tickets/:id', (req, res) => {
    const ticket = s.state.getTicket(idParam(req, 'id'));
    if (!ticket) throw notFound();
    res.json({ ticket: ticketJson(ticket, serializeContext(s)) });
  });

  r.put('/api/v2/tickets/:id', (req, res) => {
    const change = s.tickets.updateViaApi(idParam(req, 'id'), ticketBody(req.body), currentUser(res));
    res.json({ ticket: ticketJson(change.ticket, serializeContext(s)), audit: auditJson(change.audit, s.state) });
  });

  r.get('/api/v2/tickets/:id/comments', (req, res) => {
    const id = idParam(req, 'id');
    if (!s.state.getTicket(id)) throw notFound();
    const comments = s.state.commentsFor(id);
    if (queryValue(req, 'sort_order') === 'desc') comments.reverse();
    const self = `${s.baseUrl}/api/v2/tickets/${id}/comments.json`;
    if (usesCursor(req)) {
      const page = cursorPage(s.state.commentsFor(id), req, self);
      res.json({ comments: page.items.map(commentJson), meta: page.meta, links: page.links });
      return;
    }
    const page = offsetPage(comments, req, self);
    res.json({ comments: page.items.map(commentJson), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  });

  r.get('/api/v2/tickets/:id/audits', (req, res) => {
    const id = idParam(req, 'id');
    if (!s.state.getTicket(id)) throw notFound();
    const page = offsetPage(s.state.auditsFor(id), req, `${s.baseUrl}/api/v2/tickets/${id}/audits.json`);
    res.json({ audits: page.items.map((a) => auditJson(a, s.state)), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  });

  r.get('/api/v2/users/:id/tickets/requested', (req, res) => {
    const id = idParam(req, 'id');
    if (!s.state.getUser(id)) throw notFound();
    const ctx = serializeContext(s);
    const all = s.state.ticketsRequestedBy(id);
    const self = `${s.baseUrl}/api/v2/users/${id}/tickets/requested.json`;
    if (usesCursor(req)) {
      const page = cursorPage(all, req, self);
      res.json({ tickets: page.items.map((t) => ticketJson(t, ctx)), meta: page.meta, links: page.links });
      return;
    }
    const page = offsetPage(all, req, self);
    res.json({ tickets: page.items.map((t) => ticketJson(t, ctx)), next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  });

  return r;
}
