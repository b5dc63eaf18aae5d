/** The per-type handler registry: each event reaches the handler of its own type, and only it. */
import { describe, expect, it } from 'vitest';
import type { HelpdeskEvent } from '../../connector/src/events/types.js';
import type { HelpdeskPort } from '../../connector/src/helpdesk/port.js';
import { silentLogger } from '../../connector/src/logger.js';
import { EventHandlers, type EventContext } from '../../connector/src/pipeline/event-handlers.js';

const base = {
  provider: 'zendesk' as const,
  accountId: 'acme',
  eventId: 'e1',
  deliveryId: 'd1',
  occurredAt: '2026-01-01T00:00:00Z',
  ticket: { id: '7', subject: 's', status: 'open', priority: null, tags: [], groupId: null, assigneeId: null, requesterId: '1', organizationId: null, channel: 'email' },
  requester: { id: '1', name: 'Dana', tags: [] },
  organization: null,
  actor: { id: '1', via: 'email' },
};
const changed: HelpdeskEvent = { ...base, type: 'ticket.changed', changes: { tagsAdded: ['x'], tagsRemoved: [] } };
const agent: HelpdeskEvent = { ...base, type: 'ticket.agent_message', message: { id: 'c1', authorId: '2', authorRole: 'agent', body: 'hi', public: true } };
const ctx = (event: HelpdeskEvent): EventContext => ({ event, tenantId: 'zendesk:acme', receivedAt: 0, log: silentLogger, helpdesk: {} as HelpdeskPort });

describe('event handlers', () => {
  it('sends each event to the handler of its type, typed, and records its note', async () => {
    const seen: string[] = [];
    const handlers = new EventHandlers()
      .on('ticket.changed', async ({ event }) => {
        seen.push(`changed:${event.changes.tagsAdded.join(',')}`);
        return 'ticket change';
      })
      .on('ticket.agent_message', async ({ event }) => {
        seen.push(`agent:${event.message.body}`);
        return undefined;
      });
    expect(await handlers.dispatch(ctx(changed))).toBe('ticket change');
    expect(await handlers.dispatch(ctx(agent))).toBeUndefined();
    expect(seen).toEqual(['changed:x', 'agent:hi']);
  });

  it('records an event type with no handler instead of failing, and refuses a second handler for one type', async () => {
    const handlers = new EventHandlers().on('ticket.agent_message', async () => 'agent');
    expect(await handlers.dispatch(ctx(changed))).toBe('no handler for ticket.changed');
    expect(() => handlers.on('ticket.agent_message', async () => 'again')).toThrow(/already registered/);
  });
});
