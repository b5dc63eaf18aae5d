/**
 * The intake at its limits, each case hand-made because random generation rarely reaches
 * it: nesting far deeper than any recursive parser's stack, bodies at and over the size
 * limit, compression bombs, unsupported encodings, bodies cut off mid-way, odd content
 * types. Always a coded answer, never a 5xx; and afterwards the intake still works.
 */
import net from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../helpers/config.js';
import { deepJson, signedHeaders, triggerPayload } from './generators.js';
import { expectCleanAnswer, startIntake, type IntakeFixture } from './intake-fixture.js';

const MAX_BODY = 262_144; // BATON_MAX_BODY_BYTES default

let intake: IntakeFixture;
beforeAll(async () => {
  intake = await startIntake();
});
afterAll(() => intake?.close());

let n = 0;
const payload = () => triggerPayload(++n);
/** A payload with `raw` JSON text in place of the string "@@" at one field. */
const withRaw = (set: (p: Record<string, any>) => void, raw: string) => {
  const p = payload();
  set(p);
  return JSON.stringify(p).replace('"@@"', raw);
};

describe('deep nesting', () => {
  for (const depth of [10_000, 100_000]) {
    for (const kind of ['array', 'object'] as const) {
      it(`${depth} nested ${kind}s as the body, in a known field and in an unknown one`, async () => {
        const deep = deepJson(depth, kind);
        // 100,000 nested objects are larger than the body limit: then 413 is the answer.
        const fits = (body: string) => Buffer.byteLength(body) <= MAX_BODY;
        const expectAnswer = async (body: string, ifFits: number) => expectCleanAnswer(await intake.post(body), [fits(body) ? ifFits : 413]);
        await expectAnswer(deep, 400);
        // A known field of the wrong shape in a signed body that names its ticket: kept, and
        // the comment read through the API (202).
        await expectAnswer(withRaw((p) => (p.comment.body = '@@'), deep), 202);
        await expectAnswer(withRaw((p) => (p.ticket.tags = '@@'), deep), 202);
        // Unknown keys are dropped by the schema: the event itself is fine.
        await expectAnswer(withRaw((p) => (p.extra = '@@'), deep), 202);
      });
    }
  }
});

describe('size', () => {
  it('accepts a comment at the field limit, and keeps one just over it to read through the API', async () => {
    const at = payload();
    at.comment.body = 'x'.repeat(200_000);
    expectCleanAnswer(await intake.post(JSON.stringify(at)), [202]);
    const over = payload();
    over.comment.body = 'x'.repeat(200_001);
    const res = await intake.post(JSON.stringify(over));
    expectCleanAnswer(res, [202]);
    expect(res.json).toMatchObject({ status: 'accepted', kept: 'invalid_payload' });
  });

  it('answers 413 with a coded error above BATON_MAX_BODY_BYTES, multi-byte characters included', async () => {
    const big = payload();
    big.comment.body = '💥'.repeat(MAX_BODY / 4 + 10); // each is 4 bytes of UTF-8
    const res = await intake.post(JSON.stringify(big));
    expectCleanAnswer(res, [413]);
    expect(res.json.error.code).toBe('WEBHOOK_BODY_TOO_LARGE');
  });

  it('refuses a gzip bomb by its inflated size', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)); // 50 MB of spaces, ~50 KB packed
    expect(bomb.length).toBeLessThan(MAX_BODY);
    const res = await intake.post(bomb, { 'content-encoding': 'gzip' });
    expectCleanAnswer(res, [413]);
  });
});

describe('encodings and framing', () => {
  it('answers a body that is not the encoding it claims, or an encoding it does not take, with a 4xx', async () => {
    const body = JSON.stringify(payload());
    expectCleanAnswer(await intake.post(body, { 'content-encoding': 'gzip' }), [400]);
    expectCleanAnswer(await intake.post(body, { 'content-encoding': 'br' }), [400, 415]);
    expectCleanAnswer(await intake.post(body, { 'content-encoding': 'x-unknown' }), [415]);
    expectCleanAnswer(await intake.post(body, { 'content-type': 'application/json; charset=utf-16' }), [202, 415]);
  });

  it('takes the JSON whatever content type is declared', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', '']) {
      expectCleanAnswer(await intake.post(JSON.stringify(payload()), { 'content-type': type }), [202]);
    }
  });

  it('survives a client that hangs up halfway through the body', async () => {
    const body = JSON.stringify(payload());
    const headers = signedHeaders(TEST_SECRET, body);
    const { port } = new URL(intake.url);
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        const head = [`POST /webhooks/zendesk HTTP/1.1`, `Host: 127.0.0.1`, `Content-Length: ${body.length}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
        socket.write(head + body.slice(0, 40));
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
  });

  it('still accepts a well-formed webhook after all of the above', async () => {
    const res = await intake.post(JSON.stringify(payload()));
    expectCleanAnswer(res, [202]);
    expect(res.json.status).toBe('accepted');
    expect((await fetch(`${intake.url}/health`)).status).toBe(200);
  });
});
