/**
 * One message through the whole product over real HTTP: a customer writes to the sandbox
 * helpdesk, its trigger (Zendesk) or automation rule (Freshdesk) calls the webhook, the
 * connector triages and writes back. The same tests run against both helpdesks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_AGENTS } from '../../connector/src/sandbox/index.js';
import { HELPDESKS, internalNotes, publicComments, startStack, type Stack } from '../helpers/stack.js';

/**
 * Writes an automated answer costs on each helpdesk. Zendesk: one update (the trigger body
 * carried tags and the update stamp). Freshdesk: the reply and the properties are two calls.
 */
const AUTOMATED_WRITES = {
  zendesk: { 'PUT /api/v2/tickets/{id}': 1 },
  freshdesk: { 'POST /api/v2/tickets/{id}/reply': 1, 'PUT /api/v2/tickets/{id}': 1 },
};
/** Webhook calls for a ticket handed off and then chased: Freshdesk's reply rule holds back on a handed-off ticket. */
const CALLS_AFTER_HANDOFF = { zendesk: 2, freshdesk: 1 };

describe.each(HELPDESKS)('overnight flow against the sandbox (%s)', (helpdesk) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ helpdesk });
  });
  afterAll(async () => stack?.close());

  const write = (body: string, subject: string, requester: { name: string; email: string; organization?: string } = { name: 'Dana Whitfield', email: `dana.${Math.random().toString(36).slice(2)}@example.com` }) =>
    stack.sandbox.inbound({ requester, subject, body, channel: 'email' }).ticket.id;

  /** The ticket's writes (reads, such as its comments, are not updates). */
  const writes = (id: number) => Object.fromEntries(Object.entries(stack.sandbox.stats().byTicket[String(id)] ?? {}).filter(([route]) => !route.startsWith('GET ')));

  it('answers a routine password reset itself in one ticket update', async () => {
    const id = write('Hi, I forgot my password and the login page will not let me in. Can you help me reset it?', 'Forgot password');
    await stack.settle();
    const ticket = stack.sandbox.state.getTicket(id)!;
    const replies = publicComments(stack.sandbox, id).filter((c) => c.authorId === stack.sandbox.apiUser.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatch(/Forgot password/);
    expect(ticket.status).toBe('pending');
    expect(ticket.tags).toEqual(expect.arrayContaining(['baton_automated', 'baton_intent_password_reset']));
    expect(writes(id)).toEqual(AUTOMATED_WRITES[helpdesk]);
  });

  it('hands a furious refund demand to finance with a note for the agent and an honest wait for the customer', async () => {
    const id = write('I was charged TWICE for my subscription this month. This is terrible. I want a refund today or I will file a chargeback.', 'Double charge - refund now');
    await stack.settle();
    const ticket = stack.sandbox.state.getTicket(id)!;
    expect(stack.sandbox.state.getGroup(ticket.groupId!)?.name).toBe('Finance');
    expect(['high', 'urgent']).toContain(ticket.priority);
    expect(ticket.tags).toEqual(expect.arrayContaining(['baton_handoff', 'baton_intent_refund_request']));
    expect(ticket.tags.some((t) => t.startsWith('baton_reason_'))).toBe(true);
    const [note] = internalNotes(stack.sandbox, id);
    expect(note!.body).toMatch(/Why escalated:.*refund/i);
    expect(note!.body).toMatch(/Customer said: "I was charged TWICE/);
    const toCustomer = publicComments(stack.sandbox, id).filter((c) => c.authorId === stack.sandbox.apiUser.id);
    expect(toCustomer).toHaveLength(1);
    // Assigned to a finance agent with the refunds skill, named in the promise.
    const agent = stack.sandbox.state.getUser(ticket.assigneeId!)!;
    expect(stack.sandbox.state.groupIdsOf(agent.id)).toContain(ticket.groupId);
    expect(agent.tags).toContain('skill_refunds');
    expect(toCustomer[0]!.body).toMatch(new RegExp(`^Hi Dana,\\n\\n.*${agent.name.split(' ')[0]} from our billing team will reply within \\d+ minutes\\.$`, 's'));
    expect(writes(id)['PUT /api/v2/tickets/{id}']).toBe(2);
  });

  it('sends a VIP account straight to senior support', async () => {
    const id = write('Hello, where can I find the invoice for last month?', 'Invoice', { name: 'Hank Scorpio', email: 'hank@globex.example', organization: 'Globex Corporation' });
    await stack.settle();
    const ticket = stack.sandbox.state.getTicket(id)!;
    expect(stack.sandbox.state.getGroup(ticket.groupId!)?.name).toBe('Senior Support');
    expect(internalNotes(stack.sandbox, id)[0]!.body).toMatch(/VIP/);
  });

  it("keeps the AI silent once a human owns the ticket, and its own updates never loop back", async () => {
    const id = write('I want to cancel my subscription, please close my account.', 'Cancel');
    await stack.settle();
    const before = stack.sandbox.state.commentsFor(id).length;
    stack.sandbox.customerReply(id, 'Any news? I also need the final invoice.');
    await stack.settle();
    const after = stack.sandbox.state.commentsFor(id);
    expect(after.length).toBe(before + 1); // only the customer's reply
    const attempts = await stack.db.store.db.selectFrom('attempts').select('event_id').where('ticket_id', '=', String(id)).execute();
    expect(attempts).toHaveLength(1);
    // Deliveries for this ticket: the creation (and the customer's reply), none for Baton's writes.
    expect(stack.sandbox.deliveries().filter((d) => d.ticketId === id)).toHaveLength(CALLS_AFTER_HANDOFF[helpdesk]);
  });

  it('hands off a password reset that still fails after the steps, with what was tried and the earlier tickets in the note', async () => {
    const requester = { name: 'Noor Haddad', email: 'noor.haddad@example.com' };
    const earlier = write('Where is my order NW-300111? It has not arrived yet.', 'Order', requester);
    await stack.settle();
    const id = write('I forgot my password and cannot sign in. Please help me reset it.', 'Password', requester);
    await stack.settle();
    stack.sandbox.customerReply(id, 'Hello again, I still need to reset my password. Please help me reset it.');
    await stack.settle();
    const ticket = stack.sandbox.state.getTicket(id)!;
    expect(ticket.tags).toContain('baton_handoff');
    expect(ticket.tags).toContain('baton_reason_already_answered');
    expect(ticket.tags).not.toContain('baton_automated'); // the last decision's tags only
    const note = internalNotes(stack.sandbox, id).at(-1)!.body;
    expect(note).toMatch(/AI tried: password_reset: "You can reset your password yourself/);
    expect(note).toMatch(new RegExp(`Earlier tickets: #${earlier} order_status, answered by Baton, today`));
  });

  // On Freshdesk the return rule sees the tag with the note the agent writes (no "tag added" event there).
  it("gives a handed-off ticket back to automation when an agent's macro adds the return tag", async () => {
    const id = write('I want a refund for the scanner, it broke after two days.', 'Refund');
    await stack.settle();
    expect(stack.sandbox.state.getTicket(id)!.tags).toContain('baton_handoff');
    const agent = SANDBOX_AGENTS.marcus.id;
    stack.sandbox.agentUpdate(id, agent, { tags: [...stack.sandbox.state.getTicket(id)!.tags, 'baton_return_to_ai'], comment: { body: 'Refund issued; Baton can take the rest.', public: false } });
    await stack.settle();
    const ticket = stack.sandbox.state.getTicket(id)!;
    expect(ticket.tags).toContain('baton_returned');
    expect(ticket.tags).not.toContain('baton_handoff');
    expect(ticket.tags).not.toContain('baton_return_to_ai');
    expect(internalNotes(stack.sandbox, id).at(-1)!.body).toMatch(new RegExp(`Returned to automation by agent ${agent} with the baton_return_to_ai tag`));
    // The AI answers the customer's next message again.
    stack.sandbox.customerReply(id, 'Thanks! Also, where can I download the invoice for that order?');
    await stack.settle();
    const rows = await stack.db.store.db.selectFrom('attempts').select(['action']).where('ticket_id', '=', String(id)).orderBy('id').execute();
    expect(rows.length).toBe(2);
  });

  it('triages a follow-up on an automated ticket again, with the conversation as context', async () => {
    const id = write('where is my order NW-100234? it was supposed to arrive monday', 'Order status');
    await stack.settle();
    stack.sandbox.customerReply(id, "I've tried that already, the tracking link is broken and this isn't working. I want to talk to a person.");
    await stack.settle();
    const rows = await stack.db.store.db.selectFrom('attempts').select(['action', 'intent']).where('ticket_id', '=', String(id)).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['automate', 'handoff']);
    expect(stack.sandbox.state.getTicket(id)!.tags).toContain('baton_handoff');
  });
});
