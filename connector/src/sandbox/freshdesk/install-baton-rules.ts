/**
 * Installs Baton's Freshdesk intake the way an admin does (README "Connecting a real
 * Freshdesk account"): two automation rules whose "Trigger webhook" action posts the
 * signal body to the connector with a secret header.
 * - Ticket creation rule: every new ticket.
 * - Ticket update rule: performer Requester (the customer replied), event "reply sent",
 *   and the ticket does not carry Baton's handoff tag. Baton's own writes are made by its
 *   agent, never the requester, so they cannot loop back (FACTS.md §7 loop prevention).
 * Works against any Freshdesk-compatible base URL; it uses only the public API.
 */
import { freshdeskSignalBody, type FreshdeskSignalEvent } from '../../intake/freshdesk/signal.js';

export const FRESHDESK_SECRET_HEADER = 'X-Baton-Webhook-Secret';

export interface InstallBatonRulesOptions {
  /** e.g. http://127.0.0.1:3000/webhooks/freshdesk */
  endpointUrl: string;
  secret: string;
  handoffTag?: string;
}

export function batonRuleDefinitions(opts: InstallBatonRulesOptions) {
  const action = (event: FreshdeskSignalEvent) => ({
    field_name: 'trigger_webhook',
    request_type: 'POST',
    url: opts.endpointUrl,
    custom_headers: { [FRESHDESK_SECRET_HEADER]: opts.secret },
    content: { content_layout: 'advanced', content_type: 'json', body: freshdeskSignalBody(event) },
  });
  return {
    ticketCreated: { name: 'Baton: new ticket', active: true, actions: [action('ticket.created')] },
    customerReply: {
      name: 'Baton: customer reply',
      active: true,
      performer: { type: 2 },
      events: [{ field_name: 'reply_sent' }],
      conditions: [{ name: 'condition_set_1', match_type: 'all', properties: [{ field_name: 'ticket_tags', operator: 'does_not_contain', value: [opts.handoffTag ?? 'baton_handoff'] }] }],
      actions: [action('ticket.customer_reply')],
    },
  };
}

export async function installBatonRules(helpdesk: { url: string; apiKey: string }, opts: InstallBatonRulesOptions): Promise<{ ticketCreated: number; customerReply: number }> {
  const defs = batonRuleDefinitions(opts);
  const post = async (type: number, body: unknown): Promise<number> => {
    const res = await fetch(`${helpdesk.url}/api/v2/automations/${type}/rules`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${helpdesk.apiKey}:X`).toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`creating rule "${(body as { name: string }).name}" failed with ${res.status}: ${text}`);
    return (JSON.parse(text) as { id: number }).id;
  };
  return { ticketCreated: await post(1, defs.ticketCreated), customerReply: await post(4, defs.customerReply) };
}
