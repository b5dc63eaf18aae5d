import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyZendeskSignature } from '../../connector/src/intake/zendesk/signature.js';

const secret = 'primary-secret-aaaaaaaaaaaaaaaa';
const previous = 'previous-secret-bbbbbbbbbbbbbbb';
const body = Buffer.from('{"schema":"baton.trigger.v1","ticket":{"id":"1"}}');
const ts = '2026-11-24T22:00:00Z';
const now = Date.parse(ts) + 30_000;
const sign = (s: string, t = ts, b: Buffer = body) => crypto.createHmac('sha256', s).update(t + b.toString('utf8')).digest('base64');
const opts = { secrets: [secret], replayWindowSeconds: 300, now };

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return (err as { code: string }).code;
  }
};

describe('Zendesk webhook signature', () => {
  it('accepts a body signed with the secret', () => {
    expect(codeOf(() => verifyZendeskSignature({ signature: sign(secret), timestamp: ts }, body, opts))).toBe('ok');
  });

  it('rejects a signature made with another secret', () => {
    expect(codeOf(() => verifyZendeskSignature({ signature: sign('wrong-secret-cccccccccccccccc'), timestamp: ts }, body, opts))).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('rejects a body changed after signing, even by one byte', () => {
    const tampered = Buffer.from(body.toString().replace('"1"', '"2"'));
    expect(codeOf(() => verifyZendeskSignature({ signature: sign(secret), timestamp: ts }, tampered, opts))).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('rejects a valid signature whose timestamp is older than the replay window', () => {
    const old = '2026-11-24T21:50:00Z';
    expect(codeOf(() => verifyZendeskSignature({ signature: sign(secret, old), timestamp: old }, body, opts))).toBe('WEBHOOK_TIMESTAMP_STALE');
  });

  it('rejects a timestamp far in the future', () => {
    const future = '2026-11-24T23:00:00Z';
    expect(codeOf(() => verifyZendeskSignature({ signature: sign(secret, future), timestamp: future }, body, opts))).toBe('WEBHOOK_TIMESTAMP_STALE');
  });

  it('binds the timestamp into the signature (a fresh timestamp cannot be pasted onto an old signature)', () => {
    const fresh = new Date(now).toISOString();
    expect(codeOf(() => verifyZendeskSignature({ signature: sign(secret), timestamp: fresh }, body, opts))).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('accepts the previous secret during a rotation, and only when configured', () => {
    const rotated = { ...opts, secrets: [secret, previous] };
    expect(codeOf(() => verifyZendeskSignature({ signature: sign(previous), timestamp: ts }, body, rotated))).toBe('ok');
    expect(codeOf(() => verifyZendeskSignature({ signature: sign(previous), timestamp: ts }, body, opts))).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('rejects missing headers, garbage signatures and unparseable timestamps', () => {
    expect(codeOf(() => verifyZendeskSignature({ timestamp: ts }, body, opts))).toBe('WEBHOOK_SIGNATURE_MISSING');
    expect(codeOf(() => verifyZendeskSignature({ signature: sign(secret) }, body, opts))).toBe('WEBHOOK_SIGNATURE_MISSING');
    expect(codeOf(() => verifyZendeskSignature({ signature: 'not base64 at all!!', timestamp: ts }, body, opts))).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(codeOf(() => verifyZendeskSignature({ signature: sign(secret), timestamp: 'yesterday' }, body, opts))).toBe('WEBHOOK_SIGNATURE_INVALID');
  });
});
