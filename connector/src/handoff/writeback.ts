/**
 * Apply a Decision to the ticket: one update (tags, priority, group, status and one
 * comment), or two when a handoff also tells the customer who will reply and when
 * (Zendesk takes one comment per update). Every update is safe_update'd and marked, so
 * a retry after a crash never posts the same reply twice.
 */
import type { ZendeskGateway } from '../helpdesk/zendesk/gateway.js';
import type { ZdTicket, ZdTicketUpdate } from '../helpdesk/zendesk/types.js';
import type { Decision } from '../triage/types.js';
import { markerTag, mergeTags, withoutDecisionTags, withoutMarkers } from './markers.js';
import { handoffNote, shadowNote } from './messages.js';
import { routingReasons, type Routing } from './route.js';
import { languageOf, waitMessageText } from './wait-messages.js';

export interface WriteBackInput {
  eventId: string;
  ticketId: string;
  decision: Decision;
  gateway: ZendeskGateway;
  /** Where a live handoff goes and what the customer is promised. */
  routing?: Routing;
  /** Ticket as the webhook described it; saves a read. Absent when recovering. */
  known?: Pick<ZdTicket, 'tags' | 'updated_at'>;
  /** True when an earlier try may have written already: read the ticket and check markers. */
  recovering: boolean;
  customer: { name: string; organization?: string; locale?: string };
  message: string;
  earlierAttempts: number;
  aiTried?: string[];
  history?: string[];
  automatedStatus: 'pending' | 'solved';
  /** Tell the customer who will reply and when (default true for live handoffs). */
  customerMessage?: boolean;
}

export type WriteOutcome = 'written' | 'skipped' | 'already_written';

export async function writeBack(input: WriteBackInput): Promise<{ outcome: WriteOutcome; updates: number }> {
  const { decision: d, gateway, eventId } = input;
  if (d.action === 'ignore' && d.mode === 'live') return { outcome: 'skipped', updates: 0 };
  const updateMarker = markerTag(eventId, 'update');
  const messageMarker = markerTag(eventId, 'message');
  const needsMessage = d.mode === 'live' && d.action === 'handoff' && input.customerMessage !== false;

  let ticket: ZdTicket | undefined;
  if (input.recovering) {
    ticket = await gateway.getTicket(input.ticketId);
    if (ticket.tags.includes(messageMarker) || (ticket.tags.includes(updateMarker) && !needsMessage)) return { outcome: 'already_written', updates: 0 };
  }
  let updates = 0;
  if (!ticket || !ticket.tags.includes(updateMarker)) {
    const build = (fresh: Pick<ZdTicket, 'tags'>): ZdTicketUpdate => firstUpdate(input, fresh.tags, updateMarker);
    ticket = await gateway.updateTicketSafely(input.ticketId, build, ticket ?? (input.known as ZdTicket | undefined), (fresh) => fresh.tags.includes(updateMarker));
    updates++;
  }
  if (needsMessage && input.routing) {
    const body = waitMessageText({
      lang: languageOf(input.customer.locale, d.language),
      team: input.routing.team,
      customerFirstName: firstName(input.customer.name),
      agentFirstName: input.routing.agent ? firstName(input.routing.agent.name) : undefined,
      estimate: input.routing.estimate,
    });
    await gateway.updateTicketSafely(
      input.ticketId,
      (fresh) => ({ comment: { body, public: true }, tags: mergeTags(withoutMarkers(fresh.tags), [messageMarker]) }),
      ticket,
      (fresh) => fresh.tags.includes(messageMarker),
    );
    updates++;
  }
  return { outcome: 'written', updates };
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || undefined;

function firstUpdate(input: WriteBackInput, currentTags: string[], marker: string): ZdTicketUpdate {
  const d = input.decision;
  const base = withoutDecisionTags(currentTags);
  if (d.mode === 'shadow') {
    return { comment: { body: shadowNote(d), public: false }, tags: mergeTags(base, ['baton_shadow', `baton_intent_${d.intent}`, marker]) };
  }
  if (d.action === 'automate') {
    return {
      // A confirmed resolution may have no closing words (the admin removed them): solve silently.
      ...(d.reply ? { comment: { body: d.reply, public: true } } : {}),
      status: input.automatedStatus,
      tags: mergeTags(base, ['baton_automated', `baton_intent_${d.intent}`, ...d.tags, marker], ['baton_handoff']),
    };
  }
  const r = input.routing;
  const note = handoffNote(d, { customerName: input.customer.name, organization: input.customer.organization, message: input.message, earlierAttempts: input.earlierAttempts, routing: r, aiTried: input.aiTried, history: input.history });
  return {
    comment: { body: note, public: false },
    status: 'open',
    priority: d.priority,
    ...(r?.groupId === undefined ? {} : { group_id: r.groupId }),
    ...(r?.agent ? { assignee_id: r.agent.id } : {}),
    tags: mergeTags(base, ['baton_handoff', `baton_intent_${d.intent}`, ...[...d.reasons, ...routingReasons(r)].map((x) => `baton_reason_${x.code}`), ...d.tags, marker], ['baton_automated']),
  };
}
