/**
 * Handlers registered per event type, in the manner of probot's `app.on(event, handler)`:
 * each receives a small context (ids, the typed event, a logger tagged with the delivery,
 * the tenant's helpdesk) and answers a note for the event's record.
 */
import type { Logger } from 'pino';
import type { HelpdeskEventMap, HelpdeskEventType } from '../events/types.js';
import type { HelpdeskPort } from '../helpdesk/port.js';

export interface EventContext<T extends HelpdeskEventType = HelpdeskEventType> {
  event: HelpdeskEventMap[T];
  tenantId: string;
  /** When intake received the webhook (ms). */
  receivedAt: number;
  /** Tagged with the delivery id and the ticket. */
  log: Logger;
  helpdesk: HelpdeskPort;
}

/** Returns the note recorded with the processed event (none: a plain "processed"). */
export type EventHandler<T extends HelpdeskEventType> = (ctx: EventContext<T>) => Promise<string | undefined>;

export class EventHandlers {
  private readonly handlers = new Map<HelpdeskEventType, EventHandler<never>>();

  on<T extends HelpdeskEventType>(type: T, handler: EventHandler<T>): this {
    if (this.handlers.has(type)) throw new Error(`a handler for ${type} is already registered`);
    this.handlers.set(type, handler as EventHandler<never>);
    return this;
  }

  /** Run the event's handler; an event type nobody handles is recorded as such, not failed. */
  async dispatch<T extends HelpdeskEventType>(ctx: EventContext<T>): Promise<string | undefined> {
    const handler = this.handlers.get(ctx.event.type) as EventHandler<T> | undefined;
    if (!handler) return `no handler for ${ctx.event.type}`;
    return handler(ctx);
  }
}
