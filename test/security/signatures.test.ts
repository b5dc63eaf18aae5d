/**
 * Forged and replayed webhook signatures, and the operator endpoint's bearer token. The
 * signer here is written from Zendesk's documentation (test/helpers/webhooks.ts), not the
 * code under test. Every refusal is a coded 401, never a 5xx; one flipped byte anywhere in
 * a signed body is enough to be refused. Sidebar JWTs are covered in
 * test/sidebar/api/auth-and-cors.test.ts.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../helpers/config.js';
import { zendeskHeaders } from '../helpers/webhooks.js';
import { triggerPayload } from '../fuzz/generators.js';
import { expectCleanAnswer, startIntake, type IntakeFixture } from '../fuzz/intake-fixture.js';
import { sqliteTestStore } from '../helpers/stores.js';

const PREVIOUS = 'previous-webhook-secret-0123456789';
const APP_SECRET = 'test-app-shared-secret-0123456789'; // test/helpers/config.ts
const ADMIN_TOKEN = 'test-operator-token-0123456789abcdef';

let intake: IntakeFixture;
beforeAll(async () => {
  intake = await startIntake(sqliteTestStore, { BATON_WEBHOOK_SECRET_PREVIOUS: PREVIOUS, BATON_ADMIN_TOKEN: ADMIN_TOKEN });
});
afterAll(() => intake?.close());

let n = 0;
const body = () => JSON.stringify(triggerPayload(++n));
/** POST with exactly these headers (no automatic signing). */
async function send(raw: string | Buffer, headers: Record<string, string>) {
  const res = await fetch(`${intake.url}/webhooks/zendesk`, { method: 'POST', body: typeof raw === 'string' ? raw : new Uint8Array(raw), headers });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text), text };
}
const refused = async (raw: string | Buffer, headers: Record<string, string>, code = 'WEBHOOK_SIGNATURE_INVALID') => {
  const res = await send(raw, headers);
  expectCleanAnswer(res, [401]);
  expect(res.json.error.code).toBe(code);
};
const sig = (secret: string, ts: string, raw: string) => crypto.createHmac('sha256', secret).update(ts + raw).digest('base64');

