/**
 * The job behind every accepted webhook: load the event, hand it to the handler registered
 * for its type (see handlers/), and record it processed with the handler's note.
 */
import type { Logger } from 'pino';
import type { Job } from '../jobs/queue.js';
import { PermanentJobError } from '../jobs/worker.js';
import { loadEvent, setEventStatus } from '../store/events.js';
import type { PipelineDeps } from './deps.js';
import { EventHandlers } from './event-handlers.js';
import { agentMessageHandler } from './handlers/agent-message.js';
import { customerMessageHandler } from './handlers/customer-message.js';
import { ticketChangedHandler } from './handlers/ticket-changed.js';
import { ticketSignalHandler } from './handlers/ticket-signal.js';

export type { PipelineDeps } from './deps.js';

/** The handlers of the live path, one per event type. */
export function pipelineHandlers(deps: PipelineDeps): EventHandlers {
  return new EventHandlers()
    .on('ticket.customer_message', customerMessageHandler(deps))
    .on('ticket.agent_message', agentMessageHandler(deps))
    .on('ticket.changed', ticketChangedHandler(deps))
    .on('ticket.signal', ticketSignalHandler(deps));
}

export function processEventHandler(deps: PipelineDeps, handlers = pipelineHandlers(deps)) {
  return async (job: Job, log: Logger): Promise<void> => {
    const { eventId, receivedAt } = job.payload as { eventId: string; receivedAt: number };
    const event = await loadEvent(deps.store, eventId);
    if (!event) throw new PermanentJobError(`event ${eventId} not found`);
    const tenantId = job.tenantId;
    const note = await handlers.dispatch({
      event,
      tenantId,
      receivedAt,
      log: log.child({ delivery: event.deliveryId, ticket: event.ticket.id }),
      helpdesk: deps.helpdeskFor(tenantId),
    });
    await setEventStatus(deps.store, eventId, 'processed', note);
  };
}
