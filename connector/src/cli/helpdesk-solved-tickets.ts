/**
 * Solved tickets of the configured helpdesk account, for `baton train --from zendesk`:
 * subject and description as text, tags and group name as labels. Read through the
 * helpdesk port, so pagination and the request budget apply.
 */
import { openHelpdesk } from '../helpdesk/open.js';
import type { SolvedTicket } from '../triage/model/tenant-training.js';
import { configFromEnv } from './runtime.js';

export async function* helpdeskSolvedTickets(): AsyncIterable<SolvedTicket> {
  const config = configFromEnv();
  if (!config.zendeskUrl || !config.ZENDESK_EMAIL || !config.ZENDESK_API_TOKEN) {
    throw new Error('baton train --from zendesk needs ZENDESK_SUBDOMAIN (or ZENDESK_BASE_URL), ZENDESK_EMAIL and ZENDESK_API_TOKEN.');
  }
  yield* openHelpdesk(config).reports.solvedTickets();
}
