/**
 * The catch-up sweep against the sandbox: customer messages whose webhook never arrived are
 * found through the incremental export and handled once; messages that did arrive, Baton's
 * own comments and answered ones are left alone; a second sweep finds nothing; the metric
 * counts the tickets it recovered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DESCRIPTION_PREFIX } from '../../connector/src/helpdesk/freshdesk/map.js';
import type { CommentRecord } from '../../connector/src/sandbox/model.js';
import { HELPDESKS, pauseDeliveries, publicComments, startStack, type Stack } from '../helpers/stack.js';
import { writeBackProblems } from '../resilience/helpers/exactly-once.js';
import { until } from '../resilience/helpers/wait.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const message = (i: number) => ({ requester: { name: `Customer ${i}`, email: `sweep${i}@example.com` }, subject: `Question ${i}`, body: `Where is my order NW-${200_100 + i}? The tracking has not moved.`, channel: 'web' as const });

/** How each helpdesk's API names a message: Freshdesk's first is the ticket's description, not a conversation (helpdesk/freshdesk/map.ts). */
const MESSAGE_ID = {
  zendesk: (c: CommentRecord) => String(c.id),
  freshdesk: (c: CommentRecord, first: boolean) => (first ? `${DESCRIPTION_PREFIX}${c.ticketId}` : String(c.id)),
};

describe.each(HELPDESKS)('catch-up sweep (%s)', (helpdesk) => {
  it('handles once the messages whose webhooks were lost, and nothing else', async () => {
    // The export's one-minute delay is the sandbox's default; here it is off so the test
    // need not wait (the delay itself is tested with the sandbox's clock).
    stack = await startStack({ helpdesk, sandbox: { exportLagSeconds: 0 }, env: { BATON_SWEEP_INTERVAL_SECONDS: '0' } });
    const s = stack;
    const delivered = s.sandbox.inbound(message(0)).ticket.id; // the account becomes known
    await s.settle();
    pauseDeliveries(s.sandbox);
    const lost = [1, 2, 3].map((i) => s.sandbox.inbound(message(i)).ticket.id);
    s.sandbox.customerReply(delivered, 'Also, can you change the delivery address to 5 Elm Street?');
    await s.settle();
    expect(await s.db.store.db.selectFrom('webhook_events').select('id').where('ticket_id', 'in', lost.map(String)).execute()).toEqual([]);

    // The sandbox stamps each change of a ticket at least a second after the last one; wait
    // until no change is stamped in the future, as the export shows none of those yet.
    await until('the helpdesk clock to pass the last change', () => s.sandbox.state.listTickets().every((t) => t.updatedAt.getTime() <= Date.now()));
    const first = await s.connector.sweep.runOnce();
    expect(first).toMatchObject({ recoveredTickets: 4, recoveredMessages: 4 });
    await s.settle();
    expect(await writeBackProblems(s.sandbox, s.db.store, lost)).toEqual([]);
    const recovered = await s.db.store.db.selectFrom('webhook_events').select(['id', 'ticket_id']).where('delivery_id', '=', 'catch-up-sweep').execute();
    expect(recovered.map((e) => Number(e.ticket_id)).sort()).toEqual([...lost, delivered].sort());
    for (const e of recovered) {
      const comments = s.sandbox.state.commentsFor(Number(e.ticket_id));
      const comment = comments.filter((c) => c.authorId !== s.sandbox.apiUser.id).at(-1)!;
      expect(e.id).toBe(`${helpdesk}:${s.sandbox.subdomain}:${e.ticket_id}:c${MESSAGE_ID[helpdesk](comment, comment === comments[0])}`);
    }
    // Baton answered each once, the delivered ticket's first message too (not again).
    for (const id of [...lost, delivered]) expect(publicComments(s.sandbox, id).filter((c) => c.authorId === s.sandbox.apiUser.id).length).toBe(id === delivered ? 2 : 1);

    // Nothing is missing any more: the next sweep, from its stored cursor, takes nothing.
    expect(await s.connector.sweep.runOnce()).toMatchObject({ recoveredTickets: 0 });
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toMatch(/^baton_sweep_recovered_tickets_total 4$/m);
  });

  it('does not take again a message accepted from its body (no comment id), nor one that repeats its words', async () => {
    stack = await startStack({ sandbox: { exportLagSeconds: 0 }, env: { BATON_SWEEP_INTERVAL_SECONDS: '0' } });
    const s = stack;
    s.sandbox.inbound(message(20)); // the account becomes known
    await s.settle();
    await s.connector.worker.stop(); // accepted, not answered yet: the comment stays unanswered
    const id = s.sandbox.inbound(message(21)).ticket.id;
    await s.sandbox.idle();
    const accepted = await s.db.store.db.selectFrom('webhook_events').select('id').where('ticket_id', '=', String(id)).execute();
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.id).toMatch(/:m\d+-[\w-]{16}$/);
    [...s.sandbox.state.webhooks.values()][0]!.status = 'inactive';
    s.sandbox.customerReply(id, message(21).body); // the same words again, its webhook lost
    await until('the helpdesk clock to pass the last change', () => s.sandbox.state.listTickets().every((t) => t.updatedAt.getTime() <= Date.now()));
    expect(await s.connector.sweep.runOnce()).toMatchObject({ recoveredTickets: 1, recoveredMessages: 1 });
    const events = await s.db.store.db.selectFrom('webhook_events').select(['id', 'delivery_id']).where('ticket_id', '=', String(id)).orderBy('received_at').execute();
    const repeated = s.sandbox.state.commentsFor(id).at(-1)!;
    expect(events.map((e) => e.id)).toEqual([accepted[0]!.id, `zendesk:${s.sandbox.subdomain}:${id}:c${repeated.id}`]);
  });

  it('leaves a message alone once an agent answered after it', async () => {
    stack = await startStack({ helpdesk, sandbox: { exportLagSeconds: 0 }, env: { BATON_SWEEP_INTERVAL_SECONDS: '0' } });
    const s = stack;
    s.sandbox.inbound(message(10));
    await s.settle();
    pauseDeliveries(s.sandbox);
    const answered = s.sandbox.inbound(message(11)).ticket.id;
    s.sandbox.agentUpdate(answered, [...s.sandbox.state.users.values()].find((u) => u.role === 'agent' && u.id !== s.sandbox.apiUser.id)!.id, { comment: { body: 'On its way, sorry for the wait.', public: true } });
    const unanswered = s.sandbox.inbound(message(12)).ticket.id;
    await until('the helpdesk clock to pass the last change', () => s.sandbox.state.listTickets().every((t) => t.updatedAt.getTime() <= Date.now()));
    const result = await s.connector.sweep.runOnce();
    expect(result!.scanned).toBeGreaterThanOrEqual(2); // both were looked at
    expect(result!.recoveredTickets).toBe(1);
    const recovered = await s.db.store.db.selectFrom('webhook_events').select('ticket_id').where('delivery_id', '=', 'catch-up-sweep').execute();
    expect(recovered).toEqual([{ ticket_id: String(unanswered) }]);
    expect(answered).not.toBe(unanswered);
  });
});
