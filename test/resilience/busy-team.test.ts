/**
 * A busy team: more open tickets in its group than one page of Zendesk search holds (100).
 * Routing reads the group's open tickets to find an agent with spare capacity; that must
 * page through all of them, and a handoff to the team must still be written once, not end
 * as a dead letter. (Found by the soak benchmark: after ~100 handoffs to one team every
 * further one failed on the second search page.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_GROUPS } from '../../connector/src/sandbox/index.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { writeBackProblems } from './helpers/exactly-once.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const OPEN_IN_GROUP = 130;

describe('a team with more open tickets than one search page', () => {
  it('still routes and writes back handoffs to it', async () => {
    stack = await startStack({ env: { BATON_JOB_MAX_ATTEMPTS: '2' } });
    const s = stack;
    // Tickets agents opened through the API (via 5): no trigger fires for them.
    for (let i = 0; i < OPEN_IN_GROUP; i++) {
      const res = await fetch(`${s.sandbox.url}/api/v2/tickets`, {
        method: 'POST',
        headers: { authorization: s.sandbox.authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ ticket: { subject: `Invoice query ${i}`, comment: { body: 'Customer called about an invoice.' }, group_id: SANDBOX_GROUPS.finance.id, status: 'open' } }),
      });
      expect(res.status).toBe(201);
    }
    const id = s.sandbox.inbound({ requester: { name: 'Bea Busy', email: 'bea@example.com' }, subject: 'Refund', body: 'I was charged twice this month and want a refund now.', channel: 'email' }).ticket.id;
    await s.settle();
    expect(await writeBackProblems(s.sandbox, s.db.store, [id])).toEqual([]);
    expect(s.sandbox.state.getTicket(id)!.groupId).toBe(SANDBOX_GROUPS.finance.id);
  }, 45_000);
});
