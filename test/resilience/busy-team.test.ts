/**
 * A busy team: more open tickets in its group than one page of search holds (Zendesk 100,
 * Freshdesk 30).
 * Routing reads the group's open tickets to find an agent with spare capacity; that must
 * page through all of them, and a handoff to the team must still be written once, not end
 * as a dead letter. (Found by the soak benchmark: after ~100 handoffs to one team every
 * further one failed on the second search page.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_GROUPS } from '../../connector/src/sandbox/index.js';
import { HELPDESKS, pauseDeliveries, startStack, type Stack } from '../helpers/stack.js';
import { writeBackProblems } from './helpers/exactly-once.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const OPEN_IN_GROUP = 130;

describe.each(HELPDESKS)('a team with more open tickets than one search page (%s)', (helpdesk) => {
  it('still routes and writes back handoffs to it', async () => {
    stack = await startStack({ helpdesk, env: { BATON_JOB_MAX_ATTEMPTS: '2' } });
    const s = stack;
    // Tickets the team already holds, from before Baton was listening (no delivery for them).
    const resume = pauseDeliveries(s.sandbox);
    for (let i = 0; i < OPEN_IN_GROUP; i++) {
      const { ticket } = s.sandbox.inbound({ requester: { name: `Caller ${i}`, email: `caller${i}@example.com` }, subject: `Invoice query ${i}`, body: 'Customer called about an invoice.', channel: 'email' });
      Object.assign(s.sandbox.state.getTicket(ticket.id)!, { groupId: SANDBOX_GROUPS.finance.id, status: 'open' });
    }
    resume();
    const id = s.sandbox.inbound({ requester: { name: 'Bea Busy', email: 'bea@example.com' }, subject: 'Refund', body: 'I was charged twice this month and want a refund now.', channel: 'email' }).ticket.id;
    await s.settle();
    expect(await writeBackProblems(s.sandbox, s.db.store, [id])).toEqual([]);
    expect(s.sandbox.state.getTicket(id)!.groupId).toBe(SANDBOX_GROUPS.finance.id);
  }, 45_000);
});
