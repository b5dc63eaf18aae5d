/**
 * Installs Baton's Freshdesk intake the way an admin does (README "Connecting a real
 * Freshdesk account"): three automation rules whose "Trigger webhook" action posts the
 * signal body to the connector with a secret header.
 * - Ticket creation rule: every new ticket.
 * - Ticket update rule: performer Requester (the customer replied), event "reply sent",
 *   and the ticket does not carry Baton's handoff tag. Baton's own writes are made by its
 *   agent, never the requester, so they cannot loop back (FACTS.md §7 loop prevention).
 * - Return rule: performer Agent, any of the events an agent's update makes (a note, a
 *   reply, a status, priority, group or assignee change), and the ticket carries the return
 *   tag. Freshdesk's update events have no "tag added" (FACTS.md §7 lists the events), so the
 *   tag is seen with the next such change, typically the note the agent writes with it. The
 *   rule also fires on Baton's own note while it swaps the tags back; the connector finds the
 *   ticket already returned and does nothing.
 * Works against any Freshdesk-compatible base URL; it uses only the public API.
 */
import { freshdeskSignalBody, type FreshdeskSignalEvent } from '../../intake/freshdesk/signal.js';

export const FRESHDESK_SECRET_HEADER = 'X-Baton-Webhook-Secret';

export interface InstallBatonRulesOptions {
  /** e.g. http://127.0.0.1:3000/webhooks/freshdesk */
  endpointUrl: string;
  secret: string;
  handoffTag?: string;
  returnTag?: string;
}

/** The update events an agent's change makes, any of which lets the return rule see the tag. */
const AGENT_UPDATE_EVENTS = ['note_type', 'reply_sent', 'status', 'priority', 'group_id', 'responder_id'];

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
    agentReturn: {
      name: 'Baton: agent returned ticket',
      active: true,
      performer: { type: 1 },
      events: AGENT_UPDATE_EVENTS.map((field_name) => ({ field_name })),
      conditions: [{ name: 'condition_set_1', match_type: 'all', properties: [{ field_name: 'ticket_tags', operator: 'contains', value: [opts.returnTag ?? 'baton_return_to_ai'] }] }],
      actions: [action('ticket.return_requested')],
    },
  };
}

export async function installBatonRules(helpdesk: { url: string; apiKey: string }, opts: InstallBatonRulesOptions): Promise<{ ticketCreated: number; customerReply: number; agentReturn: number }> {
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
  return { ticketCreated: await post(1, defs.ticketCreated), customerReply: await post(4, defs.customerReply), agentReturn: await post(4, defs.agentReturn) };
}
