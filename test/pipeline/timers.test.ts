/**
 * Timers are delayed jobs: these tests move a timer's due time to now (as if the minutes
 * had passed) and let the real worker run it against the sandbox.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PICKUP_TIMER, SILENCE_TIMER } from '../../connector/src/pipeline/timers.js';
import { SANDBOX_AGENTS } from '../../connector/src/sandbox/index.js';
import { HELPDESKS, internalNotes, publicComments, startStack, type Stack } from '../helpers/stack.js';

describe.each(HELPDESKS)('%s', (helpdesk) => {
  let stack: Stack;
  /** The pipeline's clock: real time plus however far a test has fast-forwarded. */
  let skewMs = 0;
  beforeAll(async () => {
    stack = await startStack({ helpdesk, pipeline: { now: () => Date.now() + skewMs } });
  });
  afterAll(async () => stack?.close());
  beforeEach(() => {
    skewMs = 0;
  });

  const timers = (kind: string, ticketId: number) =>
    stack.db.store.db.selectFrom('jobs').selectAll().where('kind', '=', kind).where('group_key', '=', `t:${stack.tenantId}:${ticketId}`).execute();

  /** "Ten minutes later": make the ticket's timers due now and wait for the worker. */
  async function fastForward(kind: string, ticketId: number, minutes: number) {
    skewMs += minutes * 60_000;
    await stack.db.store.db.updateTable('jobs').set({ run_at: Date.now() - 1 }).where('kind', '=', kind).where('status', '=', 'queued').where('group_key', '=', `t:${stack.tenantId}:${ticketId}`).execute();
    for (let i = 0; i < 100; i++) { // the idle worker polls every second
      const rows = await timers(kind, ticketId);
      if (rows.every((r) => r.status !== 'queued' && r.status !== 'running')) return rows;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('timer did not run');
  }

  const customer = (n: string) => ({ name: `Sam ${n}`, email: `sam.${n}@example.com` });

  describe('timers', () => {
    it('arms a silence timer after an automated reply, and hands off when the customer stays silent', async () => {
      const id = stack.sandbox.inbound({ requester: customer('a'), subject: 'order', body: 'Where is my order NW-777123?', channel: 'chat' }).ticket.id;
      await stack.settle();
      const [armed] = await timers(SILENCE_TIMER, id);
      expect(armed!.status).toBe('queued');
      expect(armed!.run_at - Date.now()).toBeGreaterThan(9 * 60_000); // ten minutes by the policy
      const ran = await fastForward(SILENCE_TIMER, id, 11);
      expect(ran[0]!.status).toBe('done');
      const ticket = stack.sandbox.state.getTicket(id)!;
      expect(ticket.tags).toContain('baton_handoff');
      expect(ticket.tags).toContain('baton_reason_customer_silent');
      expect(internalNotes(stack.sandbox, id).at(-1)!.body).toMatch(/no reply from the customer \d+ min after the AI message/);
      // A proactive follow-up is the agent's to write: no second automated message to the customer.
      expect(publicComments(stack.sandbox, id).filter((c) => c.authorId === stack.sandbox.apiUser.id)).toHaveLength(1);
    });

    it('cancels the silence timer when the customer answers first', async () => {
      const id = stack.sandbox.inbound({ requester: customer('b'), subject: 'invoice', body: 'How can I download a copy of my invoice?', channel: 'web' }).ticket.id;
      await stack.settle();
      stack.sandbox.customerReply(id, 'Got it, thanks a lot!');
      await stack.settle();
      const rows = await timers(SILENCE_TIMER, id);
      expect(rows[0]!.status).toBe('cancelled');
    });

    it('raises the priority of a handoff nobody picked up in the promised time, but not one an agent answered', async () => {
      const late = stack.sandbox.inbound({ requester: customer('c'), subject: 'refund', body: 'I want a refund for my last order, it arrived broken.', channel: 'email' }).ticket.id;
      const answered = stack.sandbox.inbound({ requester: customer('d'), subject: 'refund', body: 'Please refund the duplicate payment on my card.', channel: 'email' }).ticket.id;
      await stack.settle();
      const before = stack.sandbox.state.getTicket(late)!.priority;
      // An agent answers the second ticket in time.
      stack.sandbox.agentUpdate(answered, SANDBOX_AGENTS.marcus.id, { comment: { body: 'Hi, I am on it and will refund today.', public: true } });
      await fastForward(PICKUP_TIMER, late, 120);
      await fastForward(PICKUP_TIMER, answered, 0);
      const t = stack.sandbox.state.getTicket(late)!;
      expect(t.tags).toContain('baton_pickup_overdue');
      expect(['high', 'urgent']).toContain(t.priority);
      expect(t.priority).not.toBe(before);
      expect(internalNotes(stack.sandbox, late).at(-1)!.body).toMatch(/nobody has answered this handed-off ticket within the \d+ minutes promised/);
      expect(stack.sandbox.state.getTicket(answered)!.tags).not.toContain('baton_pickup_overdue');
    });
  });
});
