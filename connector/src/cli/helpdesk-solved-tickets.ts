/**
 * Solved tickets of the named helpdesk account, for `baton train --from zendesk|freshdesk`:
 * subject and description as text, tags and group name as labels. Read through the
 * helpdesk port, so pagination and the request budget apply.
 */
import { helpdeskFromEnv } from '../helpdesk/open.js';
import type { SolvedTicket } from '../triage/model/tenant-training.js';

export async function* helpdeskSolvedTickets(helpdesk: 'zendesk' | 'freshdesk'): AsyncIterable<SolvedTicket> {
  yield* helpdeskFromEnv(process.env, helpdesk).reports.solvedTickets();
}
