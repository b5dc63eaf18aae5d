/**
 * A customer wrote: triage, let a playbook write the reply, write back once, and record the
 * attempt. Safe to run again after a crash at any point: the attempt is recorded before the
 * write, and the write checks the ticket's marker when a previous try may have got through.
 */
import type { Logger } from 'pino';
import type { CustomerMessageEvent } from '../../events/types.js';
import { writeBack } from '../../handoff/writeback.js';
import { languageOf } from '../../handoff/wait-messages.js';
import type { HelpdeskPort } from '../../helpdesk/port.js';
import { enrichCustomer } from '../../integrations/crm/index.js';
import { handoffNotice, notifyJobs } from '../../integrations/notify/index.js';
import { closingReply, runPlaybook } from '../../playbooks/index.js';
import { ticketEvents } from '../../store/events.js';
import { decisionOf, findAttemptByEvent, getTicketState, listAttempts, markAttempt, recordAttempt, requesterHistory, upsertTicketState, type TicketRow } from '../../store/tickets.js';
import { ticketTags, type TicketTags } from '../../ticket-tags.js';
import type { CustomerContext, Decision } from '../../triage/types.js';
import { promisedMinutes, routeFor, type PipelineDeps } from '../deps.js';
import type { EventContext } from '../event-handlers.js';
import { armPickupTimer, armSilenceTimer, cancelSilenceTimers } from '../timers.js';
import { buildTriageInput } from '../triage-input.js';
import { twinAlreadyTaken } from '../same-comment.js';

export function customerMessageHandler(deps: PipelineDeps) {
  return async ({ event, tenantId, receivedAt, helpdesk, log }: EventContext<'ticket.customer_message'>): Promise<string | undefined> => {
    const twin = await twinAlreadyTaken(deps.store, tenantId, event);
    if (twin) {
      log.info({ twin }, 'same comment already taken from another delivery');
      return 'duplicate: the same comment came through another webhook';
    }
    await cancelSilenceTimers(deps.queue, tenantId, event.ticket.id); // the customer answered
    const state = await getTicketState(deps.store, tenantId, event.ticket.id);
    if (state && state.state === 'handed_off') {
      log.info('ticket is with a human; AI stays silent');
      return 'handed off: a human owns this ticket';
    }
    await handleCustomerMessage(deps, tenantId, event, state, receivedAt, helpdesk.scoped(), log);
    return undefined;
  };
}

