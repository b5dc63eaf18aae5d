/** The BUILT nav_bar analytics page in Chromium, against a running connector API. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decision, seedTicket } from '../sidebar/helpers/seed.js';
import { ensureAppBuilt } from './helpers/build-app.js';
import { launchChromium } from './helpers/chromium.js';
import { SHARED_SECRET, startConnectorApi, type ConnectorApi } from './helpers/connector-api.js';
import { screenshot } from './helpers/screenshots.js';
import { startZafHost, type ZafHost } from './helpers/zaf-host.js';

let browser: Browser;
let host: ZafHost;
let api: ConnectorApi;
const WAIT = { timeout: 15_000 };
const HOUR = 3600_000;

const automate = (intent: string) => decision({ action: 'automate', intent, team: null, confidence: 0.95, reasons: [], reply: 'Done.' });

beforeAll(async () => {
  await ensureAppBuilt();
  [browser, host, api] = await Promise.all([launchChromium(), startZafHost(), startConnectorApi()]);
  const now = Date.now();
  // 7 automated, 3 handed off over the last two weeks: a 30% handoff rate, inside 10–40%.
  const plan: [string, 'automate' | string][] = [
    ['password_reset', 'automate'], ['password_reset', 'automate'], ['password_reset', 'automate'], ['order_status', 'automate'],
    ['order_status', 'automate'], ['how_to', 'automate'], ['account_locked', 'automate'], ['billing_question', 'finance'],
    ['bug_report', 'product_support'], ['cancellation', 'revenue'],
  ];
  for (const [i, [intent, outcome]] of plan.entries()) {
    await seedTicket(api.db.store, {
      tenantId: api.tenantId,
      ticketId: String(100 + i),
      state: outcome === 'automate' ? 'ai' : 'handed_off',
      subject: `Ticket ${i}`,
      attempts: [{ decision: outcome === 'automate' ? automate(intent) : decision({ intent, team: outcome }), message: 'm', at: now - (i % 2 === 0 ? 2 : 9) * 24 * HOUR }],
    });
  }
  await api.db.store.db.insertInto('feedback').values({ tenant_id: api.tenantId, ticket_id: '107', attempt_id: null, kind: 'should_have_automated', comment: 'Simple invoice copy request.', agent_id: '9001', created_at: now - HOUR }).execute();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await api?.close();
});

describe('analytics page (nav_bar)', () => {
  it('shows the rates with the healthy range, the charts and the review queues', async () => {
    const { page, app } = await host.open(browser, {
      location: 'nav_bar',
      subdomain: api.sandbox.subdomain,
      settings: { connector_url: api.url },
      secureSettings: { shared_secret: SHARED_SECRET },
      viewport: { width: 1280, height: 1000 },
    });
    await app.getByTestId('automation-rate').waitFor(WAIT);
    expect(await app.getByTestId('automation-rate').innerText()).toMatch(/70%[\s\S]*10 tickets decided/);
    const handoff = await app.getByTestId('handoff-rate').innerText();
    expect(handoff).toMatch(/30%/);
    expect(handoff).toMatch(/Healthy range: 10–40%/);
    expect(handoff).toMatch(/In the healthy range/);
    expect(await app.getByTestId('stacked-bars').count()).toBe(2);
    expect(await app.getByTestId('weekly-columns').count()).toBe(1);
    expect(await app.locator('[data-testid="stacked-bars"] text').allTextContents()).toEqual(expect.arrayContaining(['password reset', 'finance']));
    expect(await app.getByTestId('flags-table').innerText()).toMatch(/#107[\s\S]*Baton should have answered this[\s\S]*Simple invoice copy request/);
    expect(await app.getByText('No dead letters.').count()).toBe(1);
    await screenshot(page, 'analytics', 'screenshot-1.png');
    await page.close();
  });
});
