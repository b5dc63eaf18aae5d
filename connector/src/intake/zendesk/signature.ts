/**
 * Zendesk webhook signatures: base64(HMAC-SHA256(secret, timestamp + rawBody)), verified
 * on the raw bytes before any parsing, compared in constant time, with a replay window.
 * During a rotation both the current and the previous secret are accepted.
 */
import crypto from 'node:crypto';
import { BatonError } from '../../errors.js';

export const SIGNATURE_HEADER = 'x-zendesk-webhook-signature';
export const TIMESTAMP_HEADER = 'x-zendesk-webhook-signature-timestamp';

export function signZendeskWebhook(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return crypto.createHmac('sha256', secret).update(timestamp).update(rawBody).digest('base64');
}

export interface VerifyOptions {
  secrets: string[];
  replayWindowSeconds: number;
  now?: number;
}

export function verifyZendeskSignature(
  headers: { signature?: string; timestamp?: string },
  rawBody: Buffer,
  opts: VerifyOptions,
): void {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) {
    throw new BatonError('WEBHOOK_SIGNATURE_MISSING', `Missing ${!signature ? 'X-Zendesk-Webhook-Signature' : 'X-Zendesk-Webhook-Signature-Timestamp'} header: requests must come from a Zendesk webhook with a signing secret.`, { status: 401 });
  }
  const sentAt = Date.parse(timestamp);
  if (Number.isNaN(sentAt)) {
    throw new BatonError('WEBHOOK_SIGNATURE_INVALID', 'X-Zendesk-Webhook-Signature-Timestamp is not a date.', { status: 401 });
  }
  const now = opts.now ?? Date.now();
  // A signature from outside the window is a replay (or a badly skewed clock): refuse it
  // even if it is valid, so a captured request cannot be re-sent later.
  if (Math.abs(now - sentAt) > opts.replayWindowSeconds * 1000) {
    throw new BatonError('WEBHOOK_TIMESTAMP_STALE', `Signature timestamp is outside the ${opts.replayWindowSeconds}s replay window; check the server clock if this repeats.`, { status: 401 });
  }
  // Only the canonical text of a 32-byte HMAC: Node's base64 decoder stops at the first "="
  // and skips junk, so "<signature>=<anything>" would otherwise decode to a match.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(signature.trim())) {
    throw new BatonError('WEBHOOK_SIGNATURE_INVALID', 'Webhook signature is not a base64 HMAC-SHA256: check that the request comes from a Zendesk webhook.', { status: 401 });
  }
  const given = Buffer.from(signature.trim(), 'base64');
  const ok = opts.secrets.some((secret) => {
    const expected = Buffer.from(signZendeskWebhook(secret, timestamp, rawBody), 'base64');
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  });
  if (!ok) {
    throw new BatonError('WEBHOOK_SIGNATURE_INVALID', 'Webhook signature does not match: check that BATON_WEBHOOK_SECRET is the signing secret of this Zendesk webhook.', { status: 401 });
  }
}
