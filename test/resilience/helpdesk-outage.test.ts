/**
 * The helpdesk down for a while, then back: every API call answers 503 for longer than the
 * gateway's own retries last, so jobs fail, back off in the queue and try again. When the
 * helpdesk recovers they finish: nothing lost, nothing written twice, no dead letter with
 * the default number of attempts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { INTAKE_JOB_KINDS } from '../../connector/src/intake/raw-deliveries.js';
import { HELPDESKS, startStack, type Stack } from '../helpers/stack.js';
import { writeBackProblems } from './helpers/exactly-once.js';
import { mixedMessage } from './helpers/serve-env.js';
import { until } from './helpers/wait.js';

// The helpdesks run at the same time: each mostly waits for its queue's backoff, on its own stack.
describe.concurrent.each(HELPDESKS)('helpdesk outage (%s)', (helpdesk) => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('backs jobs off while the helpdesk answers 503 and finishes them once it is back', async () => {
    stack = await startStack({ helpdesk });
    const s = stack;
    // Far more failures than one job's gateway retries (4 tries): the queue must retry too.
    s.sandbox.injectFault({ status: 503, count: 40, path: '/api/v2/' });
    const ids = [0, 1, 2, 3, 4].map((i) => s.sandbox.inbound(mixedMessage(i)).ticket.id);
    await until('jobs to fail and be queued for a later try', async () => {
      const retried = await s.db.store.db.selectFrom('jobs').select('id').where('kind', 'in', INTAKE_JOB_KINDS).where('status', '=', 'queued').where('attempts', '>=', 1).execute();
      return retried.length > 0;
    });
    await until('the outage to be spent', () => (s.sandbox.stats().byStatus['503'] ?? 0) >= 40, 45_000);
    await s.settle();
    expect(await writeBackProblems(s.sandbox, s.db.store, ids)).toEqual([]);
    // The jobs between a delivery and its write-back (reading the comment, then the event).
    const jobs = await s.db.store.db.selectFrom('jobs').select(['attempts', 'last_error']).where('kind', 'in', INTAKE_JOB_KINDS).execute();
    expect(Math.max(...jobs.map((j) => j.attempts))).toBeGreaterThan(1);
    expect(jobs.some((j) => /503/.test(j.last_error ?? ''))).toBe(true); // the failure stays visible after success
  }, 60_000);
});
