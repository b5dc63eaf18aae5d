/**
 * The Baton app: installed and enabled, pointing at this connector, and Zendesk's key for its
 * signed nav_bar page is the one the connector verifies with. The shared secret is a secure
 * setting Zendesk never returns, so it cannot be compared here: a wrong one shows in the
 * sidebar as AUTH_INVALID.
 */
import { needsAdmin, normalizeUrl, type Check } from '../types.js';

const samePem = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

export const appInstallationCheck: Check = {
  id: 'app',
  title: 'Zendesk app installed, with matching settings and key',
  async run(ctx) {
    const list = await ctx.account.appInstallations();
    if (!list.ok) return list.status === 403 ? needsAdmin('app installations') : { status: 'fail', details: [`Listing app installations failed: ${list.message}`] };
    const baton = list.value.filter((i) => typeof i.settings.connector_url === 'string');
    const mine = ctx.connectorUrl ? baton.filter((i) => normalizeUrl(String(i.settings.connector_url)) === normalizeUrl(ctx.connectorUrl!)) : baton;
    if (mine.length === 0) {
      return {
        status: 'fail',
        details: [baton.length ? `The Baton app is installed with connector_url ${baton.map((i) => String(i.settings.connector_url)).join(', ')}, not ${ctx.connectorUrl}.` : 'The Baton app is not installed.'],
        fix: 'Install the app (npm run validate:app builds the zip; zcli apps:create) with connector_url set to this connector and shared_secret equal to BATON_APP_SHARED_SECRET.',
      };
    }
    const inst = mine[0]!;
    const details = [`installation ${inst.id} of app ${inst.appId}, ${inst.enabled ? 'enabled' : 'disabled'}, connector_url ${String(inst.settings.connector_url)}`];
    if (!inst.enabled) return { status: 'fail', details, fix: 'Enable the app (Admin Center > Apps and integrations > Zendesk Support apps).' };
    if (!ctx.config.BATON_APP_SHARED_SECRET) return { status: 'fail', details, fix: 'Set BATON_APP_SHARED_SECRET to the app\'s shared_secret setting: without it the app cannot call the connector.' };
    details.push('shared_secret is a secure setting Zendesk never returns: if it differs from BATON_APP_SHARED_SECRET, the sidebar says AUTH_INVALID');
    const key = await ctx.account.appPublicKeyPem(inst.appId);
    if (!key.ok) return { status: 'warn', details: [...details, `The app's public key could not be read: ${key.message}.`] };
    if (!ctx.config.BATON_APP_PUBLIC_KEY) return { status: 'warn', details: [...details, 'BATON_APP_PUBLIC_KEY is not set: admin actions from the Baton page are off.'], fix: `Set BATON_APP_PUBLIC_KEY to ${ctx.account.where.appPublicKey(inst.appId)}.` };
    const configured = ctx.config.BATON_APP_PUBLIC_KEY.includes('-----BEGIN') ? ctx.config.BATON_APP_PUBLIC_KEY.replace(/\\n/g, '\n') : null;
    if (configured !== null && !samePem(configured, key.value)) {
      return { status: 'fail', details: [...details, 'BATON_APP_PUBLIC_KEY is not this app\'s key: the Baton page would refuse every admin.'], fix: `Set BATON_APP_PUBLIC_KEY to ${ctx.account.where.appPublicKey(inst.appId)}.` };
    }
    return { status: 'ok', details: [...details, 'BATON_APP_PUBLIC_KEY is the app\'s key'] };
  },
};
