/**
 * Zendesk webhook signing ("Verifying webhook authenticity"): the signature is
 * base64(HMAC-SHA256(signing secret, timestamp + raw body)), the timestamp is sent alongside in
 * X-Zendesk-Webhook-Signature-Timestamp as ISO 8601 without fractions (2026-11-24T10:00:00Z).
 * The secret's text is the HMAC key as is (it is not base64-decoded first).
 */
import { createHmac, randomBytes } from 'node:crypto';

export function signatureTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function signWebhookBody(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(timestamp + rawBody).digest('base64');
}

/** A fresh secret in the format Zendesk issues (base64 text). */
export function newSigningSecret(): string {
  return randomBytes(32).toString('base64');
}
