/**
 * Nothing is lost and nothing is said twice: a crash between the helpdesk write and
 * recording it, helpdesk errors, and 429 storms all end in exactly one write-back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HELPDESKS, internalNotes, publicComments, startStack, type Stack } from '../helpers/stack.js';
import { pgTestStore } from '../helpers/stores.js';
import { messageJobs } from '../resilience/helpers/exactly-once.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const botReplies = (s: Stack, id: number) => publicComments(s.sandbox, id).filter((c) => c.authorId === s.sandbox.apiUser.id);

describe.each(HELPDESKS)('recovery (%s)', (helpdesk) => {
  it('re-runs a job that crashed after writing, without a second reply to the customer', async () => {
    let crashes = 0;
    stack = await startStack({
      helpdesk,
      pipeline: {
        afterWrite: () => {
          // The process "dies" after the helpdesk accepted the update, before the attempt is recorded.
          if (crashes++ === 0) throw new Error('simulated crash after the helpdesk write');
        },
      },
    });
    const s = stack;
    const id = s.sandbox.inbound({ requester: { name: 'Ola Nordmann', email: 'ola@example.com' }, subject: 'reset', body: 'I forgot my password, please help me reset it', channel: 'web' }).ticket.id;
    await s.settle();
    expect(crashes).toBe(2); // first try crashed, the retry ran to the end
    expect(botReplies(s, id)).toHaveLength(1);
    const [attempt] = await s.db.store.db.selectFrom('attempts').selectAll().where('ticket_id', '=', String(id)).execute();
    expect(attempt!.write_status).toBe('written');
    const [job] = await messageJobs(s.db.store);
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('survives helpdesk 5xx on the first write of a handoff and still writes note and message once', async () => {
    stack = await startStack({ helpdesk });
    const s = stack;
    s.sandbox.injectFault({ status: 500, count: 4, path: '/api/v2/tickets/', method: 'PUT' }); // more than the gateway's own retries
    const id = s.sandbox.inbound({ requester: { name: 'Kim Lee', email: 'kim@example.com' }, subject: 'Lawyer', body: 'My lawyer will be in touch about a lawsuit over your data breach.', channel: 'email' }).ticket.id;
    await s.settle();
    expect(internalNotes(s.sandbox, id)).toHaveLength(1);
    expect(botReplies(s, id)).toHaveLength(1);
    expect(s.sandbox.stats().byStatus['500']).toBe(4);
  });

  it('honours Retry-After through a 429 storm and answers once', async () => {
    stack = await startStack({ helpdesk });
    const s = stack;
    s.sandbox.injectFault({ status: 429, count: 3, path: '/api/v2/tickets/' });
    const id = s.sandbox.inbound({ requester: { name: 'Ana Souza', email: 'ana@example.com' }, subject: 'order', body: 'Where is my order NW-555123? Tracking has not moved.', channel: 'chat' }).ticket.id;
    await s.settle();
    expect(s.sandbox.stats().byStatus['429']).toBe(3);
    expect(botReplies(s, id)).toHaveLength(1);
  });

  it('runs the same flow on PostgreSQL', async () => {
    stack = await startStack({ helpdesk, store: pgTestStore });
    const s = stack;
    const id = s.sandbox.inbound({ requester: { name: 'Pat Doe', email: 'pat@example.com' }, subject: 'refund', body: 'I want a refund for order NW-100200, the scanner arrived broken.', channel: 'email' }).ticket.id;
    await s.settle();
    expect(s.connector.store.dialect).toBe('postgres');
    expect(s.sandbox.state.getTicket(id)!.tags).toContain('baton_handoff');
    const rows = await s.db.store.db.selectFrom('attempts').select(['action', 'write_status']).where('ticket_id', '=', String(id)).execute();
    expect(rows).toEqual([{ action: 'handoff', write_status: 'written' }]);
  });
});
