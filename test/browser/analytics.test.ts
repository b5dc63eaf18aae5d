/**
 * The BUILT nav_bar analytics page in Chromium, against a running connector API: the figures
 * (rates, CSAT by path, times), the rollout switches changed from the page and written to
 * the connector's policy file, and the shadow report read from the sandbox helpdesk.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDb } from '../../connector/src/admin/store/tables.js';
import { loadPolicy } from '../../connector/src/triage/index.js';
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
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
let shadowTicketId: string;

const automate = (intent: string) => decision({ action: 'automate', intent, team: null, confidence: 0.95, reasons: [], reply: 'Done.' });

beforeAll(async () => {
  await ensureAppBuilt();
  [browser, host, api] = await Promise.all([launchChromium(), startZafHost(), startConnectorApi()]);
  const now = Date.now();
  const store = api.db.store;
  // 7 automated, 3 handed off over the last three weeks: a 30% handoff rate, inside 10–40%.
  // Every answer is more than 7 days old and nobody came back, so all 7 are durable.
  const plan: [string, 'automate' | string][] = [
    ['password_reset', 'automate'], ['password_reset', 'automate'], ['password_reset', 'automate'], ['order_status', 'automate'],
    ['order_status', 'automate'], ['how_to', 'automate'], ['account_locked', 'automate'], ['billing_question', 'finance'],
    ['bug_report', 'product_support'], ['cancellation', 'revenue'],
  ];
  for (const [i, [intent, outcome]] of plan.entries()) {
    const ticketId = String(100 + i);
    const at = now - (i % 2 === 0 ? 9 : 16) * DAY;
    const wrote = at - (3 + i) * MIN; // the customer's message, a few minutes before Baton decided
    await store.db
      .insertInto('webhook_events')
      .values({ id: `${api.tenantId}:${ticketId}:m`, tenant_id: api.tenantId, provider: 'zendesk', delivery_id: `d${ticketId}`, type: 'ticket.customer_message', ticket_id: ticketId, received_at: wrote, payload: '{}', status: 'done', note: null })
      .execute();
    await seedTicket(store, {
      tenantId: api.tenantId,
      ticketId,
      state: outcome === 'automate' ? 'ai' : 'handed_off',
      subject: `Ticket ${i}`,
      attempts: [{ decision: outcome === 'automate' ? automate(intent) : decision({ intent, team: outcome }), message: 'm', at }],
    });
    // What the outcome sync reads from the helpdesk for the handed-off ones.
    if (outcome !== 'automate') {
      const k = i - 7;
      await adminDb(store)
        .insertInto('ticket_outcomes')
        .values({ tenant_id: api.tenantId, ticket_id: ticketId, status: 'solved', group_id: null, assignee_id: null, created_at: wrote, first_human_reply_at: wrote + [40, 75, 120][k]! * MIN, solved_at: wrote + [180, 600, 1500][k]! * MIN, synced_at: now })
        .execute();
    }
  }
  // CSAT: automated 2 good 1 bad, after handoff 1 good 1 bad, human only (tickets Baton never saw) 2 good.
  const ratings: [string, 'good' | 'bad'][] = [['100', 'good'], ['101', 'good'], ['102', 'bad'], ['107', 'good'], ['108', 'bad'], ['200', 'good'], ['201', 'good']];
  for (const [ticketId, score] of ratings) {
    await adminDb(store)
      .insertInto('satisfaction_ratings')
      .values({ tenant_id: api.tenantId, rating_id: `r${ticketId}`, ticket_id: ticketId, score, comment: null, reason: null, group_id: null, assignee_id: null, created_at: now - 5 * DAY, updated_at: now - 5 * DAY, synced_at: now })
      .execute();
  }
  await store.db.insertInto('feedback').values({ tenant_id: api.tenantId, ticket_id: '107', attempt_id: null, kind: 'should_have_automated', comment: 'Simple invoice copy request.', agent_id: '9001', created_at: now - HOUR }).execute();
  // A ticket Baton decided in shadow mode only, on a real sandbox ticket the report can read.
  shadowTicketId = String(api.sandbox.inbound({ requester: { name: 'Riley Chen', email: 'riley@example.com' }, subject: 'Refund please', body: 'I would like a refund for my last order.' }).ticket.id);
  await seedTicket(store, {
    tenantId: api.tenantId,
    ticketId: shadowTicketId,
    state: 'shadow',
    attempts: [{ decision: decision({ mode: 'shadow', intent: 'refund_request', team: 'finance', confidence: 0.93 }), message: 'I would like a refund for my last order.', at: now - HOUR }],
  });
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
    expect(await app.getByTestId('automation-rate').innerText()).toMatch(/70%[\s\S]*10 tickets decided[\s\S]*7 durable, 0 provisional, 0 reopened/);
    const handoff = await app.getByTestId('handoff-rate').innerText();
    expect(handoff).toMatch(/30%/);
    expect(handoff).toMatch(/Healthy range: 10–40%/);
    expect(handoff).toMatch(/In the healthy range/);
    expect(await app.locator('[data-testid="csat-bars"] text').allTextContents()).toEqual(['After handoff', '50% (2)', 'Automated', '67% (3)', 'Human only (baseline)', '100% (2)']);
    // Automated: answered 3 to 9 minutes after the customer wrote (median 6); people: 40/75/120 min to reply, 3/10/25 h to solve.
    expect(await app.locator('[data-testid="resolution-bars"] text').allTextContents()).toEqual(['Automated', '6 min', 'People', '10 hr']);
    expect(await app.getByTestId('resolution-time').innerText()).toMatch(/First response: automated 6 min, people 75 min/);
    expect(await app.getByTestId('stacked-bars').count()).toBe(2);
    expect(await app.getByTestId('weekly-columns').count()).toBe(1);
    expect(await app.locator('[data-testid="stacked-bars"] text').allTextContents()).toEqual(expect.arrayContaining(['password reset', 'finance']));
    expect(await app.getByTestId('baton-quality-team-table').innerText()).toMatch(/finance\s+1\s+33%\s+100% \(1\)\s+40 min\s+3 hr/);
    expect(await app.getByTestId('flags-table').innerText()).toMatch(/#107[\s\S]*Baton should have answered this[\s\S]*Simple invoice copy request/);
    expect(await app.getByText('No dead letters.').count()).toBe(1);
    await screenshot(page, 'analytics', 'screenshot-1.png');
    await app.getByTestId('baton-quality-team-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'analytics-breakdown');
    await page.close();
  });

  it('shows the rollout switches, changes one in the policy the connector runs, and shows the shadow report', async () => {
    const { page, app } = await host.open(browser, {
      location: 'nav_bar',
      subdomain: api.sandbox.subdomain,
      settings: { connector_url: api.url },
      secureSettings: { shared_secret: SHARED_SECRET },
      viewport: { width: 1280, height: 1000 },
    });
    const panel = app.getByTestId('rollout-panel');
    await panel.getByTestId('rollout-intents').waitFor(WAIT);
    // The shipped policy: live by default, no intent of its own, trial accounts in shadow.
    expect(await app.getByLabel('Default mode').inputValue()).toBe('live');
    expect(await app.getByLabel('Mode for refund request').inputValue()).toBe('inherit');
    expect(await panel.getByTestId('rollout-segments').innerText()).toMatch(/trial accounts\s+org_tags: trial/);
    expect(await app.getByLabel('Mode for trial accounts').inputValue()).toBe('shadow');

    await app.getByLabel('Mode for refund request').selectOption('shadow');
    await panel.getByText('Saved: refund request is now Shadow.').waitFor(WAIT);
    expect(await app.getByLabel('Mode for refund request').inputValue()).toBe('shadow');
    expect(loadPolicy(api.policyPath).rollout.intents).toEqual({ refund_request: 'shadow' });

    // Baton would have handed the shadow ticket to finance; nobody has touched it on the helpdesk yet.
    const shadow = app.getByTestId('shadow-table');
    await shadow.waitFor(WAIT);
    const row = await shadow.locator('tbody tr').first().innerText();
    expect(row).toContain(`#${shadowTicketId}`);
    expect(row).toMatch(/Handed off: refund request → finance \(93% sure\)/);
    expect(row).toMatch(/no reply from a person/);
    expect(row).toMatch(/Still open/);
    await shadow.scrollIntoViewIfNeeded();
    await screenshot(page, 'analytics-rollout');
    await page.close();
  });
});
