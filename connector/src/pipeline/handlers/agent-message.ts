/** An agent wrote: an agent engaging on a ticket keeps the AI silent on it, and the handoff was picked up. */
import { getTicketState, upsertTicketState } from '../../store/tickets.js';
import type { PipelineDeps } from '../deps.js';
import type { EventContext } from '../event-handlers.js';
import { cancelPickupTimers } from '../timers.js';

export function agentMessageHandler(deps: PipelineDeps) {
  const now = deps.now ?? Date.now;
  return async ({ event, tenantId }: EventContext<'ticket.agent_message'>): Promise<string> => {
    const state = await getTicketState(deps.store, tenantId, event.ticket.id);
    if (event.message.public && state) {
      await upsertTicketState(deps.store, { ...state, state: state.state === 'returned' ? 'returned' : 'handed_off', updated_at: now() });
      await cancelPickupTimers(deps.queue, tenantId, event.ticket.id);
    }
    return 'agent message';
  };
}
