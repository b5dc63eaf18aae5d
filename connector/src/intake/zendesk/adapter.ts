/**
 * Zendesk deliveries: POST /webhooks/zendesk from a webhook with a signing secret, fired by
 * Baton's triggers (the `baton.trigger.v1` body) or an event subscription (`zen:event-type:*`).
 */
import { BatonError } from '../../errors.js';
import type { IntakeAdapter } from '../adapter.js';
import type { ZendeskAccountIdentity } from './account-identity.js';
import { parseZendeskWebhook } from './parse.js';
import { salvageZendeskDelivery } from './salvage.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyZendeskSignature } from './signature.js';

export interface ZendeskIntakeOptions {
  /** Every signing secret accepted (current, previous, and other webhooks' such as an event subscription's). */
  secrets: string[];
  replayWindowSeconds: number;
  /** One tenant for an account named by subdomain (triggers) or numeric id (event subscriptions). */
  identity?: ZendeskAccountIdentity;
}

export function zendeskIntake(opts: ZendeskIntakeOptions): IntakeAdapter {
  if (opts.secrets.length === 0) throw new BatonError('CONFIG_INVALID', 'No webhook secret configured: set BATON_WEBHOOK_SECRET.');
  return {
    provider: 'zendesk',
    path: '/webhooks/zendesk',
    deliveryId: (d) => String(d.header('x-zendesk-webhook-invocation-id') ?? d.header('x-request-id') ?? 'unknown'),
    verify: (d) => verifyZendeskSignature({ signature: d.header(SIGNATURE_HEADER), timestamp: d.header(TIMESTAMP_HEADER) }, d.raw, opts),
    parse: (d, deliveryId) => parseZendeskWebhook(d.raw, { deliveryId, accountHeader: d.header('x-zendesk-account-id') ?? undefined, receivedAt: d.receivedAt, identity: opts.identity }),
    salvage: (d) => {
      const s = salvageZendeskDelivery(d.raw.toString('utf8'), d.header('x-zendesk-account-id') ?? undefined);
      return { ...s, returnRequest: s.event === 'ticket.return_requested' };
    },
  };
}
