/**
 * What the sidebar shows for one ticket, from the store (state, every attempt, the
 * requester's other tickets) and Zendesk (customer context). Tenant-scoped throughout:
 * a ticket id from another account is simply not found.
 */
import { returnEligibility } from '../handoff/return-to-automation.js';
import type { HelpdeskPort } from '../helpdesk/port.js';
import type { Store } from '../store/db.js';
import { getTicketState, listAttempts, type AttemptRow, type TicketRow } from '../store/tickets.js';
import { readCustomerContext } from './customer-context.js';
import { notFound } from './errors.js';
import type { EarlierConversation, SidebarAttempt, SidebarReason, SidebarTicketState, TicketView } from './types.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function viewState(state: string): SidebarTicketState {
  if (state === 'ai') return 'automated';
  if (state === 'handed_off' || state === 'returned' || state === 'shadow' || state === 'resolved') return state;
  return 'automated';
}


function parseReasons(json: string): SidebarReason[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((r): r is SidebarReason => typeof r?.code === 'string' && typeof r?.text === 'string') : [];
  } catch {
    return [];
  }
}

export function attemptView(a: AttemptRow): SidebarAttempt {
  const action = (['automate', 'handoff', 'ignore'].includes(a.action) ? a.action : 'ignore') as SidebarAttempt['action'];
  return {
    id: a.id,
    at: iso(a.created_at),
    action,
    mode: a.mode === 'shadow' ? 'shadow' : 'live',
    intent: a.intent,
    confidence: a.confidence,
    sentiment: { score: a.sentiment, label: a.sentiment_label },
    team: a.team,
    priority: a.priority,
    playbook: action === 'automate' && a.reply ? a.intent : null,
    customerMessage: a.customer_message.slice(0, 600),
    messageSent: a.mode === 'live' && action === 'automate' ? a.reply : null,
    reasons: parseReasons(a.reasons),
    writeStatus: a.write_status,
  };
}

async function earlierConversations(store: Store, tenantId: string, ticket: TicketRow): Promise<EarlierConversation[]> {
  if (!ticket.requester_id) return [];
  const others = await store.db
    .selectFrom('tickets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('requester_id', '=', ticket.requester_id)
    .where('ticket_id', '!=', ticket.ticket_id)
    .orderBy('updated_at', 'desc')
    .limit(10)
    .execute();
  if (others.length === 0) return [];
  const counts = await store.db
    .selectFrom('attempts')
    .select(['ticket_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where(
      'ticket_id',
      'in',
      others.map((o) => o.ticket_id),
    )
    .groupBy('ticket_id')
    .execute();
  const byTicket = new Map(counts.map((c) => [c.ticket_id, Number(c.n)]));
  return others.map((o) => ({
    ticketId: o.ticket_id,
    subject: o.subject,
    state: viewState(o.state),
    intent: o.intent,
    team: o.team,
    attempts: byTicket.get(o.ticket_id) ?? 0,
    lastAt: iso(o.updated_at),
  }));
}

export async function buildTicketView(deps: { store: Store; helpdesk: HelpdeskPort }, tenantId: string, ticketId: string): Promise<TicketView> {
  const ticket = await getTicketState(deps.store, tenantId, ticketId);
  if (!ticket) throw notFound(`Baton has no record of ticket ${ticketId}: it has not triaged a message on it.`);
  const [attempts, earlier, context] = await Promise.all([
    listAttempts(deps.store, tenantId, ticketId),
    earlierConversations(deps.store, tenantId, ticket),
    readCustomerContext(deps.helpdesk, ticketId),
  ]);
  const latest = attempts.at(-1);
  const timeline = attempts.map(attemptView);
  return {
    ticket: {
      id: ticket.ticket_id,
      state: viewState(ticket.state),
      subject: ticket.subject,
      intent: ticket.intent,
      team: ticket.team,
      aiMessageCount: ticket.ai_message_count,
      handedOffAt: ticket.handed_off_at === null ? null : iso(ticket.handed_off_at),
      updatedAt: iso(ticket.updated_at),
    },
    decision: latest
      ? {
          action: timeline.at(-1)!.action,
          mode: timeline.at(-1)!.mode,
          intent: latest.intent,
          confidence: latest.confidence,
          team: latest.team,
          priority: latest.priority,
          reasons: timeline.at(-1)!.reasons,
          summary: latest.summary,
          at: iso(latest.created_at),
        }
      : null,
    timeline,
    customer: context.customer,
    customerError: context.error,
    earlierConversations: earlier,
    canReturn: returnEligibility(viewState(ticket.state)),
  };
}
