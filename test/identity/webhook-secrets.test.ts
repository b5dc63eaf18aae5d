/**
 * Every webhook that posts to the connector has its own secret (a trigger webhook, an
 * event-subscription webhook, a Freshdesk rule's header, one being rotated): the connector
 * accepts a list of them, on either helpdesk.
 * The app's secure setting declares where Zendesk's proxy may put it (`scopes`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../connector/src/config/load.js';
import { freshdeskSignalBody } from '../../connector/src/intake/freshdesk/signal.js';
import { HELPDESKS, startStack, type Stack } from '../helpers/stack.js';
import { zendeskHeaders } from '../helpers/webhooks.js';

const root = path.join(import.meta.dirname, '../..');
const eventBody = fs.readFileSync(path.join(root, 'test/fixtures/zendesk/zen-event-ticket-comment-added.json'), 'utf8');
const SUBSCRIPTION_SECRET = 'event-subscription-secret-0123456789';
const THIRD_SECRET = 'another-webhook-secret-0123456789';

/**
 * A delivery authenticated with one secret: Zendesk signs the body with it; Freshdesk's rule
 * sends it in its secret header (a signal about a ticket that exists).
 */
const DELIVER = {
  zendesk: (stack: Stack, secret: string) => fetch(`${stack.url}/webhooks/zendesk`, { method: 'POST', headers: zendeskHeaders(secret, eventBody), body: eventBody }),
  freshdesk: (stack: Stack, secret: string) => {
    const id = stack.sandbox.state.listTickets()[0]!.id;
    const body = freshdeskSignalBody('ticket.created').replace('{{ticket.id}}', String(id)).replace('{{ticket.url}}', '').replace('{{triggered_event}}', '{ticket_action:created}');
    return fetch(`${stack.url}/webhooks/freshdesk`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-baton-webhook-secret': secret }, body });
  },
};

describe.each(HELPDESKS)('a list of webhook secrets (%s)', (helpdesk) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ helpdesk, env: { BATON_WEBHOOK_SECRETS: ` ${SUBSCRIPTION_SECRET} , ${THIRD_SECRET}` } });
    stack.sandbox.inbound({ requester: { name: 'Sol Secret', email: 'sol@example.com' }, subject: 'Order', body: 'Where is my order NW-100321?', channel: 'web' });
    await stack.settle();
  });
  afterAll(async () => stack?.close());

  const post = (secret: string) => DELIVER[helpdesk](stack, secret);

  it('accepts a delivery authenticated with any secret of the list, besides the current one', async () => {
    expect((await post(SUBSCRIPTION_SECRET)).status).toBe(202);
    expect((await post(stack.secret)).status).toBe(202);
  });

  it('still refuses a delivery authenticated with a secret nobody configured', async () => {
    const res = await post('a-secret-nobody-configured-0123');
    expect(res.status).toBe(401);
  });
});

describe('the configured secrets', () => {
  it('refuses to start with a secret in the list that is too short to be a Zendesk signing secret', () => {
    expect(() => loadConfig({ BATON_WEBHOOK_SECRET: 'a-long-enough-secret-123', BATON_WEBHOOK_SECRETS: `${THIRD_SECRET},short` })).toThrow(/BATON_WEBHOOK_SECRETS.*at least 16 characters/s);
  });
});

describe('the secure setting of the app', () => {
  it('declares its scopes: only the JWT key of proxied requests may carry it', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { parameters: { name: string; secure?: boolean; scopes?: string[] }[] };
    const secure = manifest.parameters.filter((p) => p.secure);
    expect(secure.map((p) => p.name)).toEqual(['shared_secret']);
    for (const p of secure) expect(p.scopes).toEqual(['jwt_secret_key']);
  });
});