describe('forged signatures', () => {
  it('refuses requests without a signature or without its timestamp', async () => {
    const b = body();
    const h = zendeskHeaders(TEST_SECRET, b);
    const { 'x-zendesk-webhook-signature': _s, ...noSig } = h;
    const { 'x-zendesk-webhook-signature-timestamp': _t, ...noTs } = h;
    await refused(b, noSig, 'WEBHOOK_SIGNATURE_MISSING');
    await refused(b, noTs, 'WEBHOOK_SIGNATURE_MISSING');
  });

  it('refuses a signature made with another secret, or made in another way', async () => {
    const b = body();
    const h = zendeskHeaders(TEST_SECRET, b);
    const ts = h['x-zendesk-webhook-signature-timestamp']!;
    const variants = [
      sig('not-the-secret-0123456789', ts, b),
      crypto.createHmac('sha256', TEST_SECRET).update(b + ts).digest('base64'), // wrong order
      crypto.createHmac('sha256', TEST_SECRET).update(ts + b).digest('hex'), // wrong encoding
      crypto.createHmac('sha1', TEST_SECRET).update(ts + b).digest('base64'), // wrong algorithm
      crypto.createHash('sha256').update(TEST_SECRET + ts + b).digest('base64'), // not an HMAC
      sig(TEST_SECRET, ts, b).slice(0, 20), // truncated
      '', '=====', '!!!not base64!!!', 'A'.repeat(8000),
    ];
    for (const s of variants) await refused(b, { ...h, 'x-zendesk-webhook-signature': s }, s === '' ? 'WEBHOOK_SIGNATURE_MISSING' : 'WEBHOOK_SIGNATURE_INVALID');
  });

  it('accepts only the signature itself, not the signature with anything after it', async () => {
    // Node's base64 decoder stops at the first "=" and skips junk: compared as bytes, all of
    // these decode to the valid signature. A header that is not exactly it must not pass.
    const b = body();
    const h = zendeskHeaders(TEST_SECRET, b);
    const good = h['x-zendesk-webhook-signature']!;
    for (const s of [`${good}, ${good}`, `${good}AAAA`, `${good}=`, `${good}<script>`, good.replace(/=$/, '')]) await refused(b, { ...h, 'x-zendesk-webhook-signature': s });
  });

  it('refuses a signed body with any one byte changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (pos, flip) => {
        const b = Buffer.from(body());
        const h = zendeskHeaders(TEST_SECRET, b.toString());
        const i = pos % b.length;
        b[i] = b[i]! ^ flip;
        const res = await send(b, h);
        expectCleanAnswer(res, [401]);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses bytes added around a signed body, even when the JSON still parses', async () => {
    const b = body();
    const h = zendeskHeaders(TEST_SECRET, b);
    for (const changed of [` ${b}`, `${b}\n`, `\ufeff${b}`, b.replace('"schema"', '"schema" ')]) await refused(changed, h);
  });

  it('refuses a timestamp changed after signing', async () => {
    const b = body();
    const h = zendeskHeaders(TEST_SECRET, b, new Date(Date.now() - 60_000));
    await refused(b, { ...h, 'x-zendesk-webhook-signature-timestamp': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
    for (const ts of ['yesterday', '', '0', '1e999', 'Tue, 24 Nov 2026 10:00:00 GMT+99']) {
      const res = await send(b, { ...h, 'x-zendesk-webhook-signature-timestamp': ts, 'x-zendesk-webhook-signature': sig(TEST_SECRET, ts, b) });
      expectCleanAnswer(res, [401]);
    }
  });
});

describe('replays', () => {
  it('treats a replay inside the window as a duplicate with no second effect', async () => {
    const b = body();
    const h = zendeskHeaders(TEST_SECRET, b);
    expect((await send(b, h)).json.status).toBe('accepted');
    const again = await send(b, h);
    expect(again.status).toBe(202);
    expect(again.json.status).toBe('duplicate');
    const jobs = await intake.db.store.db.selectFrom('jobs').select('id').where('payload', 'like', `%${again.json.event_id}%`).execute();
    expect(jobs).toHaveLength(1);
  });

  it('refuses a captured request re-sent after the replay window, or dated in the future', async () => {
    const b = body();
    await refused(b, zendeskHeaders(TEST_SECRET, b, new Date(Date.now() - 301_000)), 'WEBHOOK_TIMESTAMP_STALE');
    await refused(b, zendeskHeaders(TEST_SECRET, b, new Date(Date.now() + 301_000)), 'WEBHOOK_TIMESTAMP_STALE');
  });
});

describe('secret rotation', () => {
  it('accepts the previous secret while it is configured, and only the two secrets', async () => {
    const b = body();
    expect((await send(b, zendeskHeaders(PREVIOUS, b))).status).toBe(202);
    const other = body();
    await refused(other, zendeskHeaders('a-third-secret-0123456789abc', other));
  });
});

describe('operator endpoint (/api/jobs)', () => {
  const get = (auth?: string) => fetch(`${intake.url}/api/jobs`, { headers: auth ? { authorization: auth } : {} });

  it('needs its own admin token as a bearer token', async () => {
    for (const auth of [undefined, 'Bearer', 'Bearer wrong-token-0123456789abcdefghij', `Bearer ${ADMIN_TOKEN}x`, `Bearer ${ADMIN_TOKEN.slice(0, -1)}`, `Basic ${ADMIN_TOKEN}`, `Bearer ${APP_SECRET}`, `Bearer ${ADMIN_TOKEN.slice(0, -1)}é`]) {
      const res = await get(auth);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('AUTH_INVALID');
    }
    expect((await get(`Bearer ${ADMIN_TOKEN}`)).status).toBe(200);
  });

  it('is off, and says how to turn it on, when no admin token is configured', async () => {
    const bare = await startIntake(sqliteTestStore);
    try {
      const res = await fetch(`${bare.url}/api/jobs`, { headers: { authorization: `Bearer ${APP_SECRET}` } });
      expect(res.status).toBe(403);
      expect((await res.json()).error).toEqual({ code: 'ADMIN_DISABLED', message: 'Operator endpoints are off: set BATON_ADMIN_TOKEN (at least 24 characters) to use them.' });
    } finally {
      await bare.close();
    }
  });
});
