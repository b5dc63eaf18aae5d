/**
 * Freshdesk intake over real HTTP: an automation rule's webhook is authenticated by the
 * secret header (constant-time compare), refused with a clear 4xx when unauthenticated or
 * malformed, persisted before the 202, read through the API by the job, and deduplicated
 * per conversation, so a retry or a second rule has no second effect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshdeskSignalBody } from '../../connector/src/intake/freshdesk/signal.js';
import { SANDBOX_END_USERS } from '../../connector/src/sandbox/index.js';
import { publicComments, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ helpdesk: 'freshdesk' });
});
afterAll(async () => stack?.close());

const post = (body: string, headers: Record<string, string> = { 'X-Baton-Webhook-Secret': stack.secret }) =>
  fetch(`${stack.url}/webhooks/freshdesk`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
const signal = (ticketId: number, event: 'ticket.created' | 'ticket.customer_reply' = 'ticket.created') =>
  freshdeskSignalBody(event).replace('{{ticket.id}}', String(ticketId)).replace('{{ticket.url}}', `${stack.sandbox.url}/a/tickets/${ticketId}`).replace('{{triggered_event}}', '{ticket_action:created}');
const events = () => stack.db.store.db.selectFrom('webhook_events').select(['id', 'type', 'status', 'ticket_id']).execute();

describe('Freshdesk intake', () => {
  it('refuses a delivery without the secret header, or with a wrong one, with a coded 401', async () => {
    const none = await post(signal(1), {});
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('WEBHOOK_SIGNATURE_MISSING');
    const wrong = await post(signal(1), { 'X-Baton-Webhook-Secret': `${stack.secret}x` });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('refuses a malformed or foreign body with a coded 400', async () => {
    expect((await (await post('{not json')).json()).error.code).toBe('WEBHOOK_MALFORMED_JSON');
    const labels = await post(JSON.stringify({ schema: 'baton.freshdesk.v1', event: 'ticket.created', ticket_id: 'Pending' }));
    expect(labels.status).toBe(400);
    expect((await labels.json()).error.code).toBe('WEBHOOK_INVALID_PAYLOAD');
    const other = await post(signal(1).replace(stack.sandbox.url, 'https://other.freshdesk.com'));
    expect(other.status).toBe(400);
  });

  it('reads the ticket through the API and answers once, however many signals arrive', async () => {
    const t = stack.sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email, name: 'Sam Rivera' }, subject: 'Forgot password', body: 'I forgot my password, please help me reset it.' }).ticket;
    await stack.settle(); // the installed rule's signal
    for (let i = 0; i < 3; i++) expect((await post(signal(t.id))).status).toBe(202); // a retry and two stray rules
    await stack.settle();
    const mine = (await events()).filter((e) => e.ticket_id === String(t.id));
    expect(mine.filter((e) => e.type === 'ticket.signal')).toHaveLength(4);
    expect(mine.filter((e) => e.type === 'ticket.customer_message')).toHaveLength(1);
    expect(publicComments(stack.sandbox, t.id).filter((c) => c.authorId === stack.sandbox.apiUser.id)).toHaveLength(1);
  });

  it('never loses a valid signal: accepted while the helpdesk API fails, processed once it answers', async () => {
    const t = stack.sandbox.inbound({ requester: { email: SANDBOX_END_USERS.omar.email, name: 'Omar Haddad' }, subject: 'Order', body: 'Where is my order #5521? It has not arrived.' }).ticket;
    await stack.sandbox.idle();
    stack.sandbox.injectFault({ status: 503, count: 6, path: `/api/v2/tickets/${t.id}` });
    await stack.settle();
    const mine = (await events()).filter((e) => e.ticket_id === String(t.id));
    expect(mine.find((e) => e.type === 'ticket.signal')?.status).toBe('processed');
    expect(mine.find((e) => e.type === 'ticket.customer_message')?.status).toBe('processed');
    expect(stack.sandbox.state.getTicket(t.id)!.tags.some((x) => x.startsWith('baton_'))).toBe(true);
  });

  it("ignores a signal whose latest message is Baton's own", async () => {
    const t = stack.sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, subject: 'Help', body: 'How do I export my invoices?' }).ticket;
    await stack.settle();
    const before = (await events()).length;
    expect((await post(signal(t.id, 'ticket.customer_reply'))).status).toBe(202);
    await stack.settle();
    const after = await events();
    expect(after.length).toBe(before + 1); // the signal only: no message event from Baton's own reply
  });
});
