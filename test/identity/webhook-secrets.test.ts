/**
 * Every webhook that posts to the connector has its own signing secret (a trigger webhook,
 * an event-subscription webhook, one being rotated): the connector accepts a list of them.
 * The app's secure setting declares where Zendesk's proxy may put it (`scopes`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../connector/src/config/load.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { zendeskHeaders } from '../helpers/webhooks.js';

const root = path.join(import.meta.dirname, '../..');
const eventBody = fs.readFileSync(path.join(root, 'test/fixtures/zendesk/zen-event-ticket-comment-added.json'), 'utf8');
const SUBSCRIPTION_SECRET = 'event-subscription-secret-0123456789';
const THIRD_SECRET = 'another-webhook-secret-0123456789';

describe('a list of webhook signing secrets', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { BATON_WEBHOOK_SECRETS: ` ${SUBSCRIPTION_SECRET} , ${THIRD_SECRET}` } });
  });
  afterAll(async () => stack?.close());

  const post = (secret: string) => fetch(`${stack.url}/webhooks/zendesk`, { method: 'POST', headers: zendeskHeaders(secret, eventBody), body: eventBody });

  it('accepts a delivery signed with any secret of the list, besides the current one', async () => {
    expect((await post(SUBSCRIPTION_SECRET)).status).toBe(202);
    expect((await post(stack.secret)).status).toBe(202);
  });

  it('still refuses a delivery signed with a secret nobody configured', async () => {
    const res = await post('a-secret-nobody-configured-0123');
    expect(res.status).toBe(401);
  });

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
