/**
 * Installs Baton's intake the way an admin (or requirements.json) does on a real account:
 * one signed webhook and two triggers that send the connector's trigger body — one when a
 * customer creates a ticket, one when a customer adds a public comment. Both exclude changes
 * made through the API (via id 5), so Baton's own updates never loop back into intake.
 *
 * Works against any Zendesk-compatible base URL; it uses only the public API.
 */
import { RETURN_TO_AI_TAG, triggerBody } from '../intake/zendesk/trigger-payload.js';
import type { TriggerCondition } from './model.js';

export interface InstallBatonTriggersOptions {
  /** The connector's webhook URL, e.g. http://127.0.0.1:3000/webhooks/zendesk. */
  endpointUrl: string;
  /** Signing secret to use; by default the helpdesk issues one (read back from the API). */
  secret?: string;
  name?: string;
}

export interface BatonTriggers {
  webhookId: string;
  secret: string;
  triggers: { ticketCreated: number; commentAdded: number; returnRequested: number };
}

/** The two trigger definitions (title, conditions, actions) for a webhook id. */
export function batonTriggerDefinitions(webhookId: string): { ticketCreated: TriggerDefinition; commentAdded: TriggerDefinition; returnRequested: TriggerDefinition } {
  const byCustomer: TriggerCondition[] = [
    { field: 'role', operator: 'is', value: 'end_user' },
    { field: 'current_via_id', operator: 'is_not', value: 5 },
  ];
  return {
    ticketCreated: {
      title: 'Baton: ticket created by customer',
      conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }, ...byCustomer], any: [] },
      actions: [{ field: 'notification_webhook', value: [webhookId, triggerBody('ticket.created')] }],
    },
    commentAdded: {
      title: 'Baton: public comment by customer',
      conditions: {
        all: [{ field: 'update_type', operator: 'is', value: 'Change' }, { field: 'comment_is_public', operator: 'is', value: 'true' }, ...byCustomer],
        any: [],
      },
      actions: [{ field: 'notification_webhook', value: [webhookId, triggerBody('ticket.comment_added')] }],
    },
    // An agent (or a macro) adds the return tag: the ticket goes back to automation.
    returnRequested: {
      title: 'Baton: agent returned ticket to automation',
      conditions: {
        all: [
          { field: 'update_type', operator: 'is', value: 'Change' },
          { field: 'current_tags', operator: 'includes', value: RETURN_TO_AI_TAG },
          { field: 'role', operator: 'is', value: 'agent' },
          { field: 'current_via_id', operator: 'is_not', value: 5 },
        ],
        any: [],
      },
      actions: [{ field: 'notification_webhook', value: [webhookId, triggerBody('ticket.return_requested')] }],
    },
  };
}

export interface TriggerDefinition {
  title: string;
  conditions: { all: TriggerCondition[]; any: TriggerCondition[] };
  actions: Array<{ field: string; value: string[] }>;
}

async function call<T>(helpdesk: { url: string; authorization: string }, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${helpdesk.url}${path}`, {
    method,
    headers: { Authorization: helpdesk.authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} failed with ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export async function installBatonTriggers(helpdesk: { url: string; authorization: string }, opts: InstallBatonTriggersOptions): Promise<BatonTriggers> {
  const { webhook } = await call<{ webhook: { id: string } }>(helpdesk, 'POST', '/api/v2/webhooks', {
    webhook: {
      name: opts.name ?? 'Baton intake',
      status: 'active',
      endpoint: opts.endpointUrl,
      http_method: 'POST',
      request_format: 'json',
      subscriptions: ['conditional_ticket_events'],
      ...(opts.secret ? { signing_secret: { algorithm: 'SHA256', secret: opts.secret } } : {}),
    },
  });
  const { signing_secret } = await call<{ signing_secret: { secret: string } }>(helpdesk, 'GET', `/api/v2/webhooks/${webhook.id}/signing_secret`);
  const defs = batonTriggerDefinitions(webhook.id);
  const created = await call<{ trigger: { id: number } }>(helpdesk, 'POST', '/api/v2/triggers', { trigger: defs.ticketCreated });
  const commented = await call<{ trigger: { id: number } }>(helpdesk, 'POST', '/api/v2/triggers', { trigger: defs.commentAdded });
  const returned = await call<{ trigger: { id: number } }>(helpdesk, 'POST', '/api/v2/triggers', { trigger: defs.returnRequested });
  return { webhookId: webhook.id, secret: signing_secret.secret, triggers: { ticketCreated: created.trigger.id, commentAdded: commented.trigger.id, returnRequested: returned.trigger.id } };
}
