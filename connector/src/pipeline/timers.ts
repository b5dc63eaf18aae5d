/**
 * Timers are delayed jobs in the same queue, so they survive restarts and fire once
 * across replicas. Two of them:
 *  - silence: the customer has not answered an AI message for `stuck.silence_minutes` →
 *    hand off for a proactive follow-up;
 *  - pickup: a handed-off ticket no agent has answered within the promised wait → raise
 *    its priority and say so in an internal note.
 * A customer message cancels the ticket's silence timer; an agent's reply cancels pickup.
 */
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import { writeBack } from '../handoff/writeback.js';
import { ticketJobKey } from '../jobs/job-keys.js';
import type { Job, JobQueue } from '../jobs/queue.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { decisionOf, getTicketState, listAttempts, markAttempt, recordAttempt, upsertTicketState } from '../store/tickets.js';
import { handoffNotice, notifyJobs } from '../integrations/notify/index.js';
import { ticketTags } from '../ticket-tags.js';
import type { Policy } from '../triage/policy/schema.js';
import { checkSilence } from '../triage/signals/stuck.js';
import type { Decision, Priority } from '../triage/types.js';
import { routeFor, type PipelineDeps } from './deps.js';

export const SILENCE_TIMER = 'timer-silence';
export const PICKUP_TIMER = 'timer-pickup';

const silenceKey = (tenantId: string, ticketId: string, ref: string | number) => ticketJobKey(tenantId, ticketId, `timer:silence:${ref}`);
const pickupKey = (tenantId: string, ticketId: string, ref: string | number) => ticketJobKey(tenantId, ticketId, `timer:pickup:${ref}`);

/** `trx`: arm it in the caller's transaction (see `JobQueue.enqueue`). */
export async function armSilenceTimer(queue: JobQueue, policy: Policy, tenantId: string, ticketId: string, attemptId: number, aiMessageAt: number, trx?: Transaction<Database>): Promise<void> {
  await queue.enqueue({ kind: SILENCE_TIMER, tenantId, payload: { ticketId, attemptId }, runAt: aiMessageAt + policy.stuck.silence_minutes * 60_000, dedupeKey: silenceKey(tenantId, ticketId, attemptId) }, trx);
}

export async function armPickupTimer(queue: JobQueue, tenantId: string, ticketId: string, handedOffAt: number, waitMinutes: number, trx?: Transaction<Database>): Promise<void> {
  await queue.enqueue({ kind: PICKUP_TIMER, tenantId, payload: { ticketId, handedOffAt, waitMinutes }, runAt: handedOffAt + waitMinutes * 60_000, dedupeKey: pickupKey(tenantId, ticketId, handedOffAt) }, trx);
}

export function cancelSilenceTimers(queue: JobQueue, tenantId: string, ticketId: string): Promise<number> {
  return queue.cancelByKeyPrefix(silenceKey(tenantId, ticketId, ''));
}

export function cancelPickupTimers(queue: JobQueue, tenantId: string, ticketId: string): Promise<number> {
  return queue.cancelByKeyPrefix(pickupKey(tenantId, ticketId, ''));
}

export type TimerDeps = PipelineDeps;

