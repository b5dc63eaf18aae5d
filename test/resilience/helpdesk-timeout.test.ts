/**
 * The helpdesk applies a ticket update but its answer comes back later than the gateway's
 * timeout (ZENDESK_TIMEOUT_MS or FRESHDESK_TIMEOUT_MS, set short here so the test need not wait
 * out the 15 s default). The gateway gives up and retries; the retry's safe_update stamp is now stale, so
 * Zendesk answers 409, and the update must not be rebuilt and sent again: the ticket already
 * carries this write's marker. The customer gets one reply, not two.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HELPDESKS, startStack, type Stack } from '../helpers/stack.js';
import { messageJobs, writeBackProblems } from './helpers/exactly-once.js';

const GATEWAY_TIMEOUT_MS = 2000;
const DELAY_MS = GATEWAY_TIMEOUT_MS + 2000;
const TIMEOUTS = { ZENDESK_TIMEOUT_MS: String(GATEWAY_TIMEOUT_MS), FRESHDESK_TIMEOUT_MS: String(GATEWAY_TIMEOUT_MS) };

// The helpdesks run at the same time: each mostly waits out the timeout, on its own stack.
describe.concurrent.each(HELPDESKS)('helpdesk timeouts (%s)', (helpdesk) => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('retries a timed-out write without a second reply when the first one lands late', async () => {
    stack = await startStack({ helpdesk, env: TIMEOUTS });
    const s = stack;
    s.sandbox.injectFault({ answerDelayMs: DELAY_MS, count: 1, path: '/api/v2/tickets/', method: 'PUT' });
    const id = s.sandbox.inbound({ requester: { name: 'Tim Out', email: 'tim@example.com' }, subject: 'password', body: 'I forgot my password, how do I reset it?', channel: 'web' }).ticket.id;
    await s.settle();
    // The scenario happened: the first write timed out and was tried again.
    expect(s.sandbox.stats().byTicket[String(id)]?.['PUT /api/v2/tickets/{id}']).toBeGreaterThanOrEqual(2);
    expect(await writeBackProblems(s.sandbox, s.db.store, [id])).toEqual([]);
    const [job] = await messageJobs(s.db.store);
    expect(job).toEqual({ status: 'done', attempts: 1 }); // the gateway's own retry was enough
  }, 30_000);
});
