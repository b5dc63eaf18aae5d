/**
 * The customer closes the loop after an automated answer, against the sandbox helpdesk:
 * "that worked" solves the ticket with a closing word; plain thanks puts it back to pending; doubt
 * still goes to a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SILENCE_TIMER } from '../../connector/src/pipeline/timers.js';
import { getTicketState } from '../../connector/src/store/tickets.js';
import { HELPDESKS, internalNotes, publicComments, startStack, type Stack } from '../helpers/stack.js';

describe.each(HELPDESKS)('closing the loop after an automated answer (%s)', (helpdesk) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ helpdesk });
  });
  afterAll(async () => stack?.close());

  const fromBaton = (id: number) => publicComments(stack.sandbox, id).filter((c) => c.authorId === stack.sandbox.apiUser.id);

  /** A ticket Baton answered on its own (order status is automatable on the shipped policy). */
  async function answeredTicket(who: string): Promise<number> {
    const id = stack.sandbox.inbound({ requester: { name: `Kim ${who}`, email: `kim.${who}@example.com` }, subject: 'order', body: 'Where is my order NW-441200?', channel: 'web' }).ticket.id;
    await stack.settle();
    expect(fromBaton(id)).toHaveLength(1);
    expect(stack.sandbox.state.getTicket(id)!.status).toBe('pending');
    return id;
  }

  it('"thanks, that worked" gets a closing word and the ticket is solved', async () => {
    const id = await answeredTicket('a');
    stack.sandbox.customerReply(id, 'Thanks, that worked!');
    await stack.settle();
    const ticket = stack.sandbox.state.getTicket(id)!;
    expect(ticket.status).toBe('solved');
    expect(ticket.tags).toEqual(expect.arrayContaining(['baton_automated', 'baton_resolution_confirmed']));
    expect(ticket.tags).not.toContain('baton_handoff');
    const replies = fromBaton(id);
    expect(replies).toHaveLength(2);
    expect(replies[1]!.body).toMatch(/^Glad that sorted it, Kim!/);
    expect((await getTicketState(stack.db.store, stack.tenantId, String(id)))?.state).toBe('resolved');
    // Solved: no "customer went silent" handoff is waiting.
    const timers = await stack.db.store.db.selectFrom('jobs').select('status').where('kind', '=', SILENCE_TIMER).where('group_key', '=', `t:${stack.tenantId}:${id}`).execute();
    expect(timers.map((t) => t.status)).not.toContain('queued');
  });

  it('plain thanks gets no reply and no handoff: the ticket it reopened goes back to pending', async () => {
    const id = await answeredTicket('b');
    stack.sandbox.customerReply(id, 'ok thank you!');
    expect(stack.sandbox.state.getTicket(id)!.status).toBe('open'); // as in Zendesk: a requester's reply reopens
    await stack.settle();
    const ticket = stack.sandbox.state.getTicket(id)!;
    expect(ticket.status).toBe('pending');
    expect(ticket.tags).toContain('baton_customer_thanks');
    expect(ticket.tags).not.toContain('baton_handoff');
    expect(fromBaton(id)).toHaveLength(1);
    expect(internalNotes(stack.sandbox, id)).toHaveLength(0);
  });

  it('"thanks, but it still says processing" goes to a person', async () => {
    const id = await answeredTicket('c');
    stack.sandbox.customerReply(id, "thanks, but it still says processing and it's been a week");
    await stack.settle();
    const ticket = stack.sandbox.state.getTicket(id)!;
    expect(ticket.tags).toContain('baton_handoff');
    expect(ticket.status).toBe('open');
  });
});