export function silenceTimerHandler(deps: TimerDeps) {
  const now = deps.now ?? Date.now;
  return async (job: Job, log: Logger): Promise<void> => {
    const { ticketId, attemptId } = job.payload as { ticketId: string; attemptId: number };
    const state = await getTicketState(deps.store, job.tenantId, ticketId);
    if (!state) return;
    const escalation = checkSilence(
      deps.policy,
      {
        state: state.state,
        lastAiMessageAt: state.last_ai_message_at ? new Date(state.last_ai_message_at).toISOString() : undefined,
        lastCustomerMessageAt: state.last_customer_message_at ? new Date(state.last_customer_message_at).toISOString() : undefined,
      },
      new Date(now()),
    );
    if (!escalation) return;
    const intent = state.intent ?? 'other';
    const team = deps.policy.intents[intent]?.team ?? deps.policy.defaults.fallback_team;
    const decision: Decision = {
      action: 'handoff',
      intent,
      confidence: 1,
      sentiment: { score: 0, label: 'neutral', trend: 0 },
      language: 'en',
      team,
      priority: escalation.priority,
      tags: [],
      reasons: [escalation.reason],
      mode: 'live',
      engine: 'timer',
      summary: 'The customer went quiet after an automated answer: follow up personally to check it solved their problem.',
    };
    const eventId = `timer:silence:${job.tenantId}:${ticketId}:${attemptId}`;
    const attempt = await recordAttempt(deps.store, { tenantId: job.tenantId, ticketId, eventId, decision, customerMessage: '', now: now() });
    if (attempt.write_status === 'written') return;
    const helpdesk = deps.helpdeskFor(job.tenantId).scoped();
    await writeBack({
      eventId,
      ticketId,
      decision,
      helpdesk,
      tags: ticketTags(deps.policy.tags.prefix),
      routing: await routeFor(deps, job.tenantId, decision, false, new Date(now())),
      recovering: true, // timers always read the ticket first: cheap, and safe to repeat
      customer: { name: '' },
      message: '(no reply from the customer since the last automated answer)',
      earlierAttempts: state.ai_message_count,
      automatedStatus: deps.policy.handoff.automated_status,
      customerMessage: false,
    });
    const t = now();
    await markAttempt(deps.store, attempt.id, 'written', helpdesk.calls, t);
    await upsertTicketState(deps.store, { ...state, state: 'handed_off', handed_off_at: t, team, updated_at: t });
    log.info({ ticket: ticketId, team }, 'customer silent after AI message: handed off');
  };
}

const RAISE: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };

export function pickupTimerHandler(deps: TimerDeps) {
  const now = deps.now ?? Date.now;
  return async (job: Job, log: Logger): Promise<void> => {
    const { ticketId, handedOffAt, waitMinutes } = job.payload as { ticketId: string; handedOffAt: number; waitMinutes: number };
    const state = await getTicketState(deps.store, job.tenantId, ticketId);
    if (!state || state.state !== 'handed_off' || state.handed_off_at !== handedOffAt) return;
    const helpdesk = deps.helpdeskFor(job.tenantId).scoped();
    const ticket = await helpdesk.getTicket(ticketId);
    if (ticket.status === 'solved' || ticket.status === 'closed') return;
    const self = deps.selfUserIds();
    const comments = await helpdesk.listComments(ticketId);
    const answered = comments.some((c) => c.public && Date.parse(c.createdAt) >= handedOffAt && c.authorId !== ticket.requesterId && !self.has(c.authorId));
    if (answered) return;
    const priority = RAISE[(ticket.priority as Priority | null) ?? 'normal'];
    await helpdesk.updateTicket(
      ticketId,
      () => ({
        priority,
        tags: { add: [ticketTags(deps.policy.tags.prefix).pickupOverdue] },
        internalNote: `Baton: nobody has answered this handed-off ticket within the ${waitMinutes} minutes promised to the customer. Priority raised to ${priority}.`,
      }),
      { known: ticket },
    );
    log.warn({ ticket: ticketId, priority }, 'handoff not picked up in time: priority raised');
    // Tell the team again, louder: the promise to the customer is already broken.
    const [last] = (await listAttempts(deps.store, job.tenantId, ticketId)).filter((a) => a.action === 'handoff').slice(-1);
    if (last) {
      const decision = { ...decisionOf(last), priority, reasons: [{ code: 'pickup_overdue', text: `not picked up within the ${waitMinutes} minutes promised` }, ...decisionOf(last).reasons] };
      const notice = handoffNotice({ id: `pickup:${ticketId}:${handedOffAt}`, tenantId: job.tenantId, ticketId, ticketUrl: helpdesk.ticketUrl(ticketId), subject: ticket.subject, decision, customer: { id: ticket.requesterId, name: '', tags: [] }, at: now(), fields: deps.policy.vip.fields });
      for (const n of notifyJobs(notice, deps.integrations.notifyTargets)) await deps.queue.enqueue(n);
    }
  };
}
