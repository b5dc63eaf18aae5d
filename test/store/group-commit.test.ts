/**
 * SQLite intake's group commit: the webhooks accepted together share one transaction, one
 * that fails (or is a redelivery) costs the others nothing and leaves no partial row, and
 * each caller hears its outcome only once another connection can read what it wrote.
 */
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerMessageEvent } from '../../connector/src/events/types.js';
import { acceptEvent } from '../../connector/src/jobs/accept-event.js';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { groupCommitFor } from '../../connector/src/jobs/sqlite-group-commit.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';

const event = (commentId: string, accountId = 'acme'): CustomerMessageEvent => ({
  type: 'ticket.customer_message',
  provider: 'zendesk',
  accountId,
  eventId: `zendesk:${accountId}:7:c${commentId}`,
  deliveryId: `d-${commentId}`,
  occurredAt: '2026-03-02T10:00:00Z',
  ticket: { id: '7', subject: 'login', status: 'open', priority: null, tags: [], groupId: null, assigneeId: null, requesterId: '501', organizationId: null, channel: 'web' },
  requester: { id: '501', name: 'Ana', tags: [] },
  organization: null,
  actor: { id: '501', via: 'web' },
  message: { id: commentId, authorId: '501', authorRole: 'end-user', body: "I can't log in", public: true, createdAt: '2026-03-02T10:00:00Z' },
  isNewTicket: false,
});

describe('group commit of webhooks on SQLite', () => {
  let ts: TestStore;
  let queue: JobQueue;
  beforeEach(async () => {
    ts = await sqliteTestStore();
    queue = new JobQueue(ts.store, { workerId: 'w1' });
  });
  afterEach(async () => ts.cleanup());

  it('commits the webhooks accepted together once; a redelivery or a failing write among them fails none of the others', async () => {
    expect(await acceptEvent(ts.store, queue, event('1'))).toBe('accepted');
    const before = { ...groupCommitFor(ts.store).stats };

    // A write that fails half-way: its tenant (a new account) goes in, then its event breaks a
    // NOT NULL constraint. The tenant must be rolled back with it, and the others kept.
    const broken = { ...event('9', 'other'), ticket: { ...event('9').ticket, id: null as unknown as string } };
    const outcomes = await Promise.allSettled([
      acceptEvent(ts.store, queue, event('2')),
      acceptEvent(ts.store, queue, event('1')),
      acceptEvent(ts.store, queue, broken),
      acceptEvent(ts.store, queue, event('3'), { status: 'ignored', note: 'own update' }),
      acceptEvent(ts.store, queue, event('4')),
    ]);

    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.status))).toEqual(['accepted', 'duplicate', 'rejected', 'ignored', 'accepted']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/);
    expect(groupCommitFor(ts.store).stats).toEqual({ commits: before.commits + 1, writes: before.writes + 5 });

    const events = await ts.store.db.selectFrom('webhook_events').select(['id', 'status']).orderBy('id').execute();
    expect(events).toEqual([
      { id: 'zendesk:acme:7:c1', status: 'accepted' },
      { id: 'zendesk:acme:7:c2', status: 'accepted' },
      { id: 'zendesk:acme:7:c3', status: 'ignored' },
      { id: 'zendesk:acme:7:c4', status: 'accepted' },
    ]);
    expect((await queue.list()).map((j) => (j.payload as { eventId: string }).eventId).sort()).toEqual(['zendesk:acme:7:c1', 'zendesk:acme:7:c2', 'zendesk:acme:7:c4']);
    expect(await ts.store.db.selectFrom('tenants').select('id').execute()).toEqual([{ id: 'zendesk:acme' }]);
  });

  it('settles each webhook only after its commit: another connection already reads its event and job', async () => {
    const other = new SQLite(ts.env.BATON_SQLITE_PATH!, { readonly: true });
    try {
      const seen = (eventId: string) => ({
        event: (other.prepare('select count(*) as n from webhook_events where id = ?').get(eventId) as { n: number }).n,
        job: (other.prepare("select count(*) as n from jobs where json_extract(payload, '$.eventId') = ?").get(eventId) as { n: number }).n,
      });
      // Looked at synchronously in the continuation, before anything else can commit.
      const looks = await Promise.all(['1', '2', '3'].map((c) => acceptEvent(ts.store, queue, event(c)).then(() => seen(`zendesk:acme:7:c${c}`))));
      expect(looks).toEqual([
        { event: 1, job: 1 },
        { event: 1, job: 1 },
        { event: 1, job: 1 },
      ]);
    } finally {
      other.close();
    }
  });

  it('fails every webhook of a batch that cannot write (the database is locked), so each sender retries', async () => {
    // Another connection holds the write lock past the busy timeout: the batch cannot begin writing.
    const other = new SQLite(ts.env.BATON_SQLITE_PATH!);
    ts.store.sqlite!.pragma('busy_timeout = 50');
    other.prepare('begin immediate').run();
    try {
      const outcomes = await Promise.allSettled([acceptEvent(ts.store, queue, event('1')), acceptEvent(ts.store, queue, event('2'))]);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    } finally {
      other.prepare('rollback').run();
      other.close();
    }
    expect(await ts.store.db.selectFrom('webhook_events').select('id').execute()).toEqual([]);
    expect(await acceptEvent(ts.store, queue, event('1'))).toBe('accepted');
  });
});
