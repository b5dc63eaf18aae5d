/**
 * Freshdesk's CSAT: View all Satisfaction Ratings (GET /api/v2/surveys/satisfaction_ratings,
 * `created_since` filter, paginated) and Create a Satisfaction Rating on a ticket (POST
 * /api/v2/tickets/[id]/satisfaction_ratings; api-endpoints.md §1). A rating is the customer's
 * answer: a survey sent and not answered is not listed. The ratings live in the shared
 * in-memory helpdesk, so one added through the sandbox's control route shows here too.
 */
import { Router } from 'express';
import { idParam, queryValue, type SandboxServices } from '../http/context.js';
import type { SatisfactionRatingRecord } from '../model.js';
import { iso } from '../serializers.js';
import { parseBody, satisfactionRatingCreate } from './contract.js';
import { fdInvalidValue, fdNotFound } from './errors.js';
import { fdPage } from './paging.js';

/** Good/bad from Zendesk-style records become the classic three-point survey's 103 / -103. */
export function fdRatingPoints(r: SatisfactionRatingRecord): number | null {
  if (r.points !== undefined) return r.points;
  return r.score === 'good' ? 103 : r.score === 'bad' ? -103 : r.score === 'neutral' ? 100 : null;
}

function ratingJson(r: SatisfactionRatingRecord, points: number): Record<string, unknown> {
  return {
    id: r.id,
    survey_id: 1,
    user_id: r.requesterId,
    agent_id: r.assigneeId || null,
    feedback: r.comment || null,
    group_id: r.groupId || null,
    ticket_id: r.ticketId,
    ratings: { default_question: points },
    created_at: iso(r.createdAt),
    updated_at: iso(r.createdAt),
  };
}

export function freshdeskSurveyRoutes(s: SandboxServices): Router {
  const r = Router();

  r.get('/api/v2/surveys/satisfaction_ratings', (req, res) => {
    const raw = queryValue(req, 'created_since');
    const since = raw === undefined ? undefined : Date.parse(raw);
    if (since !== undefined && Number.isNaN(since)) throw fdInvalidValue('created_since', 'It should be a/an date format');
    const answered = s.state.satisfactionRatings.filter((x) => fdRatingPoints(x) !== null && (since === undefined || x.createdAt.getTime() >= since));
    res.json(fdPage(answered, req, res, s.baseUrl).map((x) => ratingJson(x, fdRatingPoints(x)!)));
  });

  r.post('/api/v2/tickets/:id/satisfaction_ratings', (req, res) => {
    const ticket = s.state.getTicket(idParam(req, 'id'));
    if (!ticket) throw fdNotFound();
    const body = parseBody(satisfactionRatingCreate, req.body);
    const points = body.ratings.default_question;
    const rating = s.state.addSatisfactionRating({
      ticketId: ticket.id,
      requesterId: ticket.requesterId,
      assigneeId: ticket.assigneeId ?? 0,
      groupId: ticket.groupId ?? 0,
      score: points > 100 ? 'good' : points < 100 ? 'bad' : 'neutral',
      points,
      comment: body.feedback ?? '',
      reason: '',
    });
    res.status(201).json(ratingJson(rating, points));
  });

  return r;
}
