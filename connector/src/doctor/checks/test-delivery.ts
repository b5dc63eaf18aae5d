/**
 * A signed test delivery round-trips: Zendesk's Test Webhook sends one request to the
 * connector signed with the webhook's secret. Its body is no trigger payload, so a connector
 * that verified the signature answers 400 WEBHOOK_INVALID_PAYLOAD (and records nothing);
 * 401 means the secrets differ, anything else that Zendesk cannot reach the connector.
 */
import { needsAdmin, type Check } from '../types.js';

export const DOCTOR_PING = JSON.stringify({ schema: 'baton.doctor.ping', note: 'baton doctor: signed test delivery' });

export const testDeliveryCheck: Check = {
  id: 'test_delivery',
  title: 'Signed test delivery round-trips',
  async run(ctx) {
    const webhook = ctx.found.webhook;
    if (!webhook) return { status: 'skip', details: ['No Baton webhook found (see above).'] };
    const sent = await ctx.account.testWebhook(webhook, DOCTOR_PING);
    if (!sent.ok) return sent.status === 403 ? needsAdmin('the webhook test') : { status: 'fail', details: [`Zendesk's webhook test failed: ${sent.message}`] };
    const { status, body } = sent.value;
    const code = /"code"\s*:\s*"([A-Z_]+)"/.exec(body)?.[1];
    if (status === 400 && code === 'WEBHOOK_INVALID_PAYLOAD') return { status: 'ok', details: [`${webhook.endpoint} verified Zendesk's signature (answered the test body with 400 ${code}, as expected).`] };
    if (status === 401) return { status: 'fail', details: [`${webhook.endpoint} refused Zendesk's signature (401 ${code ?? ''}).`], fix: 'Set BATON_WEBHOOK_SECRET to the webhook\'s signing secret, and check the connector\'s clock (signatures older than BATON_REPLAY_WINDOW_SECONDS are refused).' };
    if (status === 0) return { status: 'fail', details: [`Zendesk could not reach ${webhook.endpoint}: ${body}`], fix: 'Make the connector reachable from the internet over HTTPS at that URL.' };
    return { status: 'fail', details: [`${webhook.endpoint} answered ${status}${code ? ` ${code}` : ''}: that is not Baton's intake.`], fix: 'Point the webhook at https://<your-connector>/webhooks/zendesk.' };
  },
};
