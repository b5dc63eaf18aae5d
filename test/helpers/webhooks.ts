/** Sign webhook bodies in tests with the real algorithm (independent of the code under test). */
import crypto from 'node:crypto';

export function zendeskHeaders(secret: string, body: string, at: Date = new Date()): Record<string, string> {
  const timestamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const signature = crypto.createHmac('sha256', secret).update(timestamp + body).digest('base64');
  return {
    'content-type': 'application/json',
    'x-zendesk-webhook-signature': signature,
    'x-zendesk-webhook-signature-timestamp': timestamp,
    'x-zendesk-webhook-id': '01HWEBHOOKTEST',
    'x-zendesk-webhook-invocation-id': crypto.randomUUID(),
    'x-zendesk-account-id': '1234',
  };
}