async function handleCustomerMessage(deps: PipelineDeps, tenantId: string, event: CustomerMessageEvent, state: TicketRow | undefined, receivedAt: number, helpdesk: HelpdeskPort, log: Logger) {
  const now = deps.now ?? Date.now;
  const tags = ticketTags(deps.policy.tags.prefix);
  let attempt = await findAttemptByEvent(deps.store, event.eventId);
  if (attempt?.write_status === 'written' || attempt?.write_status === 'skipped') return; // done before a crash
  const recovering = attempt !== undefined;
  const previous = await listAttempts(deps.store, tenantId, event.ticket.id);
  let decision: Decision;
  let customer: CustomerContext | undefined;
  if (attempt) {
    decision = decisionOf(attempt); // the same decision and words as the first try
  } else {
    const earlier = await ticketEvents(deps.store, tenantId, event.ticket.id, receivedAt);
    const aiReplies = previous.filter((a) => a.action === 'automate' && a.reply).map((a) => ({ body: a.reply!, at: a.created_at }));
    const input = buildTriageInput(tenantId, event, earlier, aiReplies, state, new Date(now()));
    input.customer = await deps.organizationsFor(tenantId).enrich(input.customer);
    input.customer = await enrichCustomer(input.customer, deps.integrations.crm, { fields: deps.policy.vip.fields });
    customer = input.customer;
    decision = await deps.triage.decide(input);
    if (decision.action === 'automate' && decision.resolution === 'confirmed') {
      // "Thanks, that fixed it": a short closing word, then the ticket is solved.
      const reply = closingReply(deps.replies, event.requester.name, languageOf(event.requester.locale, decision.language));
      if (reply) decision = { ...decision, reply };
    } else if (decision.action === 'automate' && !decision.resolution) {
      // (Plain thanks, resolution 'thanks', needs no words and no playbook.)
      const played = await runPlaybook({
        intent: decision.intent,
        customerName: event.requester.name,
        email: event.requester.email,
        requesterId: event.requester.id,
        subject: event.ticket.subject,
        message: event.message.body,
        locale: event.requester.locale,
        helpdesk,
        lookups: deps.integrations.lookups,
        replies: deps.replies,
        language: decision.language,
        answeredBefore: previous.filter((a) => a.action === 'automate' && a.mode === 'live').map((a) => a.intent),
      });
      if ('reply' in played) decision = { ...decision, reply: played.reply };
      else decision = playbookHandoff(decision, played.handoff, deps.policy.defaults.fallback_team, tags);
    }
    attempt = await recordAttempt(deps.store, { tenantId, ticketId: event.ticket.id, eventId: event.eventId, decision, customerMessage: event.message.body, now: now() });
  }
  const resolved = decision.action === 'automate' && decision.resolution === 'confirmed';
  const routing = decision.mode === 'live' && decision.action === 'handoff' ? await routeFor(deps, tenantId, decision, vip(decision), new Date(now())) : undefined;
  const history = decision.action === 'handoff' ? (await requesterHistory(deps.store, tenantId, event.requester.id, event.ticket.id)).map((h) => describeEarlier(h, now())) : undefined;
  const aiTried = previous.filter((a) => a.action === 'automate' && a.reply).map((a) => `${a.intent}: "${firstLine(a.reply!)}"`);
  const result = await writeBack({
    eventId: event.eventId,
    ticketId: event.ticket.id,
    decision,
    helpdesk,
    tags,
    routing,
    known: !recovering && event.ticket.updatedAt ? { tags: event.ticket.tags, updatedAt: event.ticket.updatedAt } : undefined,
    recovering,
    attemptStartedAt: attempt.created_at,
    customer: { name: event.requester.name, organization: event.organization?.name || undefined, locale: event.requester.locale },
    message: event.message.body,
    earlierAttempts: previous.filter((a) => a.action === 'automate').length,
    aiTried,
    history,
    automatedStatus: resolved ? 'solved' : deps.policy.handoff.automated_status,
  });
  await deps.afterWrite?.(event.eventId);
  const t = now();
  const live = decision.mode === 'live';
  const aiWrote = live && decision.action === 'automate' && Boolean(decision.reply);
  // Written, the ticket's new state and its timers in one transaction: a crash between them
  // cannot leave a written attempt (which a re-run skips) without its state and timers, and
  // PostgreSQL makes one commit durable instead of three or four.
  const enqueued = await deps.store.db.transaction().execute(async (trx) => {
    const store = { ...deps.store, db: trx };
    await markAttempt(store, attempt.id, result.outcome === 'skipped' ? 'skipped' : 'written', attempt.api_calls + helpdesk.calls + (event.readCalls ?? 0), t);
    await upsertTicketState(store, {
      tenant_id: tenantId,
      ticket_id: event.ticket.id,
      state: !live ? 'shadow' : decision.action === 'handoff' ? 'handed_off' : resolved ? 'resolved' : decision.action === 'automate' ? 'ai' : state?.state ?? 'ai',
      ai_message_count: (state?.ai_message_count ?? 0) + (aiWrote ? 1 : 0),
      last_ai_message_at: aiWrote ? t : state?.last_ai_message_at ?? null,
      last_customer_message_at: receivedAt, // when the customer wrote, before Baton answered
      handed_off_at: live && decision.action === 'handoff' ? t : state?.handed_off_at ?? null,
      team: routing?.team ?? decision.team,
      intent: decision.intent,
      requester_id: event.requester.id,
      subject: event.ticket.subject,
      updated_at: t,
    });
    // After a closing message there is nothing the customer owes an answer to.
    if (live && decision.action === 'automate' && !decision.resolution) await armSilenceTimer(deps.queue, deps.policy, tenantId, event.ticket.id, attempt.id, t, trx);
    if (!(live && decision.action === 'handoff' && routing)) return 0;
    await armPickupTimer(deps.queue, tenantId, event.ticket.id, t, promisedMinutes(routing, t), trx);
    // Tell the team; a notification that fails retries on its own and never blocks the handoff.
    const notice = handoffNotice({
      id: event.eventId,
      tenantId,
      ticketId: event.ticket.id,
      ticketUrl: helpdesk.ticketUrl(event.ticket.id),
      subject: event.ticket.subject,
      decision: { ...decision, team: routing.team },
      customer: customer ?? { id: event.requester.id, name: event.requester.name, tags: [], organization: event.organization ?? undefined },
      at: t,
      fields: deps.policy.vip.fields,
    });
    const jobs = notifyJobs(notice, deps.integrations.notifyTargets);
    for (const job of jobs) await deps.queue.enqueue(job, trx);
    return jobs.length;
  });
  if (enqueued > 0) deps.queue.notifyEnqueued(); // the notifications are due now
  deps.metrics.decisions.inc({ action: decision.action, intent: decision.intent, team: decision.team ?? 'none', mode: decision.mode });
  deps.metrics.endToEndSeconds.observe({ action: decision.action }, (t - receivedAt) / 1000);
  log.info({ action: decision.action, intent: decision.intent, team: decision.team, outcome: result.outcome, apiCalls: helpdesk.calls }, 'ticket written back');
  if (result.refused === 'assignment') log.warn({ agent: routing?.agent?.id }, 'the helpdesk refused the assignment: handed off to the group unassigned');
  if (result.refused === 'solve') log.warn('the helpdesk refused to solve the ticket (fields required to solve): left open with a note');
}

const vip = (d: Decision) => d.reasons.some((r) => r.code.startsWith('vip'));


const STATE_WORDS: Record<string, string> = { ai: 'answered by Baton', handed_off: 'handed off', returned: 'back with Baton', shadow: 'shadow', resolved: 'resolved' };

function describeEarlier(h: { ticketId: string; intent: string | null; state: string; updatedAt: number }, now: number): string {
  const days = Math.floor((now - h.updatedAt) / 86_400_000);
  return `#${h.ticketId} ${h.intent ?? 'unknown'}, ${STATE_WORDS[h.state] ?? h.state}, ${days === 0 ? 'today' : `${days}d ago`}`;
}

/** The first meaningful line of a reply (after the greeting), for the agent's note. */
function firstLine(reply: string): string {
  const line = reply.split('\n').map((l) => l.trim()).find((l) => l && !/^(hi|hello|hola|bonjour|hallo|olá)\b/i.test(l)) ?? '';
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

/** The playbook could not answer: the decision becomes a handoff, and says why instead of "confident". */
function playbookHandoff(d: Decision, reason: Decision['reasons'][number], fallbackTeam: string, tags: TicketTags): Decision {
  const dropped = new Set(['automatable_confident']);
  return {
    ...d,
    action: 'handoff',
    team: d.team ?? fallbackTeam,
    reasons: [reason, ...d.reasons.filter((r) => !dropped.has(r.code))],
    tags: d.tags.filter((t) => t !== tags.automate && ![...dropped].some((c) => t === tags.signal(c))),
  };
}
