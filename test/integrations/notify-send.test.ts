/**
 * Delivering notifications to loopback Slack and webhook receivers: the body arrives as
 * built, the webhook signature checks out with the documented algorithm (computed here
 * independently), and failures are retryable or permanent as documented.
 */
import { createHmac } from 'node:crypto';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentJobError } from '../../connector/src/jobs/worker.js';
import { PermanentNotificationError, RetryableNotificationError, sendNotification } from '../../connector/src/integrations/notify/send.js';
import { buildSlackMessage } from '../../connector/src/integrations/notify/slack-message.js';
import type { NotifyTarget } from '../../connector/src/integrations/notify/types.js';
import { buildWebhookNotification, verifySignature } from '../../connector/src/integrations/notify/webhook-notification.js';
import { closeAll, serve } from './loopback.js';
import { notice } from './notify-fixtures.js';

afterEach(closeAll);

const SECRET = 'whsec_0123456789abcdef0123456789';
const SLACK_PATH = '/services/T000/B000/XXXXSECRETXXXX';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

async function receiver(status: number | 'hang', received: Received[] = [], extraHeaders: Record<string, string> = {}) {
  const app = express();
  app.post(['/hook', SLACK_PATH], express.raw({ type: '*/*' }), (req, res) => {
    received.push({ headers: req.headers, raw: (req.body as Buffer).toString('utf8') });
    if (status === 'hang') return;
    res.status(status).set(extraHeaders).send(status === 200 ? 'ok' : 'no_service');
  });
  return serve(app);
}

/** The documented check, written out from WEBHOOKS.md rather than calling Baton's helper. */
function documentedCheck(secret: string, header: string, rawBody: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest('hex');
  return parts.v1 === expected;
}

describe('sending to Slack', () => {
  it('posts the Block Kit JSON to the incoming webhook', async () => {
    const received: Received[] = [];
    const base = await receiver(200, received);
    const message = buildSlackMessage(notice());
    await sendNotification({ name: 'slack', kind: 'slack', url: base + SLACK_PATH }, message);
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0]!.raw)).toEqual(message);
    expect(received[0]!.headers['x-baton-signature']).toBeUndefined();
  });

  it('treats a revoked webhook (404) as permanent, without putting the secret URL in the error', async () => {
    const base = await receiver(404);
    const err = await sendNotification({ name: 'slack', kind: 'slack', url: base + SLACK_PATH }, buildSlackMessage(notice())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentNotificationError);
    expect(err).toBeInstanceOf(PermanentJobError); // the job worker dead-letters it at once
    expect((err as PermanentNotificationError).status).toBe(404);
    expect((err as Error).message).toBe('Slack webhook "slack" answered 404: no_service');
    expect((err as Error).message).not.toContain('SECRET');
  });
});

describe('sending to a signed webhook', () => {
  it('signs t.body with HMAC-SHA256 in X-Baton-Signature, verifiable by the documented algorithm', async () => {
    const received: Received[] = [];
    const base = await receiver(200, received);
    const now = Date.parse('2026-11-24T03:12:10Z');
    await sendNotification({ name: 'webhook', kind: 'webhook', url: `${base}/hook`, secret: SECRET }, buildWebhookNotification(notice()), { now: () => now });
    const { headers, raw } = received[0]!;
    const header = String(headers['x-baton-signature']);
    expect(header).toMatch(new RegExp(`^t=${now / 1000},v1=[0-9a-f]{64}$`));
    expect(headers['x-baton-event']).toBe('handoff.assigned');
    expect(documentedCheck(SECRET, header, raw)).toBe(true);
    expect(documentedCheck('another-secret-of-enough-length', header, raw)).toBe(false);
    expect(JSON.parse(raw)).toMatchObject({ type: 'handoff.assigned', id: 'evt_01JD8Z' });
  });

  it('verifySignature accepts the real request and rejects tampering, other secrets and stale times', async () => {
    const received: Received[] = [];
    const base = await receiver(200, received);
    await sendNotification({ name: 'webhook', kind: 'webhook', url: `${base}/hook`, secret: SECRET }, buildWebhookNotification(notice()), { now: () => 1_700_000_000_000 });
    const { headers, raw } = received[0]!;
    const header = String(headers['x-baton-signature']);
    expect(verifySignature(SECRET, raw, header, { nowSeconds: 1_700_000_100 })).toBe(true);
    expect(verifySignature(SECRET, raw.replace('urgent', 'low'), header, { nowSeconds: 1_700_000_100 })).toBe(false);
    expect(verifySignature('whsec_a_different_secret_entirely', raw, header, { nowSeconds: 1_700_000_100 })).toBe(false);
    expect(verifySignature(SECRET, raw, header, { nowSeconds: 1_700_000_301 })).toBe(false);
    expect(verifySignature(SECRET, raw, header.replace(/t=\d+/, 't=1700000100'), { nowSeconds: 1_700_000_100 })).toBe(false);
    expect(verifySignature(SECRET, raw, undefined)).toBe(false);
  });

  it('agrees with the worked example in WEBHOOKS.md', () => {
    const header = 't=1795489930,v1=2d23d44102e7455affb6ad92f61cb070cb628a52893061039566490a4ba1ea94';
    const body = '{"type":"handoff.assigned","id":"evt_1"}';
    expect(verifySignature('whsec_example_0123456789', body, header, { nowSeconds: 1795489930 })).toBe(true);
    expect(documentedCheck('whsec_example_0123456789', header, body)).toBe(true);
  });

  it('treats 5xx, 429 (with its Retry-After), timeouts and refused connections as retryable', async () => {
    const target = (base: string): NotifyTarget => ({ name: 'webhook', kind: 'webhook', url: `${base}/hook`, secret: SECRET });
    const body = buildWebhookNotification(notice());

    const e503 = await sendNotification(target(await receiver(503)), body).catch((e: unknown) => e);
    expect(e503).toBeInstanceOf(RetryableNotificationError);
    expect(e503).not.toBeInstanceOf(PermanentJobError);
    expect((e503 as RetryableNotificationError).status).toBe(503);

    const e429 = (await sendNotification(target(await receiver(429, [], { 'Retry-After': '30' })), body).catch((e: unknown) => e)) as RetryableNotificationError;
    expect(e429).toBeInstanceOf(RetryableNotificationError);
    expect(e429.retryAfterMs).toBe(30_000);

    const slow = (await sendNotification(target(await receiver('hang')), body, { timeoutMs: 50 }).catch((e: unknown) => e)) as Error;
    expect(slow).toBeInstanceOf(RetryableNotificationError);
    expect(slow.message).toBe('notification webhook "webhook" did not answer within 50 ms');

    const closed = await receiver(200);
    await closeAll();
    expect(await sendNotification(target(closed), body).catch((e: unknown) => e)).toBeInstanceOf(RetryableNotificationError);
  });

  it('treats other 4xx (a receiver rejecting the signature) as permanent', async () => {
    const err = await sendNotification({ name: 'webhook', kind: 'webhook', url: `${await receiver(401)}/hook`, secret: SECRET }, buildWebhookNotification(notice())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentNotificationError);
    expect((err as PermanentNotificationError).retryable).toBe(false);
  });
});
