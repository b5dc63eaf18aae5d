/**
 * The BUILT Freshdesk app in Chromium, inside a host page that imitates the Freshworks
 * client (freshworks-client.js + freshworks-host.ts): app.initialized, data.get('ticket' |
 * 'domainName' | 'loggedInUser'), iparams.get, instance.resize, events.on('app.activated'),
 * and request.invoke('connectorCall'), which runs the app's real server/server.js with the
 * request templates of config/requests.json against a running connector API. The same
 * React components as the Zendesk sidebar render the attempt history, reasons, summary,
 * return to automation and flag a mistake.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decision, seedTicket } from '../sidebar/helpers/seed.js';
import { ensureFreshdeskAppBuilt } from './helpers/build-freshdesk-app.js';
import { launchChromium } from './helpers/chromium.js';
import { SHARED_SECRET, startConnectorApi, type ConnectorApi } from './helpers/connector-api.js';
import { startFreshworksHost, type FreshworksHost, type FreshworksHostConfig } from './helpers/freshworks-host.js';
import { screenshot } from './helpers/screenshots.js';

let browser: Browser;
let host: FreshworksHost;
let api: ConnectorApi;
let ticketId: number;
const WAIT = { timeout: 15_000 };

function config(over: Partial<FreshworksHostConfig> = {}): FreshworksHostConfig {
  return {
    // The connector picks the tenant from the token's iss: the account part of the domain.
    domainName: `${api.sandbox.subdomain}.freshdesk.com`,
    ticket: { id: ticketId, subject: 'Charged twice for March' },
    loggedInUser: { id: 77, contact: { name: 'Fern Agent', email: 'fern@example.com', language: 'en' } },
    iparams: { connector_url: api.url, connector_host: api.url.replace(/^https?:\/\//, '') },
    secureIparams: { shared_secret: SHARED_SECRET },
    ...over,
  };
}

beforeAll(async () => {
  await ensureFreshdeskAppBuilt();
  [browser, host, api] = await Promise.all([launchChromium(), startFreshworksHost(), startConnectorApi()]);
  const maya = { email: 'maya.lin@northwind.example', name: 'Maya Lin' };
  const created = api.sandbox.inbound({ requester: maya, subject: 'Charged twice for March', body: 'You charged my card twice for March.' }).ticket;
  ticketId = created.id;
  await fetch(`${api.sandbox.url}/api/v2/tickets/${ticketId}`, {
    method: 'PUT',
    headers: { Authorization: api.sandbox.authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ticket: { tags: ['baton_handoff', 'baton_intent_billing_question'] } }),
  });
  await seedTicket(api.db.store, {
    tenantId: api.tenantId,
    ticketId: String(ticketId),
    state: 'handed_off',
    requesterId: String(created.requesterId),
    subject: 'Charged twice for March',
    attempts: [
      {
        decision: decision({ action: 'automate', intent: 'billing_question', confidence: 0.88, team: null, reasons: [{ code: 'automatable_confident', text: 'billing_question at 0.88' }], reply: 'Duplicate charges are usually a pending authorisation.', summary: undefined }),
        message: 'You charged my card twice for March.',
        at: Date.now() - 3 * 3600_000,
      },
      {
        decision: decision({ reasons: [{ code: 'trigger_frustrated', text: "keyword 'tried that already'" }, { code: 'vip', text: 'VIP: Northwind Logistics' }] }),
        message: "I've tried that already. This is really frustrating.",
        at: Date.now() - 2 * 3600_000,
      },
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await api?.close();
});

describe('Freshdesk app (built, imitated Freshworks client, real server method, running connector)', () => {
  it('shows the handed-off ticket: state, reasons, summary and every attempt, and sizes its frame', async () => {
    const { page, app } = await host.open(browser, config());
    await app.getByTestId('timeline').waitFor(WAIT);
    expect(await app.getByTestId('state-tag').innerText()).toBe('With a person');
    expect(await app.getByText('VIP account', { exact: true }).count()).toBe(1);
    expect(await app.getByTestId('summary').count()).toBe(1);
    expect(await app.getByTestId('attempt').count()).toBe(2);
    await page.waitForFunction(() => (window as any).fwHost.resizes.some((r: { height: string }) => parseInt(r.height, 10) > 300), undefined, WAIT);
    const calls: string[] = await page.evaluate(() => (window as any).fwHost.calls);
    expect(calls).toEqual(expect.arrayContaining(['app.initialized', 'data.get ticket', 'data.get domainName', 'data.get loggedInUser', 'iparams.get', 'request.invoke connectorCall']));
    await screenshot(page, 'freshdesk-sidebar-handed-off');
    await page.close();
  });

  it('"Return to automation" goes through the server method and changes the ticket', async () => {
    const { page, app } = await host.open(browser, config());
    const button = app.getByRole('button', { name: 'Return to automation' });
    await button.waitFor(WAIT);
    await button.click();
    const dialog = app.getByRole('dialog');
    await dialog.waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Return to automation' }).click();
    await app.getByText('Returned to Baton', { exact: true }).waitFor(WAIT);
    expect(api.sandbox.state.getTicket(ticketId)!.tags).toContain('baton_returned');
    await page.close();
  });

  it('says the connector refused the app when the shared secret is wrong, and never sends it to the browser', async () => {
    const { page, app } = await host.open(browser, config({ secureIparams: { shared_secret: 'not-the-secret-0123456789abcdef' } }));
    await app.getByTestId('connector-problem').waitFor(WAIT);
    const leaked = await page.evaluate(() => JSON.stringify((window as any).fwHost) + document.documentElement.outerHTML);
    expect(leaked).not.toContain('not-the-secret');
    await page.close();
  });
});
