/**
 * Intake's write on each store (PostgreSQL writes it as one statement, SQLite in a
 * transaction): an accepted event has exactly one job, a redelivery adds nothing, an ignored
 * event has none, and a worker told of the job can already see it.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerMessageEvent } from '../../connector/src/events/types.js';
import { acceptEvent } from '../../connector/src/jobs/accept-event.js';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { BACKENDS, type TestStore } from '../helpers/stores.js';

const event = (commentId: string, ticketId = '7'): CustomerMessageEvent => ({
  type: 'ticket.customer_message',
  provider: 'zendesk',
  accountId: 'acme',
  eventId: `zendesk:acme:${ticketId}:c${commentId}`,
  deliveryId: `d-${commentId}`,
  occurredAt: '2026-03-02T10:00:00Z',
  ticket: { id: ticketId, subject: 'login', status: 'open', priority: null, tags: [], groupId: null, assigneeId: null, requesterId: '501', organizationId: null, channel: 'web' },
  requester: { id: '501', name: 'Ana', tags: [] },
  organization: null,
  actor: { id: '501', via: 'web' },
  message: { id: commentId, authorId: '501', authorRole: 'end-user', body: "I can't log in \u2014 «ça» 😕", public: true, createdAt: '2026-03-02T10:00:00Z' },
  isNewTicket: false,
});

describe.each(BACKENDS)('accepting an event on %s', (_name, open) => {
  let ts: TestStore;
  let queue: JobQueue;
  beforeEach(async () => {
    ts = await open();
    queue = new JobQueue(ts.store, { workerId: 'w1' });
  });
  afterEach(async () => ts.cleanup());

  it('stores the event, its tenant and one job; a redelivery is a duplicate with no second job', async () => {
    expect(await acceptEvent(ts.store, queue, event('1'), { now: 1_000 })).toBe('accepted');
    expect(await acceptEvent(ts.store, queue, event('1'), { now: 2_000 })).toBe('duplicate');
    expect(await acceptEvent(ts.store, queue, event('2'), { now: 3_000 })).toBe('accepted');

    const tenants = await ts.store.db.selectFrom('tenants').selectAll().execute();
    expect(tenants).toEqual([{ id: 'zendesk:acme', provider: 'zendesk', account: 'acme', created_at: 1_000 }]);
    const [stored] = await ts.store.db.selectFrom('webhook_events').selectAll().where('id', '=', 'zendesk:acme:7:c1').execute();
    expect(stored).toMatchObject({ tenant_id: 'zendesk:acme', delivery_id: 'd-1', type: 'ticket.customer_message', ticket_id: '7', received_at: 1_000, status: 'accepted', note: null });
    expect(JSON.parse(stored!.payload)).toEqual(event('1'));

    const jobs = await queue.list();
    expect(jobs.map((j) => [j.kind, j.payload, j.dedupeKey, j.status, j.attempts, j.maxAttempts])).toEqual([
      ['process-event', { eventId: 'zendesk:acme:7:c2', receivedAt: 3_000 }, 't:zendesk:acme:7#evt:zendesk:acme:7:c2', 'queued', 0, 8],
      ['process-event', { eventId: 'zendesk:acme:7:c1', receivedAt: 1_000 }, 't:zendesk:acme:7#evt:zendesk:acme:7:c1', 'queued', 0, 8],
    ]);
    const [row] = await ts.store.db.selectFrom('jobs').select(['group_key', 'locked_by', 'locked_until', 'last_error']).where('dedupe_key', '=', 't:zendesk:acme:7#evt:zendesk:acme:7:c1').execute();
    expect(row).toEqual({ group_key: 't:zendesk:acme:7', locked_by: null, locked_until: null, last_error: null });
  });

  it('records an ignored event without a job, and a later copy of it is a duplicate', async () => {
    expect(await acceptEvent(ts.store, queue, event('3'), { status: 'ignored', note: 'own update' })).toBe('ignored');
    expect(await acceptEvent(ts.store, queue, event('3'))).toBe('duplicate');
    const [stored] = await ts.store.db.selectFrom('webhook_events').select(['status', 'note']).execute();
    expect(stored).toEqual({ status: 'ignored', note: 'own update' });
    expect(await queue.list()).toEqual([]);
  });

  it('tells workers of the job only once another connection can see it', async () => {
    // Its own connection, already open, so the look happens the moment the workers are told.
    const peek = ts.env.DATABASE_URL ? new pg.Client({ connectionString: ts.env.DATABASE_URL }) : undefined;
    await peek?.connect();
    try {
      const count = async () => (peek ? Number((await peek.query('select count(*) as n from jobs')).rows[0].n) : (await queue.list()).length);
      const seenOnWake = new Promise<number>((resolve, reject) => queue.onEnqueue(() => void count().then(resolve, reject)));
      expect(await acceptEvent(ts.store, queue, event('4'))).toBe('accepted');
      expect(await seenOnWake).toBe(1);
    } finally {
      await peek?.end();
    }
  });
});
