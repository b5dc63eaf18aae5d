/**
 * The BUILT ticket sidebar in Chromium, inside a host page that speaks ZAF's postMessage
 * protocol to the real SDK, against a running connector API and the sandbox helpdesk.
 * The window is 1280x800 and the sidebar column 320 px, as in Zendesk's agent interface;
 * the main views run in light and dark, in English and German, and each saves a screenshot
 * to test-artifacts/screenshots/ (reports/screenshots/ with BATON_UPDATE_SCREENSHOTS=1).
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decision, seedTicket } from '../sidebar/helpers/seed.js';
import { ensureAppBuilt } from './helpers/build-app.js';
import { launchChromium } from './helpers/chromium.js';
import { SHARED_SECRET, startConnectorApi, type ConnectorApi } from './helpers/connector-api.js';
import { clippedTexts, insideWindow, overflowsSideways } from './helpers/layout-checks.js';
import { screenshot } from './helpers/screenshots.js';
import { startZafHost, type HostConfig, type ZafHost } from './helpers/zaf-host.js';

let browser: Browser;
let host: ZafHost;
let api: ConnectorApi;
let ticketId: number;
let returnedTicketId: number;
let automatedTicketId: number;
let earlierTicketId: number;
const WAIT = { timeout: 15_000 };
/** A tenant's own policy rule: the app has no words for it, so the connector's sentence shows, whole. */
const TENANT_REASON = 'Refund above the approval limit for this plan, asked twice within one week, on an account whose card was declined on the last two invoices';

const ADMIN = { id: 9002, name: 'Ari Admin', locale: 'en-US', role: 'admin' };
const AGENT_DE = { id: 9003, name: 'Dana Agentin', locale: 'de-DE', role: 'agent' };

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

async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#app-frame');
  return (await handle.contentFrame())!;
}

async function seedHandedOff(subject: string): Promise<number> {
  const maya = { email: 'maya.lin@northwind.example', name: 'Maya Lin' };
  const created = api.sandbox.inbound({ requester: maya, subject, body: 'You charged my card twice for March.' }).ticket;
  await fetch(`${api.sandbox.url}/api/v2/tickets/${created.id}`, {
    method: 'PUT',
    headers: { Authorization: api.sandbox.authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ticket: { tags: ['baton_handoff', 'baton_intent_billing_question'] } }),
  });
  const t0 = Date.now() - 3 * 3600_000;
  await seedTicket(api.db.store, {
    tenantId: api.tenantId,
    ticketId: String(created.id),
    state: 'handed_off',
    requesterId: String(created.requesterId),
    subject,
    attempts: [
      {
        decision: decision({ action: 'automate', intent: 'billing_question', confidence: 0.88, team: null, sentiment: { score: -0.2, label: 'neutral', trend: 0 }, reasons: [{ code: 'automatable_confident', text: 'billing_question at 0.88' }], reply: 'Duplicate charges are usually a pending authorisation that drops off within 3 days.', summary: undefined }),
        message: 'You charged my card twice for March.',
        at: t0,
      },
      {
        decision: decision({
          reasons: [
            { code: 'trigger_frustrated', text: "keyword 'tried that already'" },
            { code: 'negative_sentiment', text: 'negative sentiment (-0.70)' },
            { code: 'vip', text: 'VIP: Northwind Logistics, ARR $480k' },
            { code: 'tenant_refund_limit', text: TENANT_REASON },
          ],
        }),
        message: "I've tried that already and both charges are still there. This is really frustrating.",
        at: t0 + 20 * 60_000,
      },
    ],
  });
  return created.id;
}

beforeAll(async () => {
  await ensureAppBuilt();
  [browser, host, api] = await Promise.all([launchChromium(), startZafHost(), startConnectorApi()]);
  const maya = { email: 'maya.lin@northwind.example', name: 'Maya Lin' };
  const earlier = api.sandbox.inbound({ requester: maya, subject: 'Exporting invoices', body: 'How do I export my invoices?' }).ticket;
  earlierTicketId = earlier.id;
  ticketId = await seedHandedOff('Charged twice for March');
  returnedTicketId = await seedHandedOff('Charged twice again');
  await seedTicket(api.db.store, {
    tenantId: api.tenantId,
    ticketId: String(earlier.id),
    state: 'ai',
    requesterId: String(earlier.requesterId),
    subject: 'Exporting invoices',
    attempts: [{ decision: decision({ action: 'automate', intent: 'how_to', confidence: 0.94, team: null, reasons: [{ code: 'automatable_confident', text: 'how_to at 0.94' }], reply: 'Go to Billing > Invoices > Export.' }), message: 'How do I export my invoices?', at: Date.now() - 86_400_000 }],
  });
  automatedTicketId = earlier.id;
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await api?.close();
});

