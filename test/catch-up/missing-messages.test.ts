/**
 * Which customer comments Baton has not taken, when some messages were accepted from a
 * delivery's body (no comment id, the update's time as the trigger rendered it): each such
 * message accounts for one comment, by author and words, nearest in time. Zendesk's own
 * example of `{{ticket.updated_at_with_timestamp}}` has minutes only ("2013-12-12T05:35Z"), so
 * the rendered time may come before the comment's own.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missingCustomerMessages } from '../../connector/src/catch-up/missing-messages.js';
import { bodyMessageEventId } from '../../connector/src/events/body-message.js';
import type { CustomerMessageEvent, MessageSnapshot } from '../../connector/src/events/types.js';
import { acceptEvent } from '../../connector/src/jobs/accept-event.js';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';

let ts: TestStore;
let queue: JobQueue;
beforeEach(async () => {
  ts = await sqliteTestStore();
  queue = new JobQueue(ts.store, { workerId: 'test' });
});
afterEach(async () => ts.cleanup());

const CUSTOMER = '501';
const comment = (id: string, body: string, createdAt: string): MessageSnapshot => ({ id, authorId: CUSTOMER, authorRole: 'end-user', body, public: true, createdAt });

async function acceptFromBody(body: string, renderedAt: string) {
  const event: CustomerMessageEvent = {
    type: 'ticket.customer_message',
    provider: 'zendesk',
    accountId: 'acme',
    eventId: bodyMessageEventId('zendesk', 'acme', '7', renderedAt, CUSTOMER, body)!,
    deliveryId: `d-${renderedAt}`,
    occurredAt: renderedAt,
    ticket: { id: '7', subject: 'login', status: 'open', priority: null, tags: [], groupId: null, assigneeId: null, requesterId: CUSTOMER, organizationId: null, channel: 'web' },
    requester: { id: CUSTOMER, name: 'Ana', tags: [] },
    organization: null,
    actor: { id: CUSTOMER, via: 'web' },
    message: { id: '', authorId: CUSTOMER, authorRole: 'end-user', body, public: true, createdAt: renderedAt },
    isNewTicket: false,
  };
  expect(await acceptEvent(ts.store, queue, event)).toBe('accepted');
}

const missing = (messages: MessageSnapshot[]) =>
  missingCustomerMessages(ts.store, { tenantId: 'zendesk:acme', provider: 'zendesk', accountId: 'acme', ticketId: '7', sinceMs: 0 }, messages, new Set());

describe('missing customer messages beside messages accepted from a body', () => {
  it('counts the comment a body carried as taken, although its rendered time is the minute before', async () => {
    await acceptFromBody('I still cannot log in.\n\nAna', '2026-11-24T22:14Z');
    const taken = comment('91', 'I still cannot log in.  Ana', '2026-11-24T22:14:41Z'); // spacing differs, words do not
    expect(await missing([taken])).toEqual([]);
  });

  it('takes the same words written again later, and a different message in the same minute', async () => {
    await acceptFromBody('Any news?', '2026-11-24T22:14Z');
    const first = comment('91', 'Any news?', '2026-11-24T22:14:05Z');
    const other = comment('92', 'Also my invoice is wrong.', '2026-11-24T22:14:30Z');
    const again = comment('93', 'Any news?', '2026-11-24T23:40:00Z');
    expect((await missing([first, other, again])).map((m) => m.id)).toEqual(['92', '93']);
  });

  it('lets one body account for one comment only', async () => {
    await acceptFromBody('Hello?', '2026-11-24T22:14Z');
    const twice = [comment('91', 'Hello?', '2026-11-24T22:14:10Z'), comment('92', 'Hello?', '2026-11-24T22:14:50Z')];
    expect((await missing(twice)).map((m) => m.id)).toEqual(['92']);
  });
});
