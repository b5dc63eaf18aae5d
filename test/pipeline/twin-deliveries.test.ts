/**
 * An account that sends Baton both its trigger webhook and an event-subscription webhook
 * delivers each customer comment twice, under two keys: the trigger's body carries the
 * comment whole (keyed by its update), the subscription names the comment's id. The
 * customer must still get one answer. (Zendesk only: Freshdesk has no event subscriptions,
 * and its automation rules send a signal that is always read through the API.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicComments, startStack, type Stack } from '../helpers/stack.js';
import { zendeskHeaders } from '../helpers/webhooks.js';

const SUBSCRIPTION_SECRET = 'event-subscription-secret-0123456789';
const template = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/zendesk/zen-event-ticket-comment-added.json'), 'utf8'));

describe('one comment delivered by a trigger and by an event subscription', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { BATON_WEBHOOK_SECRETS: SUBSCRIPTION_SECRET } });
  });
  afterAll(async () => stack?.close());

  /** The event-subscription delivery Zendesk would send for this ticket's latest customer comment. */
  /** Signed as Zendesk signs this account's deliveries: the subscription's own secret, the account's id. */
  const postSubscription = (body: string) =>
    fetch(`${stack.url}/webhooks/zendesk`, { method: 'POST', headers: { ...zendeskHeaders(SUBSCRIPTION_SECRET, body), 'x-zendesk-account-id': String(stack.sandbox.accountId) }, body });

  function subscriptionBodyFor(ticketId: number): string {
    const comments = stack.sandbox.state.commentsFor(ticketId).filter((c) => c.authorId !== stack.sandbox.apiUser.id);
    const c = comments[comments.length - 1]!;
    const author = stack.sandbox.state.getUser(c.authorId)!;
    return JSON.stringify({
      ...template,
      account_id: stack.sandbox.accountId,
      detail: { ...template.detail, id: String(ticketId), requester_id: String(c.authorId), actor_id: String(c.authorId) },
      event: { comment: { author: { id: String(c.authorId), is_staff: false, name: author.name }, body: c.body, id: String(c.id), is_public: true } },
      subject: `zen:ticket:${ticketId}`,
      time: c.createdAt.toISOString(),
    });
  }

  it('answers once, whichever delivery is processed second', async () => {
    const id = stack.sandbox.inbound({ requester: { name: 'Noor Haddad', email: 'noor.twin@example.com' }, subject: 'Forgot password', body: 'I forgot my password and the login page will not let me in. Can you help me reset it?', channel: 'email' }).ticket.id;
    const body = subscriptionBodyFor(id);
    const res = await postSubscription(body);
    expect(res.status).toBe(202);
    await stack.settle();
    const fromBaton = publicComments(stack.sandbox, id).filter((c) => c.authorId === stack.sandbox.apiUser.id);
    expect(fromBaton).toHaveLength(1);
    // Both deliveries were kept (nothing dropped at intake); one of them answered.
    const events = await stack.db.store.db.selectFrom('webhook_events').select('id').where('ticket_id', '=', String(id)).where('type', '=', 'ticket.customer_message').execute();
    expect(events.length).toBe(2);
    const attempts = await stack.db.store.db.selectFrom('attempts').select('id').where('ticket_id', '=', String(id)).execute();
    expect(attempts).toHaveLength(1);
  });

  it('stays silent when the subscription arrives after the trigger\'s delivery was answered', async () => {
    const id = stack.sandbox.inbound({ requester: { name: 'Ilse Varga', email: 'ilse.twin@example.com' }, subject: 'Forgot password', body: 'I forgot my password and cannot sign in. Please help me reset it.', channel: 'email' }).ticket.id;
    await stack.settle();
    const late = subscriptionBodyFor(id);
    expect((await postSubscription(late)).status).toBe(202);
    await stack.settle();
    expect(publicComments(stack.sandbox, id).filter((c) => c.authorId === stack.sandbox.apiUser.id)).toHaveLength(1);
    const attempts = await stack.db.store.db.selectFrom('attempts').select('id').where('ticket_id', '=', String(id)).execute();
    expect(attempts).toHaveLength(1);
  });
});
