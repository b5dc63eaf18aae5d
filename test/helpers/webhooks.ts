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

/**
 * Send a delivery's body to the connector again, as the helpdesk would resend it: Zendesk
 * signs it afresh; Freshdesk's rule sends its secret header (it signs nothing).
 */
export function redeliver(helpdesk: 'zendesk' | 'freshdesk', connectorUrl: string, secret: string, body: string): Promise<Response> {
  const headers = helpdesk === 'zendesk' ? zendeskHeaders(secret, body) : { 'content-type': 'application/json', 'x-baton-webhook-secret': secret };
  return fetch(`${connectorUrl}/webhooks/${helpdesk}`, { method: 'POST', body, headers });
}
