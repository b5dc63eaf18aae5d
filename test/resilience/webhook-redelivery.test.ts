/**
 * Zendesk redelivers a webhook long after it was processed (its retries, an admin's
 * "resend", a queue replay on their side). Signed afresh, the body is taken: 202, and found
 * handled already (the body carries the comment, keyed by the update that added it), so no
 * second triage and no second reply. Re-sent with its original signature hours later, it is a
 * replay: 401, whatever the body.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';
import { zendeskHeaders } from '../helpers/webhooks.js';
import { writeBackProblems } from './helpers/exactly-once.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const HOURS = 3_600_000;

describe('a webhook redelivered hours later', () => {
  it('has no second effect when freshly signed, and is refused when its signature is old', async () => {
    stack = await startStack();
    const s = stack;
    const id = s.sandbox.inbound({ requester: { name: 'Rae Send', email: 'rae@example.com' }, subject: 'Refund', body: 'I want a refund for order NW-100200, it arrived broken.', channel: 'email' }).ticket.id;
    await s.settle();
    const { body } = s.sandbox.deliveries().find((d) => d.ticketId === id)!;
    const eventJobs = () => s.db.store.db.selectFrom('jobs').select('id').where('kind', '=', 'process-event').execute();
    const jobsBefore = await eventJobs();
    const post = (headers: Record<string, string>) => fetch(`${s.url}/webhooks/zendesk`, { method: 'POST', body, headers });

    const fresh = await post(zendeskHeaders(s.secret, body));
    expect(fresh.status).toBe(202);
    expect(await fresh.json()).toMatchObject({ status: 'duplicate' });

    const old = await post(zendeskHeaders(s.secret, body, new Date(Date.now() - 3 * HOURS)));
    expect(old.status).toBe(401);
    expect((await old.json()).error.code).toBe('WEBHOOK_TIMESTAMP_STALE');
    // Within the window, a clock five minutes and a bit ahead is refused the same way.
    const ahead = await post(zendeskHeaders(s.secret, body, new Date(Date.now() + 6 * 60_000)));
    expect(ahead.status).toBe(401);

    await s.settle();
    expect(await eventJobs()).toEqual(jobsBefore);
    expect(await s.db.store.db.selectFrom('raw_deliveries').select('status').where('ticket_id', '=', String(id)).execute()).toEqual([]);
    expect(await writeBackProblems(s.sandbox, s.db.store, [id])).toEqual([]);
  });
});
