/**
 * The BUILT ticket sidebar in Chromium, inside a host page that speaks ZAF's postMessage
 * protocol to the real SDK, against a running connector API and the sandbox helpdesk.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decision, seedTicket } from '../sidebar/helpers/seed.js';
import { ensureAppBuilt } from './helpers/build-app.js';
import { launchChromium } from './helpers/chromium.js';
import { SHARED_SECRET, startConnectorApi, type ConnectorApi } from './helpers/connector-api.js';
import { screenshot } from './helpers/screenshots.js';
import { startZafHost, type HostConfig, type ZafHost } from './helpers/zaf-host.js';

let browser: Browser;
let host: ZafHost;
let api: ConnectorApi;
let ticketId: number;
const WAIT = { timeout: 15_000 };

async function sandboxGet<T>(path: string): Promise<T> {
  const res = await fetch(`${api.sandbox.url}${path}`, { headers: { Authorization: api.sandbox.authorization } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

function sidebar(over: Partial<HostConfig> = {}): HostConfig {
  return {
    location: 'ticket_sidebar',
    subdomain: api.sandbox.subdomain,
    ticketId,
    settings: { connector_url: api.url },
    secureSettings: { shared_secret: SHARED_SECRET },
    ticket: {
      subject: 'Charged twice for March',
      messages: [
        { author: 'Maya Lin', body: 'You charged my card twice for March.' },
        { author: 'Baton', body: 'Duplicate charges are usually a pending authorisation that drops off within 3 days.' },
        { author: 'Maya Lin', body: "I've tried that already and both charges are still there. This is really frustrating." },
        { author: 'Baton (internal note)', body: 'Handed to finance: VIP account, customer upset. Summary: double-charged on invoice 1042, wants a refund.', internal: true },
      ],
    },
    ...over,
  };
}

beforeAll(async () => {
  await ensureAppBuilt();
  [browser, host, api] = await Promise.all([launchChromium(), startZafHost(), startConnectorApi()]);
  const maya = { email: 'maya.lin@northwind.example', name: 'Maya Lin' };
  const earlier = api.sandbox.inbound({ requester: maya, subject: 'Exporting invoices', body: 'How do I export my invoices?' }).ticket;
  const created = api.sandbox.inbound({ requester: maya, subject: 'Charged twice for March', body: 'You charged my card twice for March.' }).ticket;
  ticketId = created.id;
  await fetch(`${api.sandbox.url}/api/v2/tickets/${ticketId}`, {
    method: 'PUT',
    headers: { Authorization: api.sandbox.authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ticket: { tags: ['baton_handoff', 'baton_intent_billing_question'] } }),
  });
  const t0 = Date.now() - 3 * 3600_000;
  const requesterId = String(created.requesterId);
  await seedTicket(api.db.store, {
    tenantId: api.tenantId,
    ticketId: String(earlier.id),
    state: 'ai',
    requesterId,
    subject: 'Exporting invoices',
    attempts: [{ decision: decision({ action: 'automate', intent: 'how_to', confidence: 0.94, team: null, reasons: [], reply: 'Go to Billing > Invoices > Export.' }), message: 'How do I export my invoices?', at: t0 - 86_400_000 }],
  });
  await seedTicket(api.db.store, {
    tenantId: api.tenantId,
    ticketId: String(ticketId),
    state: 'handed_off',
    requesterId,
    subject: 'Charged twice for March',
    attempts: [
      {
        decision: decision({ action: 'automate', intent: 'billing_question', confidence: 0.88, team: null, sentiment: { score: -0.2, label: 'neutral', trend: 0 }, reasons: [{ code: 'automatable_confident', text: 'billing_question at 0.88' }], reply: 'Duplicate charges are usually a pending authorisation that drops off within 3 days.', summary: undefined }),
        message: 'You charged my card twice for March.',
        at: t0,
      },
      {
        decision: decision({ reasons: [{ code: 'trigger_frustrated', text: "keyword 'tried that already'" }, { code: 'negative_sentiment', text: 'negative sentiment (-0.70)' }, { code: 'vip', text: 'VIP: Northwind Logistics, ARR $480k' }] }),
        message: "I've tried that already and both charges are still there. This is really frustrating.",
        at: t0 + 20 * 60_000,
      },
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await api?.close();
});

describe('ticket sidebar (built app, real SDK, running connector)', () => {
  it('shows a handed-off ticket: state, reasons, summary, every attempt, the customer', async () => {
    const { page, app } = await host.open(browser, sidebar());
    await app.getByTestId('timeline').waitFor(WAIT);
    expect(await app.getByTestId('state-tag').innerText()).toBe('With a person');
    for (const words of ['Says they are frustrated', 'Customer is upset', 'VIP account']) expect(await app.getByText(words, { exact: true }).count()).toBe(1);
    expect(await app.getByTestId('summary').innerText()).toMatch(/double-charged on invoice 1042/);
    const attempts = app.getByTestId('attempt');
    expect(await attempts.count()).toBe(2);
    expect(await attempts.nth(0).innerText()).toMatch(/Answered with the billing question playbook[\s\S]*88% sure[\s\S]*pending authorisation/);
    expect(await attempts.nth(1).innerText()).toMatch(/Handed to finance[\s\S]*62% sure[\s\S]*customer upset[\s\S]*tried that already/);
    const customer = await app.getByTestId('customer').innerText();
    expect(customer).toMatch(/VIP/);
    expect(customer).toMatch(/Maya Lin · Northwind Logistics/);
    expect(customer).toMatch(/enterprise/);
    expect(customer).toMatch(/\$480K/);
    expect(customer).toMatch(/Exporting invoices/);
    // The app sized its iframe to its content through the SDK.
    await page.waitForFunction(() => (window as unknown as { zafHost: { resizes: { height: string }[] } }).zafHost.resizes.some((r) => parseInt(r.height, 10) > 400), undefined, WAIT);
    await screenshot(page, 'sidebar-handed-off', 'screenshot-0.png');
    await page.close();
  });

  it("follows Zendesk's dark scheme and its changes", async () => {
    const { page, app } = await host.open(browser, sidebar({ colorScheme: 'dark' }));
    await app.getByTestId('timeline').waitFor(WAIT);
    await app.locator('[data-color-scheme="dark"]').waitFor(WAIT);
    await screenshot(page, 'sidebar-dark', 'screenshot-2.png');
    await page.evaluate(() => (window as unknown as { zafHost: { emit(e: string, m: unknown): void } }).zafHost.emit('colorScheme.changed', 'light'));
    await app.locator('[data-color-scheme="light"]').waitFor(WAIT);
    await page.close();
  });

  it('"Return to automation", driven by keyboard, changes the ticket in the helpdesk', async () => {
    const { page, app } = await host.open(browser, sidebar());
    const button = app.getByRole('button', { name: 'Return to automation' });
    await button.waitFor(WAIT);
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = app.getByRole('dialog');
    await dialog.waitFor(WAIT);
    await screenshot(page, 'sidebar-return-dialog');
    await dialog.getByRole('textbox').fill('Refund already issued by finance; the standard reply covers it.');
    await dialog.getByRole('button', { name: 'Return to automation' }).click();
    await app.getByText('Returned to automation. Baton will triage the next customer message.').waitFor(WAIT);
    await app.getByText('Returned to Baton', { exact: true }).waitFor(WAIT);
    expect(await app.getByTestId('return-disabled-reason').innerText()).toMatch(/Already returned/);

    const { ticket } = await sandboxGet<{ ticket: { tags: string[] } }>(`/api/v2/tickets/${ticketId}.json`);
    expect(ticket.tags).toContain('baton_returned');
    expect(ticket.tags).not.toContain('baton_handoff');
    const { comments } = await sandboxGet<{ comments: { body: string; public: boolean }[] }>(`/api/v2/tickets/${ticketId}/comments.json`);
    const note = comments.at(-1)!;
    expect(note.public).toBe(false);
    expect(note.body).toMatch(/Returned to automation by Ada Agent \(agent 9001\)/);
    expect(note.body).toMatch(/Refund already issued by finance/);
    await page.close();
  });

  it('"Flag a mistake" stores the flag', async () => {
    const { page, app } = await host.open(browser, sidebar());
    await app.getByRole('button', { name: 'Flag a mistake' }).click(WAIT);
    const dialog = app.getByRole('dialog');
    await dialog.getByText('Send flag').click();
    await dialog.getByText('Choose what went wrong.').waitFor(WAIT);
    await dialog.getByText('Sent to the wrong team').click();
    await dialog.getByLabel('Comment (optional)').fill('Duplicate charges belong to tier 1 first.');
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await app.getByText('Thanks. The flag is waiting for review.').waitFor(WAIT);
    const rows = await api.db.store.db.selectFrom('feedback').selectAll().where('ticket_id', '=', String(ticketId)).execute();
    expect(rows).toEqual([expect.objectContaining({ tenant_id: api.tenantId, kind: 'wrong_team', comment: 'Duplicate charges belong to tier 1 first.', agent_id: '9001' })]);
    await page.close();
  });

  it('says when the connector is unreachable, and what to check', async () => {
    const { page, app } = await host.open(browser, sidebar({ settings: { connector_url: 'http://127.0.0.1:9' } }));
    const problem = app.getByTestId('connector-problem');
    await problem.waitFor(WAIT);
    const text = await problem.innerText();
    expect(text).toMatch(/Cannot reach the Baton connector/);
    expect(text).toMatch(/http:\/\/127\.0\.0\.1:9/);
    expect(text).toMatch(/Connector URL setting/);
    expect(await problem.getAttribute('data-kind')).toBe('unreachable');
    await screenshot(page, 'sidebar-unreachable');
    await page.close();
  });

  it('says when the shared secret does not match', async () => {
    const { page, app } = await host.open(browser, sidebar({ secureSettings: { shared_secret: 'a-different-secret-0123456789' } }));
    const problem = app.getByTestId('connector-problem');
    await problem.waitFor(WAIT);
    expect(await problem.getAttribute('data-kind')).toBe('auth');
    expect(await problem.innerText()).toMatch(/BATON_APP_SHARED_SECRET/);
    await page.close();
  });

  it('shows the empty state for a ticket Baton never saw', async () => {
    const other = api.sandbox.inbound({ requester: { email: 'sam@acmebakery.example', name: 'Sam Rivera' }, body: 'Hello' }).ticket;
    const { page, app } = await host.open(browser, sidebar({ ticketId: other.id }));
    await app.getByTestId('empty-state').waitFor(WAIT);
    expect(await app.getByTestId('empty-state').innerText()).toMatch(/Baton has not handled this ticket/);
    await page.close();
  });

});
