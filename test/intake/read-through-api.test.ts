/**
 * Deliveries that name no comment, or whose body does not parse, end in exactly one
 * write-back: the comment is read through the API and accepted under its own id.
 * - item 2: with placeholders rendered unescaped (Zendesk does not document either way), a
 *   customer's quote and line break make the body invalid JSON; the signed delivery is kept,
 *   the ticket id recovered, and the message answered;
 * - item 3: two comments on one ticket, neither delivery naming its comment, are two events
 *   (each keyed by its update, since the body carries the comment's text and author);
 * - item 12: Baton's own update, delivered by a hand-written trigger rendered as Zendesk
 *   renders it (`{{ticket.via}}` is the creation channel, "Mail"), is recognised by who made it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { triggerBody } from '../../connector/src/intake/zendesk/trigger-payload.js';
import { callApi } from '../sandbox/helpers.js';
import { publicComments, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const botReplies = (s: Stack, id: number) => publicComments(s.sandbox, id).filter((c) => c.authorId === s.sandbox.apiUser.id);
const eventsOf = (s: Stack, id: number) => s.db.store.db.selectFrom('webhook_events').select(['id', 'status', 'note']).where('ticket_id', '=', String(id)).execute();

describe('deliveries resolved through the API', () => {
  it('answers once a message whose body Zendesk rendered without JSON escaping', async () => {
    stack = await startStack({ sandbox: { placeholderEscaping: 'none' } });
    const s = stack;
    const id = s.sandbox.inbound({ requester: { name: 'Dana "DJ" Jones', email: 'dana@example.com' }, subject: 'Reset "my"\npassword', body: 'I forgot my password, please help me reset it', channel: 'web' }).ticket.id;
    await s.settle();
    const delivery = s.sandbox.deliveries().find((d) => d.ticketId === id)!;
    expect(() => JSON.parse(delivery.body)).toThrow(); // the body really is broken
    expect(delivery.attempts.at(-1)!.status).toBe(202);
    const [kept] = await s.db.store.db.selectFrom('raw_deliveries').selectAll().where('ticket_id', '=', String(id)).execute();
    const comment = s.sandbox.state.commentsFor(id)[0]!;
    expect(kept).toMatchObject({ cause: 'malformed_json', status: 'resolved', event_id: `zendesk:${s.sandbox.subdomain}:${id}:c${comment.id}` });
    expect(await eventsOf(s, id)).toEqual([{ id: kept!.event_id, status: 'processed', note: null }]);
    expect(botReplies(s, id)).toHaveLength(1);
  });

  it('treats two comments on one ticket as two messages although no delivery names its comment', async () => {
    stack = await startStack();
    const s = stack;
    const id = s.sandbox.inbound({ requester: { name: 'Lee Park', email: 'lee@example.com' }, subject: 'order', body: 'Where is my order NW-100200? Tracking has not moved.', channel: 'email' }).ticket.id;
    await s.settle();
    s.sandbox.customerReply(id, 'Still nothing on NW-100200, and I need it by Friday. Where is my order?');
    await s.settle();
    const comments = s.sandbox.state.commentsFor(id).filter((c) => c.authorId !== s.sandbox.apiUser.id);
    expect(comments).toHaveLength(2);
    const events = await eventsOf(s, id);
    // Keyed by the update that added each comment (the body carries the comment, not its id).
    expect(events).toHaveLength(2);
    expect(events.every((e) => /:m\d+-[\w-]{16}$/.test(e.id) && e.status === 'processed')).toBe(true);
    const attempts = await s.db.store.db.selectFrom('attempts').select('event_id').where('ticket_id', '=', String(id)).execute();
    expect(attempts.filter((a) => !a.event_id.startsWith('timer:'))).toHaveLength(2);
  });

  it("ignores Baton's own update delivered by a hand-written trigger, whatever channel created the ticket", async () => {
    stack = await startStack();
    const s = stack;
    // An admin's trigger with neither the `current_via_id is_not 5` nor the role condition.
    const hook = s.sandbox.createWebhook({ endpoint: `${s.url}/webhooks/zendesk`, secret: s.secret, name: 'hand-written' });
    s.sandbox.createTrigger({ title: 'every update', conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Change' }] }, actions: [{ field: 'notification_webhook', value: [hook.id, triggerBody('ticket.comment_added')] }] });
    const id = s.sandbox.inbound({ requester: { name: 'Ravi Shah', email: 'ravi@example.com' }, subject: 'invoice', body: 'How do I download last month’s invoice?', channel: 'email' }).ticket.id;
    await s.settle();
    const before = s.sandbox.deliveries().length;
    // Baton's API user changes only a tag: no comment, so the latest comment is still the customer's.
    const res = await callApi(s.sandbox, 'PUT', `/api/v2/tickets/${id}`, { ticket: { tags: ['vip_checked'] } });
    expect(res.status).toBe(200);
    await s.settle();
    const tagChange = s.sandbox.deliveries().slice(before).filter((d) => d.ticketId === id);
    expect(tagChange).toHaveLength(1);
    expect(JSON.parse(tagChange[0]!.body)).toMatchObject({ ticket: { via: 'Mail' }, current_user: { id: String(s.sandbox.apiUser.id) } });
    // Every delivery of that trigger was an update by Baton (its answer, then the tag).
    const handWritten = s.sandbox.deliveries().filter((d) => d.webhookId === hook.id && d.ticketId === id);
    expect(handWritten.length).toBeGreaterThanOrEqual(2);
    const events = await eventsOf(s, id);
    const ignored = events.filter((e) => e.status === 'ignored');
    expect(ignored).toHaveLength(handWritten.length);
    expect(ignored.every((e) => e.note === 'own update')).toBe(true);
    expect(events.filter((e) => e.status !== 'ignored')).toHaveLength(1); // the customer's message, once
    const attempts = await s.db.store.db.selectFrom('attempts').select('event_id').where('ticket_id', '=', String(id)).execute();
    expect(attempts.filter((a) => !a.event_id.startsWith('timer:'))).toHaveLength(1);
  });
});
