/** Something else changed on the ticket: the return tag gives it back to automation, like the sidebar button. */
import { ReturnRefused, returnToAutomation } from '../../handoff/return-to-automation.js';
import { ticketTags } from '../../ticket-tags.js';
import type { PipelineDeps } from '../deps.js';
import type { EventContext } from '../event-handlers.js';
import { cancelPickupTimers } from '../timers.js';

export function ticketChangedHandler(deps: PipelineDeps) {
  const now = deps.now ?? Date.now;
  return async ({ event, tenantId, helpdesk, log }: EventContext<'ticket.changed'>): Promise<string> => {
    const tags = ticketTags(deps.policy.tags.prefix);
    if (event.changes.tagsAdded.includes(tags.returnToAi)) {
      // An agent's macro (or a hand-added tag) gives the ticket back.
      const caller = { tenantId, agentId: event.actor.id, agentName: null };
      try {
        await returnToAutomation({ store: deps.store, helpdesk, tags, log, now }, caller, event.ticket.id, undefined, `with the ${tags.returnToAi} tag`);
        await cancelPickupTimers(deps.queue, tenantId, event.ticket.id);
      } catch (err) {
        if (!(err instanceof ReturnRefused)) throw err;
        log.info({ reason: err.message }, 'return-to-automation tag ignored');
      }
    }
    return 'ticket change';
  };
}
