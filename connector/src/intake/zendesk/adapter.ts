/**
 * Zendesk deliveries: POST /webhooks/zendesk from a webhook with a signing secret, fired by
 * Baton's triggers (the `baton.trigger.v1` body) or an event subscription (`zen:event-type:*`).
 */
import { BatonError } from '../../errors.js';
import type { IntakeAdapter } from '../adapter.js';
import { parseZendeskWebhook } from './parse.js';
import { salvageZendeskDelivery } from './salvage.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyZendeskSignature } from './signature.js';

export interface ZendeskIntakeOptions {
  /** The webhook's signing secret, and the previous one during a rotation. */
  secrets: string[];
  replayWindowSeconds: number;
}

export function zendeskIntake(opts: ZendeskIntakeOptions): IntakeAdapter {
  if (opts.secrets.length === 0) throw new BatonError('CONFIG_INVALID', 'No webhook secret configured: set BATON_WEBHOOK_SECRET.');
  return {
    provider: 'zendesk',
    path: '/webhooks/zendesk',
    deliveryId: (d) => String(d.header('x-zendesk-webhook-invocation-id') ?? d.header('x-request-id') ?? 'unknown'),
    verify: (d) => verifyZendeskSignature({ signature: d.header(SIGNATURE_HEADER), timestamp: d.header(TIMESTAMP_HEADER) }, d.raw, opts),
    parse: (d, deliveryId) => parseZendeskWebhook(d.raw, { deliveryId, accountHeader: d.header('x-zendesk-account-id') ?? undefined, receivedAt: d.receivedAt }),
    salvage: (d) => {
      const s = salvageZendeskDelivery(d.raw.toString('utf8'), d.header('x-zendesk-account-id') ?? undefined);
      return { ...s, returnRequest: s.event === 'ticket.return_requested' };
    },
  };
}
