/**
 * A trigger delivery names the account by subdomain; an event-subscription delivery only by
 * its numeric id. Both must land in the same tenant, so the ticket shows in the sidebar and
 * the same comment delivered both ways has one effect.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';
import { zendeskHeaders } from '../helpers/webhooks.js';

const fixtures = path.join(import.meta.dirname, '../fixtures/zendesk');
const eventBody = fs.readFileSync(path.join(fixtures, 'zen-event-ticket-comment-added.json'), 'utf8');
const event = JSON.parse(eventBody) as { account_id: number; detail: { id: string; requester_id: string }; event: { comment: { id: string; body: string } } };
/** The trigger's body for the same comment the event subscription reports. */
const triggerBody = (() => {
  const t = JSON.parse(fs.readFileSync(path.join(fixtures, 'trigger-ticket-comment-added.json'), 'utf8'));
  t.ticket.id = event.detail.id;
  t.ticket.url = `northwind.zendesk.com/agent/tickets/${event.detail.id}`;
  t.comment.id = event.event.comment.id;
  t.comment.body = event.event.comment.body;
  t.comment.author_id = t.requester.id = t.current_user.id = event.detail.requester_id;
  return JSON.stringify(t);
})();
const ACCOUNT_ID = String(event.account_id);

describe('one tenant for trigger and event-subscription deliveries', () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  const post = (s: Stack, body: string) => {
    const headers = { ...zendeskHeaders(s.secret, body), 'x-zendesk-account-id': ACCOUNT_ID };
    return fetch(`${s.url}/webhooks/zendesk`, { method: 'POST', headers, body }).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string; event_id?: string } }));
  };
  const tenants = async (s: Stack) => (await s.db.store.db.selectFrom('webhook_events').select('tenant_id').execute()).map((r) => r.tenant_id);

  it('maps the numeric account id to the subdomain the connector serves, and dedupes the same comment across both paths', async () => {
    stack = await startStack({ env: { ZENDESK_SUBDOMAIN: 'northwind' } });
    const viaSubscription = await post(stack, eventBody);
    expect(viaSubscription).toEqual({ status: 202, body: { status: 'accepted', event_id: `zendesk:northwind:${event.detail.id}:c${event.event.comment.id}` } });
    const viaTrigger = await post(stack, triggerBody);
    expect(viaTrigger.body.status).toBe('duplicate');
    expect(await tenants(stack)).toEqual(['zendesk:northwind']);
  });

  it('learns the mapping from a trigger delivery when the configuration names no subdomain', async () => {
    stack = await startStack();
    expect((await post(stack, triggerBody)).body.status).toBe('accepted');
    expect((await post(stack, eventBody)).body.status).toBe('duplicate');
    expect(await tenants(stack)).toEqual(['zendesk:northwind']);
  });
});
