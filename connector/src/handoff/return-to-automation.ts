/**
 * "Return to automation": an agent gives a handed-off ticket back to Baton, from the
 * sidebar button or with the return tag (a macro). The state moves first, atomically
 * (handed_off → returned, so two clicks cannot both pass), then one write on the helpdesk
 * swaps the tags and adds an internal note saying who did it and why. If the helpdesk
 * refuses, the state moves back and the caller learns why.
 */
import type { HelpdeskPort } from '../helpdesk/port.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/db.js';
import { getTicketState } from '../store/tickets.js';
import type { TicketTags } from '../ticket-tags.js';

/** Who gives the ticket back (for the note and the log). */
export interface ReturningAgent {
  tenantId: string;
  agentId: string | null;
  agentName: string | null;
}

/** Why a ticket cannot be returned, as a code the Zendesk app translates (sidebar-api/types.ts RETURN_BLOCK_CODES). */
export type ReturnBlockCode = 'already_returned' | 'shadow_mode' | 'resolved' | 'already_automated';

/** The ticket cannot be returned: unknown to Baton, or not handed off. Not a failure of the helpdesk. */
export class ReturnRefused extends Error {
  constructor(
    readonly reason: 'unknown_ticket' | 'not_handed_off',
    message: string,
    /** For 'not_handed_off': the state that stands in the way. */
    readonly code: ReturnBlockCode | null = null,
  ) {
    super(message);
    this.name = 'ReturnRefused';
  }
}

/**
 * Whether "Return to automation" applies to a ticket in this state, and why not when it does
 * not: a code (for the app to say in the agent's language) and the same in English.
 */
export function returnEligibility(state: string): { allowed: boolean; code: ReturnBlockCode | null; reason: string | null } {
  switch (state) {
    case 'handed_off':
      return { allowed: true, code: null, reason: null };
    case 'returned':
      return { allowed: false, code: 'already_returned', reason: 'Already returned to automation: Baton will triage the next customer message.' };
    case 'shadow':
      return { allowed: false, code: 'shadow_mode', reason: 'Baton is in shadow mode for this ticket: it only records decisions, so there is nothing to return.' };
    case 'resolved':
      return { allowed: false, code: 'resolved', reason: 'The ticket is resolved.' };
    default:
      return { allowed: false, code: 'already_automated', reason: 'Baton is already handling this ticket.' };
  }
}

export function returnNote(caller: ReturningAgent, note: string | undefined, source = 'from the Baton sidebar'): string {
  const who = caller.agentName ? `${caller.agentName}${caller.agentId ? ` (agent ${caller.agentId})` : ''}` : caller.agentId ? `agent ${caller.agentId}` : 'an agent';
  const why = note?.trim() ? `Reason: ${note.trim()}` : 'No reason given.';
  return `Returned to automation by ${who} ${source}. ${why}\nBaton will triage the customer's next message again.`;
}

export async function returnToAutomation(
  deps: { store: Store; helpdesk: HelpdeskPort; tags: TicketTags; log: Logger; now?: () => number },
  caller: ReturningAgent,
  ticketId: string,
  note: string | undefined,
  source?: string,
): Promise<{ state: 'returned'; tags: string[] }> {
  const now = deps.now ?? Date.now;
  const ticket = await getTicketState(deps.store, caller.tenantId, ticketId);
  if (!ticket) throw new ReturnRefused('unknown_ticket', `Baton has no record of ticket ${ticketId}.`);
  const claimed = await deps.store.db
    .updateTable('tickets')
    .set({ state: 'returned', ai_message_count: 0, updated_at: now() })
    .where('tenant_id', '=', caller.tenantId)
    .where('ticket_id', '=', ticketId)
    .where('state', '=', 'handed_off')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) {
    const fresh = (await getTicketState(deps.store, caller.tenantId, ticketId)) ?? ticket;
    const why = returnEligibility(fresh.state);
    throw new ReturnRefused('not_handed_off', `Ticket ${ticketId} is not handed off. ${why.reason ?? ''}`.trim(), why.code);
  }
  try {
    const updated = await deps.helpdesk.updateTicket(ticketId, () => ({
      // The macro tag is the other way to ask for this; once done, it must not fire again.
      tags: { add: [deps.tags.returned], remove: [deps.tags.handoff, deps.tags.returnToAi] },
      internalNote: returnNote(caller, note, source),
    }));
    deps.log.info({ ticket: ticketId, tenant: caller.tenantId, agent: caller.agentId }, 'ticket returned to automation');
    return { state: 'returned', tags: updated.tags };
  } catch (err) {
    // The helpdesk still says handed off: so must we, or the AI would answer a ticket a human owns.
    await deps.store.db
      .updateTable('tickets')
      .set({ state: 'handed_off', ai_message_count: ticket.ai_message_count, updated_at: now() })
      .where('tenant_id', '=', caller.tenantId)
      .where('ticket_id', '=', ticketId)
      .where('state', '=', 'returned')
      .execute();
    throw err;
  }
}
