/**
 * Apply a Decision to the ticket: one change (tags, priority, group, status and one
 * comment), and a second when a handoff also tells the customer who will reply and when.
 * Each step carries its own marker tag, so a retry after a crash between them writes only
 * what is missing and never posts the same reply twice; the helpdesk adapter retries a
 * step that raced with someone else's change.
 */
import type { HelpdeskPort, HelpdeskTicket, TicketChange } from '../helpdesk/port.js';
import type { Decision } from '../triage/types.js';
import type { TicketTags } from '../ticket-tags.js';
import { handoffNote, shadowNote } from './messages.js';
import { refusalOf, solveRefusedNote, withoutRefused, type Refusal } from './refused-writes.js';
import { routingReasons, type Routing } from './route.js';
import { languageOf, waitMessageText } from './wait-messages.js';

export interface WriteBackInput {
  eventId: string;
  ticketId: string;
  decision: Decision;
  helpdesk: HelpdeskPort;
  /** Tag names under the policy's prefix. */
  tags: TicketTags;
  /** Where a live handoff goes and what the customer is promised. */
  routing?: Routing;
  /** Ticket as the webhook described it; saves a read. Absent when recovering. */
  known?: Pick<HelpdeskTicket, 'tags' | 'updatedAt'>;
  /** True when an earlier try may have written already: read the ticket and check markers. */
  recovering: boolean;
  /** When the attempt's first try began (ms): see `UpdateOptions.attemptStartedAt`. */
  attemptStartedAt?: number;
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

export async function writeBack(input: WriteBackInput): Promise<{ outcome: WriteOutcome; updates: number; refused?: Refusal['kind'] }> {
  const { decision: d, helpdesk, eventId } = input;
  if (d.action === 'ignore' && d.mode === 'live') return { outcome: 'skipped', updates: 0 };
  const updateMarker = input.tags.marker(eventId, 'update');
  const messageMarker = input.tags.marker(eventId, 'message');
  const needsMessage = d.mode === 'live' && d.action === 'handoff' && input.customerMessage !== false;

  let ticket: HelpdeskTicket | undefined;
  if (input.recovering) {
    ticket = await helpdesk.getTicket(input.ticketId);
    if (ticket.tags.includes(messageMarker) || (ticket.tags.includes(updateMarker) && !needsMessage)) return { outcome: 'already_written', updates: 0 };
  }
  let updates = 0;
  let refusal: Refusal | null = null;
  if (!ticket || !ticket.tags.includes(updateMarker)) {
    // After a refusal the first try may have got partly through: a helpdesk that posts text
    // before the properties (Freshdesk) already has the reply, which must not go out twice.
    const write = () =>
      helpdesk.updateTicket(
        input.ticketId,
        (fresh) => {
          const change = firstChange(input, fresh.tags, updateMarker);
          return refusal ? withoutRefused(change, refusal, input.tags) : change;
        },
        { known: ticket ?? input.known, done: (fresh) => fresh.tags.includes(updateMarker), recovering: input.recovering || refusal !== null, attemptStartedAt: input.attemptStartedAt },
      );
    try {
      ticket = await write();
    } catch (err) {
      // The account refused part of the write (an assignee, a solve): write the rest, say why.
      refusal = refusalOf(err, firstChange(input, ticket?.tags ?? input.known?.tags ?? [], updateMarker));
      if (!refusal) throw err;
      ticket = await write();
      if (refusal.kind === 'solve') {
        const note = solveRefusedNote(refusal);
        ticket = await helpdesk.updateTicket(input.ticketId, () => ({ internalNote: note }), { known: ticket });
        updates++;
      }
    }
    updates++;
  }
  if (needsMessage && input.routing) {
    const body = waitMessageText({
      lang: languageOf(input.customer.locale, d.language),
      team: input.routing.team,
      customerFirstName: firstName(input.customer.name),
      // Name the agent only when the ticket is really theirs (the helpdesk can refuse an assignment).
      agentFirstName: input.routing.agent && ticket?.assigneeId === input.routing.agent.id ? firstName(input.routing.agent.name) : undefined,
      estimate: input.routing.estimate,
    });
    await helpdesk.updateTicket(input.ticketId, (fresh) => ({ publicReply: body, tags: { add: [messageMarker], remove: fresh.tags.filter(input.tags.isMarker) } }), {
      known: ticket,
      done: (fresh) => fresh.tags.includes(messageMarker),
      recovering: input.recovering,
      attemptStartedAt: input.attemptStartedAt,
    });
    updates++;
  }
  return { outcome: 'written', updates, ...(refusal ? { refused: refusal.kind } : {}) };
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || undefined;

/** The decision's tags replace the previous decision's, so a ticket never says both automated and handed off. */
function tagChange(currentTags: string[], tags: TicketTags, add: string[], remove: string[] = []): NonNullable<TicketChange['tags']> {
  const adding = new Set(add);
  return { add, remove: [...currentTags.filter((t) => tags.isDecisionTag(t) && !adding.has(t)), ...remove] };
}

function firstChange(input: WriteBackInput, currentTags: string[], marker: string): TicketChange {
  const { decision: d, tags } = input;
  if (d.mode === 'shadow') {
    return { internalNote: shadowNote(d), tags: tagChange(currentTags, tags, [tags.shadow, tags.intent(d.intent), marker]) };
  }
  if (d.action === 'automate') {
    return {
      // A confirmed resolution may have no closing words (the admin removed them): solve silently.
      ...(d.reply ? { publicReply: d.reply } : {}),
      status: input.automatedStatus,
      tags: tagChange(currentTags, tags, [tags.automated, tags.intent(d.intent), ...d.tags, marker], [tags.handoff]),
    };
  }
  const r = input.routing;
  const note = handoffNote(d, { customerName: input.customer.name, organization: input.customer.organization, message: input.message, earlierAttempts: input.earlierAttempts, routing: r, aiTried: input.aiTried, history: input.history });
  return {
    internalNote: note,
    status: 'open',
    priority: d.priority,
    ...(r?.groupId === undefined ? {} : { groupId: r.groupId }),
    ...(r?.agent ? { assigneeId: r.agent.id } : {}),
    tags: tagChange(currentTags, tags, [tags.handoff, tags.intent(d.intent), ...[...d.reasons, ...routingReasons(r)].map((x) => tags.reason(x.code)), ...d.tags, marker], [tags.automated]),
  };
}
