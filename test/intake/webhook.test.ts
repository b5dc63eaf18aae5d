import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyErrorHandler, webhookRouter } from '../../connector/src/intake/webhook-route.js';
import { zendeskIntake } from '../../connector/src/intake/zendesk/adapter.js';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { silentLogger } from '../../connector/src/logger.js';
import { createMetrics } from '../../connector/src/metrics/registry.js';
import { TEST_SECRET } from '../helpers/config.js';
import { BACKENDS, type TestStore } from '../helpers/stores.js';
import { zendeskHeaders } from '../helpers/webhooks.js';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/zendesk', name), 'utf8');
const triggerBody = fixture('trigger-ticket-comment-added.json');
const eventBody = fixture('zen-event-ticket-comment-added.json');
const BATON_USER = '900001';

describe.each(BACKENDS)('POST /webhooks/zendesk on %s', (_name, open) => {
  let ts: TestStore;
  let app: express.Express;
  let queue: JobQueue;

  beforeEach(async () => {
    ts = await open();
    queue = new JobQueue(ts.store, { workerId: 'test' });
    app = express();
    app.use(
      webhookRouter({
        store: ts.store,
        queue,
        log: silentLogger,
        metrics: createMetrics(),
        adapters: [zendeskIntake({ secrets: [TEST_SECRET], replayWindowSeconds: 300 })],
        maxBodyBytes: 64 * 1024,
        ignoreOwnUpdates: true,
        selfUserIds: () => new Set([BATON_USER]),
      }),
    );
    app.use(bodyErrorHandler);
  });
  afterEach(async () => ts.cleanup());

  const post = (body: string, headers = zendeskHeaders(TEST_SECRET, body)) => request(app).post('/webhooks/zendesk').set(headers).send(body);

  it('accepts a signed trigger payload: 202, persisted, one job queued', async () => {
    const res = await post(triggerBody);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'accepted', event_id: "zendesk:northwind:35436:c1274" });
    const events = await ts.store.db.selectFrom('webhook_events').selectAll().execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ type: 'ticket.customer_message', ticket: { id: '35436', status: 'open', tags: ['login', 'web_form'] }, message: { authorRole: 'end-user' } });
    expect((await queue.counts()).queued).toBe(1);
  });

  it('accepts an event-subscription payload (zen:event-type:ticket.comment_added)', async () => {
    const res = await post(eventBody);
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('accepted');
    const [row] = await ts.store.db.selectFrom('webhook_events').select(['payload', 'ticket_id']).execute();
    expect(row!.ticket_id).toBe('5158');
    expect(JSON.parse(row!.payload).message.body).toMatch(/tracking page/);
  });

  it('has no second effect when the same delivery arrives again', async () => {
    expect((await post(triggerBody)).body.status).toBe('accepted');
    const again = await post(triggerBody); // Zendesk retries with a new invocation id and signature
    expect(again.status).toBe(202);
    expect(again.body.status).toBe('duplicate');
    expect((await queue.counts()).queued).toBe(1);
  });

  it('rejects bad, missing and stale signatures with 401 and stores nothing', async () => {
    const bad = { ...zendeskHeaders('another-secret-entirely-123456', triggerBody) };
    expect((await post(triggerBody, bad)).status).toBe(401);
    const { 'x-zendesk-webhook-signature': _s, ...missing } = zendeskHeaders(TEST_SECRET, triggerBody);
    const res = await post(triggerBody, missing);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('WEBHOOK_SIGNATURE_MISSING');
    const stale = zendeskHeaders(TEST_SECRET, triggerBody, new Date(Date.now() - 6 * 60_000));
    expect((await post(triggerBody, stale)).body.error.code).toBe('WEBHOOK_TIMESTAMP_STALE');
    expect(await ts.store.db.selectFrom('webhook_events').selectAll().execute()).toHaveLength(0);
  });

  it('answers 400 to malformed JSON (after the signature is checked)', async () => {
    const body = '{"schema": "baton.trigger.v1", "ticket": ';
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('WEBHOOK_MALFORMED_JSON');
    // Unsigned garbage gets 401, not a parse error: nothing is parsed before verification.
    expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
  });

  it('answers 400 naming the field when a body names no ticket', async () => {
    const unknown = JSON.stringify({ hello: 'world' });
    const res = await post(unknown);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'WEBHOOK_INVALID_PAYLOAD', details: { field: 'schema' } });
  });

  it('keeps a signed body with a field of the wrong shape and reads its comment through the API', async () => {
    const body = JSON.parse(triggerBody);
    body.comment.body = { html: 'not a string' };
    const res = await post(JSON.stringify(body));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'accepted', kept: 'invalid_payload', ticket_id: '35436' });
    const [kept] = await ts.store.db.selectFrom('raw_deliveries').selectAll().execute();
    expect(kept).toMatchObject({ ticket_id: '35436', cause: 'invalid_payload', status: 'pending', tenant_id: 'zendesk:northwind' });
    const [job] = await ts.store.db.selectFrom('jobs').select(['kind', 'tenant_id']).execute();
    expect(job).toEqual({ kind: 'resolve-delivery', tenant_id: 'zendesk:northwind' });
    expect(await ts.store.db.selectFrom('webhook_events').selectAll().execute()).toHaveLength(0);
  });

  it('keeps a signed body that is not valid JSON (a customer\'s quote and line break unescaped), recovering the ticket id', async () => {
    // Zendesk does not document whether it JSON-escapes placeholder values: if it does not,
    // a customer's quote or line break breaks the JSON. The signature still proves the sender.
    const raw = triggerBody.replace(/"subject":\s*"[^"]*"/, '"subject": "My "urgent"\nrefund"');
    expect(() => JSON.parse(raw)).toThrow();
    const res = await post(raw);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'accepted', kept: 'malformed_json', ticket_id: '35436' });
    const [kept] = await ts.store.db.selectFrom('raw_deliveries').selectAll().execute();
    expect(kept).toMatchObject({ cause: 'malformed_json', status: 'pending', body: raw });
  });

  it('never dedupes on an empty comment id: a delivery without the comment is kept to read it', async () => {
    const body = JSON.parse(triggerBody);
    body.comment = { id: '', body: '', author_id: '', public: '' }; // the comment placeholders rendered empty
    const first = await post(JSON.stringify(body));
    body.ticket.updated_at = '2026-03-02T10:00:00Z'; // the next comment on the same ticket
    const second = await post(JSON.stringify(body));
    expect([first.status, first.body.status, second.status, second.body.status]).toEqual([202, 'accepted', 202, 'accepted']);
    const events = await ts.store.db.selectFrom('webhook_events').select('id').execute();
    expect(events.map((e) => e.id).filter((id) => id.endsWith(':c'))).toEqual([]);
    expect(await ts.store.db.selectFrom('raw_deliveries').select('cause').execute()).toEqual([{ cause: 'empty_comment_id' }, { cause: 'empty_comment_id' }]);
  });

  it('accepts a comment the body carries whole, keyed by its update: a redelivery is a duplicate, the next comment is not', async () => {
    const body = JSON.parse(triggerBody);
    delete body.comment.id; // what our trigger renders: text, author and public flag, no id
    delete body.comment.created_at;
    const first = await post(JSON.stringify(body));
    const again = await post(JSON.stringify(body), zendeskHeaders(TEST_SECRET, JSON.stringify(body)));
    body.ticket.updated_at = '2026-11-24T22:20:00Z';
    body.comment.body = 'Any news? I still cannot log in.';
    const next = await post(JSON.stringify(body));
    expect([first.body.status, again.body.status, next.body.status]).toEqual(['accepted', 'duplicate', 'accepted']);
    expect(first.body.event_id).toMatch(/^zendesk:northwind:35436:m\d+-/);
    const events = await ts.store.db.selectFrom('webhook_events').select(['id', 'payload']).orderBy('received_at').execute();
    expect(events.map((e) => JSON.parse(e.payload).message)).toMatchObject([
      { id: '', authorRole: 'end-user', body: expect.stringContaining('reset my password twice'), createdAt: '2026-11-24T22:14:05Z' },
      { id: '', authorRole: 'end-user', body: 'Any news? I still cannot log in.', createdAt: '2026-11-24T22:20:00Z' },
    ]);
    expect(await ts.store.db.selectFrom('raw_deliveries').select('cause').execute()).toEqual([]);
    expect((await queue.counts()).queued).toBe(2);
  });

  it('reads the comment through the API when the body would key it unsafely', async () => {
    const body = JSON.parse(triggerBody);
    delete body.comment.id;
    expect((await post(JSON.stringify(body))).body.status).toBe('accepted');
    // A later update re-sending the same words from the same author (a trigger firing on a
    // comment-less update, or the customer repeating themselves): only the read can tell.
    body.ticket.updated_at = '2026-11-24T23:00:00Z';
    expect((await post(JSON.stringify(body))).body.status).toBe('accepted');
    // An update made by someone other than the comment's author (an agent's tag change).
    body.ticket.updated_at = '2026-11-24T23:05:00Z';
    body.comment.body = 'Something new';
    body.current_user = { id: '555', role: 'Agent' };
    expect((await post(JSON.stringify(body))).body.status).toBe('accepted');
    expect(await ts.store.db.selectFrom('raw_deliveries').select('cause').execute()).toEqual([{ cause: 'empty_comment_id' }, { cause: 'empty_comment_id' }]);
    expect(await ts.store.db.selectFrom('webhook_events').select('id').execute()).toHaveLength(1);
  });

  it('answers 400 to a ticket id that is not a Zendesk id, instead of failing later', async () => {
    for (const bad of ['', 'abc', '12; DROP TABLE tickets']) {
      const body = JSON.parse(triggerBody);
      body.ticket.id = bad;
      const res = await post(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.body.error.details.field).toBe('ticket.id');
    }
  });

  it('answers 413 to a body over the size limit', async () => {
    const body = JSON.parse(triggerBody);
    body.comment.body = 'x'.repeat(70 * 1024);
    const raw = JSON.stringify(body);
    const res = await post(raw);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('WEBHOOK_BODY_TOO_LARGE');
  });

  it("ignores Baton's own API updates (no webhook loop) but records them", async () => {
    const body = JSON.parse(triggerBody);
    body.comment.author_id = BATON_USER;
    body.current_user = { id: BATON_USER, role: 'Agent' };
    body.ticket.via = 'Web service';
    const raw = JSON.stringify(body);
    const res = await post(raw);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'ignored', reason: 'own update' });
    expect((await queue.counts()).queued).toBeUndefined();
    const [row] = await ts.store.db.selectFrom('webhook_events').select('status').execute();
    expect(row!.status).toBe('ignored');
  });

  it('answers 503 with Retry-After when the delivery cannot be recorded, so the sender waits before retrying', async () => {
    // A real failure of the store: the table the event goes into is gone.
    await ts.store.db.schema.dropTable('jobs').execute();
    const res = await post(triggerBody);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('10');
    expect(res.body.error.code).toBe('STORE');
  });

  it('accepts and ignores event types triage has no use for', async () => {
    const raw = JSON.stringify({ ...JSON.parse(eventBody), type: 'zen:event-type:ticket.priority_changed', event: { current: 'HIGH', previous: 'LOW' } });
    const res = await post(raw);
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('ignored');
  });
});
