/**
 * "Return to automation": the agent gives a handed-off ticket back to Baton. The state
 * moves first, atomically (handed_off → returned, so two clicks cannot both pass), then
 * one safe_update on Zendesk swaps the tags and adds an internal note saying who did it
 * and why. If Zendesk refuses, the state moves back and the agent sees why.
 */
import type { ZendeskGateway } from '../helpdesk/zendesk/gateway.js';
import { mergeTags } from '../handoff/markers.js';
import { RETURN_TO_AI_TAG } from '../intake/zendesk/trigger-payload.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/db.js';
import { getTicketState } from '../store/tickets.js';
import type { SidebarCaller } from './auth.js';
import { notFound, SidebarError } from './errors.js';
import { returnEligibility } from './ticket-view.js';

export const HANDOFF_TAG = 'baton_handoff';
export const RETURNED_TAG = 'baton_returned';

export function returnNote(caller: SidebarCaller, note: string | undefined, source = 'from the Baton sidebar'): string {
  const who = caller.agentName ? `${caller.agentName}${caller.agentId ? ` (agent ${caller.agentId})` : ''}` : caller.agentId ? `agent ${caller.agentId}` : 'an agent';
  const why = note?.trim() ? `Reason: ${note.trim()}` : 'No reason given.';
  return `Returned to automation by ${who} ${source}. ${why}\nBaton will triage the customer's next message again.`;
}

export async function returnToAutomation(
  deps: { store: Store; gateway: ZendeskGateway; log: Logger; now?: () => number },
  caller: SidebarCaller,
  ticketId: string,
  note: string | undefined,
  source?: string,
): Promise<{ state: 'returned'; tags: string[] }> {
  const now = deps.now ?? Date.now;
  const ticket = await getTicketState(deps.store, caller.tenantId, ticketId);
  if (!ticket) throw notFound(`Baton has no record of ticket ${ticketId}.`);
  const claimed = await deps.store.db
    .updateTable('tickets')
    .set({ state: 'returned', ai_message_count: 0, updated_at: now() })
    .where('tenant_id', '=', caller.tenantId)
    .where('ticket_id', '=', ticketId)
    .where('state', '=', 'handed_off')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) {
    const fresh = (await getTicketState(deps.store, caller.tenantId, ticketId)) ?? ticket;
    throw new SidebarError(409, 'NOT_HANDED_OFF', `Ticket ${ticketId} is not handed off. ${returnEligibility(fresh.state).reason ?? ''}`.trim());
  }
  try {
    const updated = await deps.gateway.updateTicketSafely(ticketId, (fresh) => ({
      // The macro tag is the other way to ask for this; once done, it must not fire again.
      tags: mergeTags(fresh.tags, [RETURNED_TAG], [HANDOFF_TAG, RETURN_TO_AI_TAG]),
      comment: { body: returnNote(caller, note, source), public: false },
    }));
    deps.log.info({ ticket: ticketId, tenant: caller.tenantId, agent: caller.agentId }, 'ticket returned to automation');
    return { state: 'returned', tags: updated.tags };
  } catch (err) {
    // Zendesk still says handed off: so must we, or the AI would answer a ticket a human owns.
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
