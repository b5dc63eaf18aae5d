/** Baton's webhook: exists, points at this connector, is active, and signs with a secret the connector accepts. */
import type { SetupWebhook } from '../../helpdesk/account-setup.js';
import { needsAdmin, normalizeUrl, type Check, type DoctorContext } from '../types.js';

const WEBHOOK_PATH = '/webhooks/zendesk';

function isBatons(w: SetupWebhook, ctx: DoctorContext): boolean {
  const endpoint = normalizeUrl(w.endpoint);
  if (ctx.connectorUrl) return endpoint === normalizeUrl(`${ctx.connectorUrl}${WEBHOOK_PATH}`);
  return endpoint.endsWith(WEBHOOK_PATH);
}

export const webhookCheck: Check = {
  id: 'webhook',
  title: 'Webhook: exists, active, signing secret matches',
  async run(ctx) {
    const list = await ctx.account.webhooks();
    if (!list.ok) return list.status === 403 ? needsAdmin('webhooks') : { status: 'fail', details: [`Listing webhooks failed: ${list.message}`] };
    const mine = list.value.filter((w) => isBatons(w, ctx));
    const where = ctx.connectorUrl ? `${normalizeUrl(ctx.connectorUrl)}${WEBHOOK_PATH}` : `…${WEBHOOK_PATH}`;
    if (mine.length === 0) {
      return { status: 'fail', details: [`No webhook posts to ${where} (${list.value.length} webhook(s) on the account).`], fix: 'Install the Baton app (its requirements.json creates the webhook), or create one in Admin Center > Webhooks with that endpoint, method POST, JSON.' };
    }
    const webhook = mine.find((w) => w.status === 'active') ?? mine[0]!;
    ctx.found.webhook = webhook;
    const details = [`"${webhook.name}" (${webhook.id}) → ${webhook.endpoint}, ${webhook.status}`];
    if (webhook.status !== 'active') return { status: 'fail', details, fix: 'Activate the webhook (Admin Center > Webhooks): an inactive webhook sends nothing.' };
    const secret = await ctx.account.webhookSecret(webhook.id);
    if (!secret.ok) return secret.status === 403 ? needsAdmin('the signing secret') : { status: 'fail', details: [...details, `Reading the signing secret failed: ${secret.message}`] };
    if (!ctx.config.webhookSecrets.includes(secret.value)) {
      return { status: 'fail', details: [...details, 'Its signing secret is none of BATON_WEBHOOK_SECRET, BATON_WEBHOOK_SECRET_PREVIOUS, BATON_WEBHOOK_SECRETS: every delivery would be refused (401).'], fix: `Set BATON_WEBHOOK_SECRET to the webhook's secret (${ctx.account.where.webhookSecret(webhook.id)}, or Reveal secret in Admin Center).` };
    }
    return { status: 'ok', details: [...details, 'signing secret matches the connector\'s'] };
  },
};
