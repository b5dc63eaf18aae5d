/** The API user: do the credentials work, and what can its role not do. */
import { apiUserOrFailure, type Check } from '../types.js';

const AGENT_CANNOT = [
  'list CSAT ratings (CSAT sync skips them)',
  'read the webhook, its signing secret and the app installation (the doctor skips those checks)',
];

export const credentialsCheck: Check = {
  id: 'credentials',
  title: 'API credentials and the API user\'s role',
  async run(ctx) {
    const read = await apiUserOrFailure(ctx.account, {
      refused: { status: 'fail', details: [`Zendesk refused ZENDESK_EMAIL and ZENDESK_API_TOKEN (401) at ${ctx.account.baseUrl}.`], fix: 'Check the e-mail and the API token (Admin Center > Apps and integrations > Zendesk API); token access must be enabled.' },
      unreachable: (message) => ({ status: 'fail', details: [`Zendesk could not be read at ${ctx.account.baseUrl}: ${message}`], fix: 'Check ZENDESK_SUBDOMAIN or ZENDESK_BASE_URL and that this machine reaches Zendesk.' }),
    });
    if ('failure' in read) return read.failure;
    const { me } = read;
    ctx.found.role = me.role;
    const who = `${me.name} <${me.email ?? '?'}> (id ${me.id}), role ${me.role}`;
    if (me.role === 'admin') return { status: 'ok', details: [who] };
    if (me.role === 'agent') {
      return { status: 'warn', details: [who, ...AGENT_CANNOT.map((c) => `as an agent it cannot ${c}`)], fix: 'Enough to triage and hand off; use an admin for CSAT and for a full doctor run.' };
    }
    return { status: 'fail', details: [who, 'an end user cannot read or update tickets'], fix: 'Use the API token of an agent or admin.' };
  },
};
