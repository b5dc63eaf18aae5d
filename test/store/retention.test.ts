/**
 * Retention on each store: finished jobs and webhook events past the period are deleted in
 * batches; recent rows, queued and running jobs, dead letters within their longer period (and
 * their events) stay; 0 keeps everything; and what dedupe needs survives a purge: a redelivery
 * is still a duplicate, and an old ticket's newest message still keeps the catch-up sweep from
 * taking that ticket's older messages again. Kept raw webhook bodies go after the same period,
 * unless a job still names them (a dead letter's retry reads its body).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missingCustomerMessages } from '../../connector/src/catch-up/missing-messages.js';
import { commentEventId, type CustomerMessageEvent, type HelpdeskEvent, type MessageSnapshot } from '../../connector/src/events/types.js';
import { acceptEvent } from '../../connector/src/jobs/accept-event.js';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { keepRawDelivery, loadRawDelivery, rawDeliveryId } from '../../connector/src/intake/raw-deliveries.js';
import { loadEvent } from '../../connector/src/store/events.js';
import { purgeExpired, type RetentionPolicy } from '../../connector/src/store/retention.js';
import { BACKENDS, type TestStore } from '../helpers/stores.js';

const DAY = 86_400_000;
const NOW = 20_000 * DAY; // October 2024
const POLICY: RetentionPolicy = { days: 30, deadLetterDays: 90 };

const message = (commentId: string, at: number): MessageSnapshot => ({ id: commentId, authorId: '501', authorRole: 'end-user', body: `message ${commentId}`, public: true, createdAt: new Date(at).toISOString() });

const event = (ticketId: string, commentId: string, at: number): CustomerMessageEvent => ({
  type: 'ticket.customer_message',
  provider: 'zendesk',
  accountId: 'acme',
  eventId: commentEventId('zendesk', 'acme', ticketId, commentId),
  deliveryId: `d-${commentId}`,
  occurredAt: new Date(at).toISOString(),
  ticket: { id: ticketId, subject: 'login', status: 'open', priority: null, tags: [], groupId: null, assigneeId: null, requesterId: '501', organizationId: null, channel: 'web' },
  requester: { id: '501', name: 'Ana', tags: [] },
  organization: null,
  actor: { id: '501', via: 'web' },
  message: message(commentId, at),
  isNewTicket: false,
});

describe.each(BACKENDS)('retention on %s', (_name, open) => {
  let ts: TestStore;
  let clock: number;
  let queue: JobQueue;

  beforeEach(async () => {
    ts = await open();
    clock = NOW;
    queue = new JobQueue(ts.store, { workerId: 'w1', now: () => clock, random: () => 1 });
  });
  afterEach(async () => ts.cleanup());

  /** An event accepted `daysAgo` days ago, whose job then ran to the given end. */
  async function received(e: HelpdeskEvent, daysAgo: number, end: 'done' | 'dead' | 'queued' | 'running' = 'done', opts: { status?: 'ignored' } = {}) {
    clock = NOW - daysAgo * DAY;
    expect(await acceptEvent(ts.store, queue, e, { now: clock, status: opts.status })).toBe(opts.status ?? 'accepted');
    if (opts.status !== 'ignored' && end !== 'queued') {
      const [job] = await queue.claim(1, 60_000);
      expect(job?.payload).toMatchObject({ eventId: e.eventId });
      if (end === 'done') await queue.complete(job!.id);
      if (end === 'dead') await queue.fail(job!, new Error('HELPDESK_HTTP: 422'), { retryable: false });
    }
    clock = NOW;
  }

  const eventIds = async () => (await ts.store.db.selectFrom('webhook_events').select('id').orderBy('id').execute()).map((r) => r.id);
  const jobRows = async () => (await ts.store.db.selectFrom('jobs').select(['kind', 'status', 'payload']).orderBy('id').execute()).map((r) => `${r.status}:${r.kind}:${r.payload}`);

  it('deletes finished jobs and events past the period, and keeps recent rows, queued and running jobs and each ticket\'s newest message', async () => {
    await received(event('7', 'c1', NOW - 40 * DAY), 40);
    await received(event('7', 'c2', NOW - 35 * DAY), 35);
    await received(event('7', 'c3', NOW - DAY), 1);
    await received(event('8', 'c9', NOW - 40 * DAY), 40);
    await received(event('8', 'own', NOW - 39 * DAY), 39, 'done', { status: 'ignored' });
    await received(event('10', 'stuck', NOW - 50 * DAY), 50, 'running'); // its worker died long ago: a claim takes it again
    await received(event('11', 'waiting', NOW - 45 * DAY), 45, 'queued');
    clock = NOW - 40 * DAY;
    await queue.enqueue({ kind: 'silence-timer', tenantId: 'zendesk:acme', payload: 'cancelled', runAt: NOW - 40 * DAY, dedupeKey: 't:zendesk:acme:7#timer:silence:1' });
    await queue.cancelByKeyPrefix('t:zendesk:acme:7#timer:');
    clock = NOW;

    expect(await purgeExpired(ts.store, POLICY, { now: NOW })).toEqual({ finishedJobs: 4, deadLetters: 0, events: 3, rawDeliveries: 0 });

    expect(await eventIds()).toEqual([
      'zendesk:acme:10:cstuck',
      'zendesk:acme:11:cwaiting',
      'zendesk:acme:7:cc3', // recent
      'zendesk:acme:8:cc9', // old, but the newest message of ticket 8
    ]);
    expect(await jobRows()).toEqual([
      'done:process-event:{"eventId":"zendesk:acme:7:cc3","receivedAt":' + (NOW - DAY) + '}',
      'running:process-event:{"eventId":"zendesk:acme:10:cstuck","receivedAt":' + (NOW - 50 * DAY) + '}',
      'queued:process-event:{"eventId":"zendesk:acme:11:cwaiting","receivedAt":' + (NOW - 45 * DAY) + '}',
    ]);
    // A second run finds nothing more.
    expect(await purgeExpired(ts.store, POLICY, { now: NOW })).toEqual({ finishedJobs: 0, deadLetters: 0, events: 0, rawDeliveries: 0 });
  });

  it('keeps a dead letter, and its event, for the longer period: it can still be listed and retried', async () => {
    await received(event('9', 'failed', NOW - 40 * DAY), 40, 'dead');
    await received(event('9', 'later', NOW - 38 * DAY), 38); // a newer message: the dead letter's event is no longer the newest
    await received(event('12', 'ancient', NOW - 100 * DAY), 100, 'dead');
    await received(event('12', 'after', NOW - 99 * DAY), 99);

    expect(await purgeExpired(ts.store, POLICY, { now: NOW })).toEqual({ finishedJobs: 2, deadLetters: 1, events: 1, rawDeliveries: 0 });

    const [dead, ...others] = await queue.list({ status: 'dead' });
    expect(others).toEqual([]);
    expect(dead?.payload).toMatchObject({ eventId: 'zendesk:acme:9:cfailed' });
    expect(await queue.retryDead(dead!.id)).toBe(true);
    expect(await loadEvent(ts.store, 'zendesk:acme:9:cfailed')).toMatchObject({ message: { id: 'failed' } });
    // The dead letter past 90 days went, and its event after it (a newer message of ticket 12 covers it).
    expect(await eventIds()).toEqual(['zendesk:acme:12:cafter', 'zendesk:acme:9:cfailed', 'zendesk:acme:9:clater']);
  });

  it('deletes in batches, and stops between two when asked', async () => {
    for (let i = 0; i < 7; i++) await received(event(`t${i}`, `ignored${i}`, NOW - 40 * DAY), 40, 'done', { status: 'ignored' });
    clock = NOW - 40 * DAY;
    for (let i = 0; i < 7; i++) await queue.enqueue({ kind: 'k', tenantId: 't', payload: i });
    for (const job of await queue.claim(7, 60_000)) await queue.complete(job.id);
    clock = NOW;

    // The purge asks between two batches (and two phases) whether to go on: stopped at the
    // n-th question, it leaves the rest for the next run.
    const stopAt = (n: number) => {
      let asked = 0;
      return () => ++asked < n;
    };
    expect(await purgeExpired(ts.store, POLICY, { now: NOW, batchSize: 3, proceed: stopAt(1) })).toEqual({ finishedJobs: 3, deadLetters: 0, events: 0, rawDeliveries: 0 });
    // 3 + 1 jobs; then the dead letters' turn (2), the events' turn (3), and after their first batch (4).
    expect(await purgeExpired(ts.store, POLICY, { now: NOW, batchSize: 3, proceed: stopAt(4) })).toEqual({ finishedJobs: 4, deadLetters: 0, events: 3, rawDeliveries: 0 });
    expect(await purgeExpired(ts.store, POLICY, { now: NOW, batchSize: 3 })).toEqual({ finishedJobs: 0, deadLetters: 0, events: 4, rawDeliveries: 0 });
    expect(await ts.store.db.selectFrom('jobs').select('id').execute()).toEqual([]);
    expect(await eventIds()).toEqual([]);
  });

  /** A delivery kept raw `daysAgo` days ago; with a ticket, its resolve job then ran to the given end. */
  async function keptRaw(deliveryId: string, ticketId: string | null, daysAgo: number, end: 'done' | 'dead' | 'queued' = 'done') {
    clock = NOW - daysAgo * DAY;
    const body = `{"ticket":{"id":"${ticketId}"},"requester":{"email":"ana@example.com"} malformed ${deliveryId}`;
    expect(await keepRawDelivery(ts.store, queue, { tenantId: 'zendesk:acme', provider: 'zendesk', deliveryId, ticketId, cause: 'malformed_json', body, partial: null, now: clock })).toBe('kept');
    if (ticketId && end !== 'queued') {
      const [job] = await queue.claim(1, 60_000);
      expect(job?.payload).toEqual({ rawId: rawDeliveryId('zendesk:acme', deliveryId, body) });
      if (end === 'done') await queue.complete(job!.id);
      else await queue.fail(job!, new Error('HELPDESK_HTTP: 500'), { retryable: false });
    }
    clock = NOW;
    return rawDeliveryId('zendesk:acme', deliveryId, body);
  }
  const rawIds = async () => (await ts.store.db.selectFrom('raw_deliveries').select('delivery_id').orderBy('delivery_id').execute()).map((r) => r.delivery_id);

  it('deletes kept raw webhook bodies past the period, and keeps the ones a queued job or a dead letter still reads', async () => {
    await keptRaw('read-long-ago', '30', 40);
    const deadOne = await keptRaw('dead-letter', '31', 40, 'dead');
    await keptRaw('no-ticket-old', null, 40); // unrecoverable: no job ever named it
    await keptRaw('no-ticket-new', null, 1);
    await keptRaw('waiting', '32', 45, 'queued');
    await keptRaw('ancient-dead-letter', '33', 100, 'dead');

    expect(await purgeExpired(ts.store, POLICY, { now: NOW })).toEqual({ finishedJobs: 1, deadLetters: 1, events: 0, rawDeliveries: 3 });
    expect(await rawIds()).toEqual(['dead-letter', 'no-ticket-new', 'waiting']);

    // The dead letter is retried: its job still finds the body it reads the comment for.
    const [dead, ...others] = await queue.list({ status: 'dead' });
    expect(others).toEqual([]);
    expect(await queue.retryDead(dead!.id)).toBe(true);
    expect(await loadRawDelivery(ts.store, deadOne)).toMatchObject({ delivery_id: 'dead-letter', body: expect.stringContaining('ana@example.com') });
    expect(await purgeExpired(ts.store, POLICY, { now: NOW })).toEqual({ finishedJobs: 0, deadLetters: 0, events: 0, rawDeliveries: 0 });
  });

  it('keeps everything when the periods are 0', async () => {
    await received(event('7', 'c1', NOW - 400 * DAY), 400);
    await received(event('7', 'c2', NOW - 399 * DAY), 399, 'dead');
    await received(event('7', 'c3', NOW - 398 * DAY), 398);
    await keptRaw('old', null, 400);
    expect(await purgeExpired(ts.store, { days: 0, deadLetterDays: 0 }, { now: NOW })).toEqual({ finishedJobs: 0, deadLetters: 0, events: 0, rawDeliveries: 0 });
    expect((await eventIds()).length).toBe(3);
    expect((await jobRows()).length).toBe(3);
    expect(await rawIds()).toEqual(['old']);
  });

  it('still recognises a redelivery inside the replay window, and an old ticket\'s messages, after a purge', async () => {
    await received(event('7', 'fresh', NOW - 60_000), 60_000 / DAY);
    const older = message('old1', NOW - 41 * DAY);
    const newest = message('old2', NOW - 40 * DAY);
    await received(event('20', 'old1', NOW - 41 * DAY), 41);
    await received(event('20', 'old2', NOW - 40 * DAY), 40);

    expect(await purgeExpired(ts.store, POLICY, { now: NOW })).toMatchObject({ events: 1, rawDeliveries: 0 });

    expect(await acceptEvent(ts.store, queue, event('7', 'fresh', NOW - 60_000), { now: NOW })).toBe('duplicate');
    expect(await acceptEvent(ts.store, queue, event('20', 'old2', NOW - 40 * DAY), { now: NOW })).toBe('duplicate');
    // Ticket 20 changes and the sweep reads it: both messages are still unanswered there, and
    // neither is taken again: the kept newest one shows Baton saw the conversation up to it.
    const query = { tenantId: 'zendesk:acme', provider: 'zendesk' as const, accountId: 'acme', ticketId: '20', sinceMs: 0 };
    expect(await missingCustomerMessages(ts.store, query, [older, newest], new Set())).toEqual([]);
  });
});