const MATRIX = [
  { name: 'en-light', user: undefined, colorScheme: 'light' as const },
  { name: 'en-dark', user: undefined, colorScheme: 'dark' as const },
  { name: 'de-light', user: AGENT_DE, colorScheme: 'light' as const },
  { name: 'de-dark', user: AGENT_DE, colorScheme: 'dark' as const },
];

describe('ticket sidebar at 1280x800, 320 px wide (built app, real SDK, running connector)', () => {
  it.each(MATRIX)('shows a handed-off ticket, latest attempt first, nothing clipped ($name)', async ({ name, user, colorScheme }) => {
    const { page, app } = await host.open(browser, sidebar({ colorScheme, ...(user ? { user } : {}) }));
    await app.getByTestId('timeline').waitFor(WAIT);
    await app.locator(`[data-color-scheme="${colorScheme}"]`).waitFor(WAIT);
    const de = name.startsWith('de');
    expect(await app.getByTestId('state-tag').innerText()).toBe(de ? 'Bei einem Menschen' : 'With a person');
    const reasons = await app.getByTestId('reasons').locator('li').allInnerTexts();
    expect(reasons).toEqual(de ? ['Sagt, er sei frustriert', 'Kunde ist verärgert', 'VIP-Konto', TENANT_REASON] : ['Says they are frustrated', 'Customer is upset', 'VIP account', TENANT_REASON]);
    // Newest first: the handoff on top, the earlier answer folded away.
    const attempts = app.getByTestId('attempt');
    expect(await attempts.count()).toBe(2);
    expect(await attempts.nth(0).innerText()).toMatch(de ? /An Finanzen übergeben[\s\S]*Rechnungsfrage, zu 62\s%\ssicher/ : /Handed to Finance[\s\S]*billing question, 62% sure[\s\S]*customer upset/);
    expect(await attempts.nth(1).isVisible()).toBe(false);
    await app.getByTestId('older-attempts').locator('summary').click();
    expect(await attempts.nth(1).innerText()).toMatch(de ? /Mit dem Playbook Rechnungsfrage beantwortet/ : /Answered with the billing question playbook[\s\S]*88% sure[\s\S]*pending authorisation/);
    const customer = await app.getByTestId('customer').innerText();
    expect(customer).toMatch(/Maya Lin · Northwind Logistics/);
    expect(customer).toMatch(/Exporting invoices/);
    // Nothing cut off, nothing wider than the 320 px column.
    const frame = await appFrame(page);
    expect(await clippedTexts(frame)).toEqual([]);
    expect(await overflowsSideways(frame)).toBe(false);
    // The actions are on screen without scrolling, in a 1280x800 window.
    expect(await insideWindow(page, app.getByRole('button', { name: de ? 'An die Automatisierung zurückgeben' : 'Return to automation' }))).toBe(true);
    await page.waitForFunction(() => (window as unknown as { zafHost: { resizes: { height: string }[] } }).zafHost.resizes.some((r) => parseInt(r.height, 10) > 400), undefined, WAIT);
    await screenshot(page, `sidebar-handed-off-${name}`, name === 'en-light' ? 'screenshot-0.png' : name === 'en-dark' ? 'screenshot-2.png' : undefined);
    await page.close();
  });

  it.each(['es-ES', 'fr-FR', 'ja', 'pt-BR'])('nothing is clipped or wider than the column in the other shipped languages (%s)', async (locale) => {
    const { page, app } = await host.open(browser, sidebar({ user: { id: 9005, name: 'Agent', locale, role: 'agent' } }));
    await app.getByTestId('timeline').waitFor(WAIT);
    await app.getByTestId('older-attempts').locator('summary').click();
    const frame = await appFrame(page);
    expect(await clippedTexts(frame)).toEqual([]);
    expect(await overflowsSideways(frame)).toBe(false);
    // Intents and teams in the agent's language, not as English keys.
    expect(await app.getByTestId('attempt').first().innerText()).not.toMatch(/billing question|billing_question/);
    await page.close();
  });

  it('opens an earlier conversation in Zendesk through ZAF routing', async () => {
    const { page, app } = await host.open(browser, sidebar());
    const link = app.getByTestId('earlier').getByRole('button', { name: `Open ticket #${earlierTicketId}` });
    await link.click(WAIT);
    const routeTos = () => page.evaluate(() => (window as unknown as { zafHost: { invokes: { name: string; args: string[] }[] } }).zafHost.invokes.filter((i) => i.name === 'routeTo'));
    await expect.poll(routeTos, WAIT).toEqual([{ name: 'routeTo', args: ['ticket', String(earlierTicketId)] }]);
    await page.close();
  });

  it.each([
    { name: 'en-light', user: undefined, colorScheme: 'light' as const },
    { name: 'de-dark', user: AGENT_DE, colorScheme: 'dark' as const },
  ])('"Return to automation" confirms inline, on screen at 1280x800, by keyboard, and changes the ticket ($name)', async ({ name, user, colorScheme }) => {
    const id = name === 'en-light' ? returnedTicketId : await seedHandedOff('Charged twice, third time');
    const de = name.startsWith('de');
    const { page, app } = await host.open(browser, sidebar({ ticketId: id, colorScheme, ...(user ? { user } : {}) }));
    const label = de ? 'An die Automatisierung zurückgeben' : 'Return to automation';
    const button = app.getByRole('button', { name: label });
    await button.waitFor(WAIT);
    // Cancel works, and sends nothing.
    await button.click();
    let dialog = app.getByRole('dialog');
    await dialog.waitFor(WAIT);
    expect(await insideWindow(page, dialog.getByRole('button', { name: de ? 'Abbrechen' : 'Cancel' }))).toBe(true);
    await dialog.getByRole('button', { name: de ? 'Abbrechen' : 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    // Then by keyboard: Enter opens, the whole confirmation is inside the window.
    await button.focus();
    await page.keyboard.press('Enter');
    dialog = app.getByRole('dialog');
    await dialog.waitFor(WAIT);
    expect(await insideWindow(page, dialog)).toBe(true);
    await screenshot(page, `sidebar-return-confirm-${name}`);
    await dialog.getByRole('textbox').fill('Refund already issued by finance; the standard reply covers it.');
    await dialog.getByRole('button', { name: de ? 'Zurückgeben' : 'Return to automation' }).click();
    await app.getByText(de ? 'An die Automatisierung zurückgegeben.' : 'Returned to automation.', { exact: true }).waitFor(WAIT);
    await app.getByText(de ? 'An Baton zurückgegeben' : 'Returned to Baton', { exact: true }).waitFor(WAIT);
    // After the return: no stale handoff reasons, no return button, and the next step said once.
    expect(await app.getByTestId('reasons').count()).toBe(0);
    expect(await app.getByRole('button', { name: label }).count()).toBe(0);
    const next = de ? 'Baton prüft die nächste Nachricht des Kunden.' : "Baton will triage the customer's next message.";
    expect(await app.getByTestId('state-note').innerText()).toBe(next);
    expect((await app.locator('main').innerText()).split(next).length - 1).toBe(1);
    await screenshot(page, `sidebar-returned-${name}`);

    const { ticket } = await sandboxGet<{ ticket: { tags: string[] } }>(`/api/v2/tickets/${id}.json`);
    expect(ticket.tags).toContain('baton_returned');
    expect(ticket.tags).not.toContain('baton_handoff');
    const { comments } = await sandboxGet<{ comments: { body: string; public: boolean }[] }>(`/api/v2/tickets/${id}/comments.json`);
    const note = comments.at(-1)!;
    expect(note.public).toBe(false);
    expect(note.body).toMatch(/Returned to automation by/);
    expect(note.body).toMatch(/Refund already issued by finance/);
    await page.close();
  });

  it('"Flag a mistake" confirms inline at 1280x800 and stores the flag', async () => {
    const { page, app } = await host.open(browser, sidebar());
    await app.getByRole('button', { name: 'Flag a mistake' }).click(WAIT);
    const dialog = app.getByRole('dialog');
    await dialog.waitFor(WAIT);
    expect(await insideWindow(page, dialog.getByRole('button', { name: 'Send flag' }))).toBe(true);
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await dialog.getByText('Choose what went wrong.').waitFor(WAIT);
    await dialog.getByText('Sent to the wrong team').click();
    await dialog.getByLabel('Comment (optional)').fill('Duplicate charges belong to tier 1 first.');
    await screenshot(page, 'sidebar-flag-confirm-en-light');
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await app.getByText('Thanks. The flag is waiting for review.').waitFor(WAIT);
    const rows = await api.db.store.db.selectFrom('feedback').selectAll().where('ticket_id', '=', String(ticketId)).execute();
    expect(rows).toEqual([expect.objectContaining({ tenant_id: api.tenantId, kind: 'wrong_team', comment: 'Duplicate charges belong to tier 1 first.', agent_id: '9001' })]);
    await page.close();
  });

  it.each([
    { name: 'en-light', user: undefined, colorScheme: 'light' as const, text: 'Baton is already handling this ticket.' },
    { name: 'de-dark', user: AGENT_DE, colorScheme: 'dark' as const, text: 'Baton bearbeitet dieses Ticket bereits.' },
  ])("an automated ticket says so in the agent's language, with no return button ($name)", async ({ name, user, colorScheme, text }) => {
    const { page, app } = await host.open(browser, sidebar({ ticketId: automatedTicketId, colorScheme, ...(user ? { user } : {}) }));
    await app.getByTestId('state-note').waitFor(WAIT);
    expect(await app.getByTestId('state-note').innerText()).toBe(text);
    expect(await app.getByRole('button', { name: /Return to automation|An Automatisierung zurückgeben/ }).count()).toBe(0);
    expect(await clippedTexts(await appFrame(page))).toEqual([]);
    await screenshot(page, `sidebar-automated-${name}`);
    await page.close();
  });

  it('tells an agent in one line to tell their admin; an admin gets what to check', async () => {
    const unreachable = { settings: { connector_url: 'http://127.0.0.1:9' } };
    const agent = await host.open(browser, sidebar(unreachable));
    const problem = agent.app.getByTestId('connector-problem');
    await problem.waitFor(WAIT);
    expect(await problem.getAttribute('data-audience')).toBe('agent');
    expect(await problem.innerText()).toMatch(/^Baton is unavailable right now\. Tell your Zendesk admin\./);
    expect(await problem.innerText()).not.toMatch(/Admin Center|BATON_APP_SHARED_SECRET|127\.0\.0\.1/);
    await screenshot(agent.page, 'sidebar-unreachable-agent-en-light');
    await agent.page.close();

    const agentDe = await host.open(browser, sidebar({ ...unreachable, user: AGENT_DE, colorScheme: 'dark' }));
    const problemDe = agentDe.app.getByTestId('connector-problem');
    await problemDe.waitFor(WAIT);
    expect(await problemDe.innerText()).toMatch(/^Baton ist gerade nicht verfügbar\. Bitte informieren Sie Ihren Zendesk-Admin\./);
    expect(await clippedTexts(await appFrame(agentDe.page))).toEqual([]);
    await screenshot(agentDe.page, 'sidebar-unreachable-agent-de-dark');
    await agentDe.page.close();

    const admin = await host.open(browser, sidebar({ ...unreachable, user: ADMIN }));
    const details = admin.app.getByTestId('connector-problem');
    await details.waitFor(WAIT);
    await admin.app.locator('[data-audience="admin"]').waitFor(WAIT);
    const text = await details.innerText();
    expect(text).toMatch(/Cannot reach the Baton connector/);
    expect(text).toMatch(/http:\/\/127\.0\.0\.1:9/);
    expect(text).toMatch(/Connector URL setting/);
    expect(await details.getAttribute('data-kind')).toBe('unreachable');
    await screenshot(admin.page, 'sidebar-unreachable-admin-en-light');
    await admin.page.close();

    const secret = await host.open(browser, sidebar({ user: ADMIN, colorScheme: 'dark', secureSettings: { shared_secret: 'a-different-secret-0123456789' } }));
    await secret.app.locator('[data-audience="admin"]').waitFor(WAIT);
    expect(await secret.app.getByTestId('connector-problem').getAttribute('data-kind')).toBe('auth');
    expect(await secret.app.getByTestId('connector-problem').innerText()).toMatch(/BATON_APP_SHARED_SECRET/);
    await secret.page.close();
  });

  it('shows progress while a hung connector does not answer, then gives up with a timeout', async () => {
    // A connector that accepts the connection and never answers.
    const sockets: net.Socket[] = [];
    const hung = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
      const { page, app } = await host.open(browser, sidebar({ user: ADMIN, settings: { connector_url: url } }));
      await app.getByTestId('waiting-slow').waitFor(WAIT);
      expect(await app.getByTestId('waiting-slow').innerText()).toMatch(/Still waiting for the connector: \d of 8 s/);
      expect(await app.getByRole('progressbar').count()).toBe(1);
      await screenshot(page, 'sidebar-hung-connector-en-light');
      const problem = app.getByTestId('connector-problem');
      await problem.waitFor(WAIT);
      expect(await problem.getAttribute('data-kind')).toBe('timeout');
      expect(await problem.innerText()).toMatch(/did not answer in time/);
      await page.close();
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => hung.close(() => resolve()));
    }
  });

  it('shows the empty state for a ticket Baton never saw', async () => {
    const other = api.sandbox.inbound({ requester: { email: 'sam@acmebakery.example', name: 'Sam Rivera' }, body: 'Hello' }).ticket;
    const { page, app } = await host.open(browser, sidebar({ ticketId: other.id }));
    await app.getByTestId('empty-state').waitFor(WAIT);
    expect(await app.getByTestId('empty-state').innerText()).toMatch(/Baton has not handled this ticket/);
    await page.close();
  });
});
