/**
 * Sandbox-only endpoints (no Zendesk equivalent, no auth, not rate limited): the customer's
 * side of the conversation (inbound tickets and replies, which fire triggers as real e-mail
 * does), delivery records, request statistics, fault injection and CSAT seeding.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { auditJson, commentJson, ticketJson } from '../../serializers.js';
import { badRequest, notFound } from '../../zendesk-errors.js';
import { idParam, queryValue, serializeContext, type SandboxServices } from '../context.js';

const inboundSchema = z.strictObject({
  requester: z.strictObject({
    name: z.string().min(1).optional(),
    email: z.string().min(3),
    organization: z.union([z.string().min(1), z.number().int().positive()]).optional(),
  }),
  subject: z.string().optional(),
  body: z.string().min(1),
  channel: z.enum(['email', 'web', 'chat']).optional(),
});

const replySchema = z.strictObject({ body: z.string().min(1) });

const faultSchema = z.strictObject({
  status: z.number().int().min(100).max(599).optional(),
  count: z.number().int().positive(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  path: z.string().startsWith('/').optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).optional(),
});

const ratingSchema = z.strictObject({
  ticket_id: z.number().int().positive(),
  score: z.enum(['good', 'bad', 'offered', 'unoffered']),
  comment: z.string().optional(),
  reason: z.string().optional(),
});

function parse<T>(schema: z.ZodType<T>, req: Request): T {
  const result = schema.safeParse(req.body ?? {});
  if (!result.success) {
    throw badRequest(`Invalid sandbox request: ${result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

export function sandboxControlRoutes(s: SandboxServices): Router {
  const r = Router();

  r.post('/sandbox/inbound', (req, res) => {
    const change = s.tickets.createAsEndUser(parse(inboundSchema, req));
    res.status(201).json({ ticket: ticketJson(change.ticket, serializeContext(s)), comment: change.comment && commentJson(change.comment), audit: auditJson(change.audit, s.state) });
  });

  r.post('/sandbox/tickets/:id/customer-reply', (req, res) => {
    const { body } = parse(replySchema, req);
    const change = s.tickets.customerReply(idParam(req, 'id'), body);
    res.json({ ticket: ticketJson(change.ticket, serializeContext(s)), comment: change.comment && commentJson(change.comment), audit: auditJson(change.audit, s.state) });
  });

  r.get('/sandbox/deliveries', (req, res) => {
    const ticketId = queryValue(req, 'ticket_id');
    const deliveries = s.state.deliveries.filter((d) => ticketId === undefined || String(d.ticketId) === ticketId);
    res.json({ deliveries });
  });

  r.get('/sandbox/idle', async (_req, res) => {
    await s.dispatcher.idle();
    res.status(204).end();
  });

  r.post('/sandbox/faults', (req, res) => {
    s.faults.add(parse(faultSchema, req));
    res.status(201).json({ faults: s.faults.pending() });
  });

  r.delete('/sandbox/faults', (_req, res) => {
    s.faults.clear();
    res.status(204).end();
  });

  r.get('/sandbox/stats', (_req, res) => {
    res.json(s.stats.snapshot());
  });

  r.delete('/sandbox/stats', (_req, res) => {
    s.stats.reset();
    res.status(204).end();
  });

  r.post('/sandbox/rate-limit/reset', (_req, res) => {
    s.rateLimiter.reset();
    res.status(204).end();
  });

  r.post('/sandbox/satisfaction_ratings', (req, res) => {
    const input = parse(ratingSchema, req);
    const ticket = s.state.getTicket(input.ticket_id);
    if (!ticket) throw notFound();
    const rating = s.state.addSatisfactionRating({
      ticketId: ticket.id,
      requesterId: ticket.requesterId,
      assigneeId: ticket.assigneeId ?? s.apiUser.id,
      groupId: ticket.groupId ?? 0,
      score: input.score,
      comment: input.comment ?? '',
      reason: input.reason ?? '',
    });
    res.status(201).json({ satisfaction_rating: rating });
  });

  return r;
}
