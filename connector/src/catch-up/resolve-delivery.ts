/**
 * The job behind a delivery kept raw: read the ticket's comments through the API and accept
 * the customer messages Baton has not taken yet (the delivery was about the first of them),
 * each under the comment's own event id, deduped with every other way a comment can arrive.
 * Which comment is new is decided from the comments and the stored events, not by comparing
 * the delivery's arrival with comment times: the two clocks are not the same.
 */
import type { Logger } from 'pino';
import type { HelpdeskEvent, MessageSnapshot } from '../events/types.js';
import type { TicketReader } from '../helpdesk/ticket-reader.js';
import { acceptEvent } from '../jobs/accept-event.js';
import { loadRawDelivery, settleRawDelivery, type SalvagedFields } from '../intake/raw-deliveries.js';
import type { Job, JobQueue } from '../jobs/queue.js';
import { PermanentJobError } from '../jobs/worker.js';
import type { Store } from '../store/db.js';
import { customerMessageEvent, type TicketContext } from './customer-messages.js';
import { missingCustomerMessages } from './missing-messages.js';

export interface ResolveDeps {
  store: Store;
  queue: JobQueue;
  readerFor(tenantId: string): TicketReader;
  selfUserIds: () => ReadonlySet<string>;
}

export function resolveDeliveryHandler(deps: ResolveDeps) {
  return async (job: Job, log: Logger): Promise<void> => {
    const { rawId } = job.payload as { rawId: string };
    const row = await loadRawDelivery(deps.store, rawId);
    if (!row) throw new PermanentJobError(`raw delivery ${rawId} not found`);
    if (row.status !== 'pending' || !row.ticket_id) return; // settled before a crash
    const rlog = log.child({ delivery: row.delivery_id, ticket: row.ticket_id, cause: row.cause });
    const self = deps.selfUserIds();
    const reader = deps.readerFor(job.tenantId);
    const partial = row.partial ? (JSON.parse(row.partial) as HelpdeskEvent | SalvagedFields) : null;

    let ctx: TicketContext;
    let messages: MessageSnapshot[];
    let isNewTicket = false;
    if (partial && !('salvaged' in partial)) {
      // The body told us everything but the comment: one read.
      messages = await reader.messages(row.ticket_id, partial.requester.id);
      ctx = { provider: partial.provider, accountId: partial.accountId, ticket: partial.ticket, requester: partial.requester, organization: partial.organization };
      isNewTicket = partial.type === 'ticket.customer_message' && partial.isNewTicket;
    } else {
      if (partial?.actorId && self.has(partial.actorId)) return settle('own_update', null, 'own update');
      const conversation = await reader.conversation(row.ticket_id);
      messages = conversation.messages;
      ctx = { provider: reader.provider, accountId: partial?.accountId ?? job.tenantId.replace(/^[^:]*:/, ''), ...conversation };
    }
    const missing = await missingCustomerMessages(deps.store, { tenantId: job.tenantId, provider: ctx.provider, accountId: ctx.accountId, ticketId: row.ticket_id, sinceMs: 0 }, messages, self);
    if (missing.length === 0) return settle('duplicate', null, 'every customer message of the ticket was taken already');
    let first: string | null = null;
    for (const m of missing) {
      const event = customerMessageEvent(ctx, m, (isNewTicket && m === missing[0]) || messages[0]?.id === m.id, row.delivery_id);
      const outcome = await acceptEvent(deps.store, deps.queue, event, { now: row.received_at });
      if (outcome === 'accepted') first ??= event.eventId;
    }
    return settle(first ? 'resolved' : 'duplicate', first, 'comment read through the API');

    async function settle(status: string, eventId: string | null, why: string): Promise<void> {
      await settleRawDelivery(deps.store, rawId, status, eventId, row!.cause !== 'empty_comment_id');
      rlog.info({ status, event: eventId }, `kept delivery settled: ${why}`);
    }
  };
}
