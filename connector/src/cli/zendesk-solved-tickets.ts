/**
 * Solved tickets of the configured Zendesk account, for `baton train --from zendesk`:
 * subject and description as text, tags and group name as labels. Read through the
 * gateway, so pagination and the request budget apply.
 */
import { ZendeskGateway } from '../helpdesk/zendesk/gateway.js';
import type { SolvedTicket } from '../triage/model/tenant-training.js';
import { configFromEnv } from './runtime.js';

export async function* zendeskSolvedTickets(): AsyncIterable<SolvedTicket> {
  const config = configFromEnv();
  if (!config.zendeskUrl || !config.ZENDESK_EMAIL || !config.ZENDESK_API_TOKEN) {
    throw new Error('baton train --from zendesk needs ZENDESK_SUBDOMAIN (or ZENDESK_BASE_URL), ZENDESK_EMAIL and ZENDESK_API_TOKEN.');
  }
  const gateway = new ZendeskGateway({ baseUrl: config.zendeskUrl, email: config.ZENDESK_EMAIL, apiToken: config.ZENDESK_API_TOKEN, ratePerMinute: config.ZENDESK_RATE_LIMIT_PER_MINUTE });
  const groups = new Map((await gateway.listGroups()).map((g) => [g.id, g.name]));
  for await (const t of gateway.paginate<{ subject: string | null; description?: string; tags: string[]; group_id: number | null }>(`/api/v2/search?query=${encodeURIComponent('type:ticket status:solved')}`, 'results')) {
    yield { text: `${t.subject ?? ''}\n${t.description ?? ''}`.trim(), tags: t.tags, group: t.group_id ? groups.get(t.group_id) ?? null : null };
  }
}
