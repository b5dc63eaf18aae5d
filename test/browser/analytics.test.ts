/**
 * The BUILT nav_bar analytics page in Chromium at 1280x800, against a running connector API:
 * the figures (rates that add up, CSAT by path and times compared like with like, each greyed
 * below the minimum sample; weekly columns with an axis and the partial weeks marked), the
 * rollout switches (a change waits for an explicit Apply, never one arrow key, and can be
 * undone), the period change, ticket links through ZAF routing and the dead-letter retry.
 * In light and dark, English and German; screenshots go to test-artifacts/screenshots/
 * (reports/screenshots/ with BATON_UPDATE_SCREENSHOTS=1).
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDb } from '../../connector/src/admin/store/tables.js';
import { loadPolicy } from '../../connector/src/triage/index.js';
import { decision, seedTicket } from '../sidebar/helpers/seed.js';
import { ensureAppBuilt } from './helpers/build-app.js';
import { launchChromium } from './helpers/chromium.js';
import { SHARED_SECRET, startConnectorApi, type ConnectorApi } from './helpers/connector-api.js';
import { clippedSvgTexts, clippedTexts, overflowsSideways } from './helpers/layout-checks.js';
import { screenshot } from './helpers/screenshots.js';
import { startZafHost, type HostConfig, type ZafHost } from './helpers/zaf-host.js';

let browser: Browser;
let host: ZafHost;
let api: ConnectorApi;
const WAIT = { timeout: 15_000 };
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
let shadowTicketId: string;
let deadJobId: number;

const ADMIN_EN = { id: 9002, name: 'Ari Admin', locale: 'en-US', role: 'admin' };
const ADMIN_DE = { id: 9004, name: 'Dora Admin', locale: 'de-DE', role: 'admin' };
const automate = (intent: string) => decision({ action: 'automate', intent, team: null, confidence: 0.95, reasons: [], reply: 'Done.' });

function navBar(over: Partial<HostConfig> = {}): HostConfig {
  return { location: 'nav_bar', subdomain: api.sandbox.subdomain, settings: { connector_url: api.url }, secureSettings: { shared_secret: SHARED_SECRET }, user: ADMIN_EN, ...over };
}

async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#app-frame');
  return (await handle.contentFrame())!;
}

const routeTos = (page: Page) => page.evaluate(() => (window as unknown as { zafHost: { invokes: { name: string; args: string[] }[] } }).zafHost.invokes.filter((i) => i.name === 'routeTo'));

/**
 * Days ago that still fall in this week (weeks start on Monday, UTC), at most 2: the current,
 * partial week then has its provisional answer on any weekday, a Monday morning included.
 */
function daysIntoThisWeek(now: number): number {
  const sinceMonday = ((new Date(now).getUTCDay() + 6) % 7) * DAY + (now % DAY);
  return Math.min(2 * DAY, sinceMonday / 2) / DAY;
}

beforeAll(async () => {
  await ensureAppBuilt();
  [browser, host, api] = await Promise.all([launchChromium(), startZafHost(), startConnectorApi()]);
  const now = Date.now();
  const store = api.db.store;
  // 7 automated and 3 handed off over the last three weeks, plus one answered this week, at most 2 days ago
  // (provisional: it cannot be durable before 7 days): 11 tickets, fewer than the minimum
  // sample of 20, so the health of the handoff rate is not judged.
  const plan: [string, 'automate' | string, number][] = [
    ['password_reset', 'automate', 9], ['password_reset', 'automate', 16], ['password_reset', 'automate', 9], ['order_status', 'automate', 16],
    ['order_status', 'automate', 9], ['how_to', 'automate', 16], ['account_locked', 'automate', 9], ['billing_question', 'finance', 16],
    ['bug_report', 'product_support', 9], ['cancellation', 'revenue', 16], ['order_status', 'automate', daysIntoThisWeek(now)],
  ];
  for (const [i, [intent, outcome, daysAgo]] of plan.entries()) {
    const ticketId = String(100 + i);
    const at = now - daysAgo * DAY;
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
    if (outcome !== 'automate') {
      const k = i - 7;
      await adminDb(store)
        .insertInto('ticket_outcomes')
        .values({ tenant_id: api.tenantId, ticket_id: ticketId, status: 'solved', group_id: null, assignee_id: null, created_at: wrote, first_human_reply_at: wrote + [40, 75, 120][k]! * MIN, solved_at: wrote + [180, 600, 1500][k]! * MIN, synced_at: now })
        .execute();
    }
  }
  // CSAT: automated 2 good 1 bad, after handoff 1 good 1 bad, human only 2 good: all under 10 ratings.
  const ratings: [string, 'good' | 'bad'][] = [['100', 'good'], ['101', 'good'], ['102', 'bad'], ['107', 'good'], ['108', 'bad'], ['200', 'good'], ['201', 'good']];
  for (const [ticketId, score] of ratings) {
    await adminDb(store)
      .insertInto('satisfaction_ratings')
      .values({ tenant_id: api.tenantId, rating_id: `r${ticketId}`, ticket_id: ticketId, score, comment: null, reason: null, group_id: null, assignee_id: null, created_at: now - 5 * DAY, updated_at: now - 5 * DAY, synced_at: now })
      .execute();
  }
  await store.db.insertInto('feedback').values({ tenant_id: api.tenantId, ticket_id: '107', attempt_id: null, kind: 'should_have_automated', comment: 'Simple invoice copy request.', agent_id: '9001', created_at: now - HOUR }).execute();
  // A dead letter about ticket 108, its last error a JSON body as the helpdesk client records it.
  await store.db.insertInto('webhook_events').values({ id: `${api.tenantId}:108:dead`, tenant_id: api.tenantId, provider: 'zendesk', delivery_id: 'dead1', type: 'ticket.customer_message', ticket_id: '108', received_at: now - HOUR, payload: '{}', status: 'dead', note: null }).execute();
  const job = await store.db
    .insertInto('jobs')
    .values({ kind: 'process-event', tenant_id: api.tenantId, payload: JSON.stringify({ eventId: `${api.tenantId}:108:dead`, receivedAt: now - HOUR }), status: 'dead', attempts: 8, max_attempts: 8, run_at: now - HOUR, locked_by: null, locked_until: null, last_error: JSON.stringify({ error: { code: 'HELPDESK_REJECTED', message: 'Zendesk answered 422: the comment body is empty' } }), dedupe_key: 'dead-108', group_key: null, created_at: now - HOUR, updated_at: now - HOUR })
    .returning('id')
    .executeTakeFirstOrThrow();
  deadJobId = Number(job.id);
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

describe('analytics page (nav_bar) at 1280x800', () => {
  it('shows rates that add up, judged only with enough tickets, charts with axes and counts, readable queues (en, light)', async () => {
    const { page, app } = await host.open(browser, navBar());
    await app.getByTestId('automation-rate').waitFor(WAIT);
    expect(await app.getByTestId('automation-rate').innerText()).toMatch(/64%[\s\S]*11 tickets decided[\s\S]*7 durable, 1 provisional, 0 reopened/);
    const handoff = await app.getByTestId('handoff-rate').innerText();
    expect(handoff).toMatch(/27%/);
    expect(handoff).toMatch(/Healthy range: 10%–40%/);
    // 11 tickets: the range is not judged, and says why.
    expect(await app.getByTestId('health-tag').innerText()).toBe('Too few tickets to judge: 11 of 20');
    expect(await app.getByTestId('adds-up').innerText()).toMatch(/of 11 tickets decided, 7 \(64%\) answered for good, 1 \(9%\) answered less than 7 days ago, 0 \(0%\) answered but reopened, 3 \(27%\) handed off\. Counted apart: 1 decided in shadow mode only, 0 ignored\./);
    // CSAT with the number of ratings, each too few to judge, on a 0–100% axis.
    expect(await app.locator('[data-testid="csat-bars"] [data-chart-text]').allTextContents()).toEqual([
      'After handoff', '50% (2) · too few to judge', 'Automated', '67% (3) · too few to judge', 'Human only (baseline)', '100% (2) · too few to judge', '0%', '50%', '100%',
    ]);
    // Like with like: first answers (Baton 3–9 and 13 min after the customer wrote, median 6.5; people 40/75/120 min),
    // resolutions apart (Baton's one answer each; people 3/10/25 h). People's 3 timed tickets are under the minimum of 5.
    const few = ' · too few to judge';
    expect(await app.locator('[data-testid="first-response-bars"] [data-chart-text]').allTextContents()).toEqual(['Automated', '7 min (8 tickets)', 'People', `75 min (3 tickets)${few}`, '0 min', '38 min', '75 min']);
    expect(await app.locator('[data-testid="resolution-bars"] [data-chart-text]').allTextContents()).toEqual(['Automated', '7 min (8 tickets)', 'People', `10 hr (3 tickets)${few}`, '0 min', '5 hr', '10 hr']);
    // Weekly columns: a y axis in tickets, the count on each column, partial weeks marked.
    const weekly = app.getByTestId('weekly-columns');
    expect(await weekly.getByTestId('y-tick').allTextContents()).toEqual(['0', '3', '5']);
    const partial = await weekly.locator('[data-partial="true"]').count();
    expect(partial).toBeGreaterThanOrEqual(1);
    // Each partial week has its "*", and the key says what it means.
    expect(await weekly.getByTestId('partial-mark').count()).toBe(partial);
    expect(await app.getByTestId('partial-note').first().innerText()).toBe('* partial week');
    // The current week's automation counts its provisional answer instead of reading 0%.
    const weekRows = await app.getByTestId('baton-quality-week-table').locator('tbody tr').allInnerTexts();
    expect(weekRows.at(-1)).toMatch(/\(partial week\)\s+1\s+100%/);
    // By intent: whole labels, counts, and an axis.
    const intentRows = await app.getByTestId('stacked-bars').getByTestId('bar-row').allInnerTexts();
    expect(intentRows.some((r) => /order status\s+3/.test(r))).toBe(true);
    expect(await app.getByTestId('baton-quality-team-table').innerText()).toMatch(/Finance\s+1\s+33%\s+100% \(1\)/);
    // Nothing cut off, in HTML or SVG, and nothing wider than the page.
    const frame = await appFrame(page);
    expect(await clippedTexts(frame)).toEqual([]);
    expect(await clippedSvgTexts(frame)).toEqual([]);
    expect(await overflowsSideways(frame)).toBe(false);
    await screenshot(page, 'analytics-en-light', 'screenshot-1.png');
    await app.getByTestId('baton-quality-team-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'analytics-breakdown-en-light');
    await page.close();
  });

  it('links ticket numbers into Zendesk, shows dead letters in words and retries one', async () => {
    const { page, app } = await host.open(browser, navBar({ colorScheme: 'dark' }));
    const flags = app.getByTestId('flags-table');
    await flags.waitFor(WAIT);
    expect(await flags.innerText()).toMatch(/#107[\s\S]*Baton should have answered this[\s\S]*Simple invoice copy request/);
    await flags.getByRole('button', { name: 'Open ticket #107' }).click();
    const dead = app.getByTestId('dead-letter');
    expect(await dead.innerText()).toMatch(/Process a customer message\s+#108\s+8\s+Zendesk answered 422: the comment body is empty/);
    expect(await dead.innerText()).not.toMatch(/[{}"]/);
    await dead.getByRole('button', { name: 'Open ticket #108' }).click();
    await expect.poll(() => routeTos(page), WAIT).toEqual([
      { name: 'routeTo', args: ['ticket', '107'] },
      { name: 'routeTo', args: ['ticket', '108'] },
    ]);
    await dead.scrollIntoViewIfNeeded();
    await screenshot(page, 'analytics-queues-en-dark');
    await dead.getByRole('button', { name: 'Retry' }).click();
    await dead.getByText('Queued again.').waitFor(WAIT);
    const job = await api.db.store.db.selectFrom('jobs').selectAll().where('id', '=', deadJobId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'queued', attempts: 0 });
    const shadow = app.getByTestId('shadow-table');
    await shadow.getByRole('button', { name: `Open ticket #${shadowTicketId}`, exact: true }).click();
    await expect.poll(async () => (await routeTos(page)).at(-1), WAIT).toEqual({ name: 'routeTo', args: ['ticket', shadowTicketId] });
    await page.close();
  });

  it.each([
    { name: 'de-light', colorScheme: 'light' as const },
    { name: 'de-dark', colorScheme: 'dark' as const },
  ])('speaks German with German percentages and nothing clipped ($name)', async ({ name, colorScheme }) => {
    const { page, app } = await host.open(browser, navBar({ user: ADMIN_DE, colorScheme }));
    await app.getByTestId('automation-rate').waitFor(WAIT);
    await app.locator(`[data-color-scheme="${colorScheme}"]`).waitFor(WAIT);
    expect(await app.getByTestId('automation-rate').innerText()).toMatch(/64\s%/);
    expect(await app.getByTestId('handoff-rate').innerText()).toMatch(/Gesunder Bereich: 10\s%–40\s%/);
    expect(await app.getByTestId('health-tag').innerText()).toBe('Zu wenige Tickets zum Beurteilen: 11 von 20');
    expect(await app.getByTestId('baton-quality-team-table').innerText()).toMatch(/Finanzen/);
    expect(await app.getByTestId('stacked-bars').innerText()).toMatch(/Bestellstatus/);
    const frame = await appFrame(page);
    expect(await clippedTexts(frame)).toEqual([]);
    expect(await clippedSvgTexts(frame)).toEqual([]);
    await screenshot(page, `analytics-${name}`);
    // The rollout confirmation says what changes, in German; Cancel sends nothing.
    const policyBefore = loadPolicy(api.policyPath).rollout.intents;
    await app.getByLabel('Modus für Bestellstatus').focus();
    await page.keyboard.press('ArrowDown');
    const confirm = app.getByTestId('rollout-confirm');
    await confirm.waitFor(WAIT);
    expect(await confirm.innerText()).toMatch(/Bestellstatus: Standard \(Live\) → Aus\. Baton lässt Nachrichten zu Bestellstatus in Ruhe\./);
    await confirm.scrollIntoViewIfNeeded();
    await screenshot(page, `analytics-rollout-confirm-${name}`);
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    expect(loadPolicy(api.policyPath).rollout.intents).toEqual(policyBefore);
    // A period change says which period is loading, in German.
    api.setSummaryDelay(1500);
    try {
      await app.getByLabel('Zeitraum').selectOption('7');
      await app.getByText('Die letzten 7 Tage werden geladen…').first().waitFor(WAIT);
      await app.getByText(/Angezeigt: die letzten 7 Tage/).waitFor(WAIT);
    } finally {
      api.setSummaryDelay(0);
    }
    await page.close();
  });

  it.each(['es-ES', 'fr-FR', 'ja', 'pt-BR'])('nothing is clipped in the other shipped languages (%s)', async (locale) => {
    const { page, app } = await host.open(browser, navBar({ user: { id: 9006, name: 'Admin', locale, role: 'admin' } }));
    await app.getByTestId('automation-rate').waitFor(WAIT);
    await app.getByTestId('rollout-intents').waitFor(WAIT);
    const frame = await appFrame(page);
    expect(await clippedTexts(frame)).toEqual([]);
    expect(await clippedSvgTexts(frame)).toEqual([]);
    expect(await overflowsSideways(frame)).toBe(false);
    await page.close();
  });

  it('changes a rollout switch only on Apply, says what changes, and can undo it; one arrow key sends nothing', async () => {
    const { page, app } = await host.open(browser, navBar());
    const panel = app.getByTestId('rollout-panel');
    await panel.getByTestId('rollout-intents').waitFor(WAIT);
    // Near the top of the page: right under the headline figures.
    const frame = await appFrame(page);
    const top = await frame.evaluate(() => document.querySelector('[data-testid="rollout-panel"]')!.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(1000);
    expect(await app.getByLabel('Default mode').inputValue()).toBe('live');
    const refund = app.getByLabel('Mode for refund request');
    expect(await refund.inputValue()).toBe('inherit');
    const policyBefore = loadPolicy(api.policyPath).rollout.intents;
    // A focused select and one ArrowDown: the value moves, nothing is sent, the panel asks.
    await refund.focus();
    await page.keyboard.press('ArrowDown');
    const confirm = panel.getByTestId('rollout-confirm');
    await confirm.waitFor(WAIT);
    expect(await refund.inputValue()).toBe('off');
    expect(loadPolicy(api.policyPath).rollout.intents).toEqual(policyBefore);
    expect(await confirm.innerText()).toMatch(/refund request: Default \(Live\) → Off\. Baton will leave refund request messages alone\./);
    await screenshot(page, 'analytics-rollout-confirm-en-light');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await refund.inputValue()).toBe('inherit');
    expect(loadPolicy(api.policyPath).rollout.intents).toEqual(policyBefore);

    await refund.selectOption('shadow');
    await panel.getByTestId('rollout-confirm').getByRole('button', { name: 'Apply' }).click();
    await panel.getByText('Saved: refund request is now Shadow.').waitFor(WAIT);
    expect(loadPolicy(api.policyPath).rollout.intents).toEqual({ refund_request: 'shadow' });
    await screenshot(page, 'analytics-rollout-saved-en-light');
    await panel.getByRole('button', { name: 'Undo: set refund request back to Default (Live)' }).click();
    await panel.getByText('Undone: refund request is Default (Live) again.').waitFor(WAIT);
    expect(loadPolicy(api.policyPath).rollout.intents).toEqual({});
    expect(await refund.inputValue()).toBe('inherit');

    // The shadow report: what Baton would have done next to what the agent did.
    const shadow = app.getByTestId('shadow-table');
    await shadow.waitFor(WAIT);
    const row = await shadow.locator('tbody tr').first().innerText();
    expect(row).toContain(`#${shadowTicketId}`);
    expect(row).toMatch(/Handed off: refund request → Finance \(93% sure\)/);
    expect(row).toMatch(/no reply from a person/);
    await page.close();
  });

  it('says which period it is loading, over the old figures, until the new ones arrive', async () => {
    const { page, app } = await host.open(browser, navBar());
    await app.getByTestId('period-shown').waitFor(WAIT);
    expect(await app.getByTestId('period-shown').innerText()).toMatch(/Showing the last 30 days/);
    api.setSummaryDelay(1500);
    try {
      await app.getByLabel('Period').selectOption('90');
      await app.getByText('Loading the last 90 days…').first().waitFor(WAIT);
      // The old figures stay, dimmed and marked busy, still labelled as the 30 days they are.
      expect(await app.getByTestId('figures').getAttribute('aria-busy')).toBe('true');
      expect(await app.getByTestId('period-shown').innerText()).toMatch(/Showing the last 30 days/);
      await screenshot(page, 'analytics-period-loading-en-light');
      await app.getByText(/Showing the last 90 days/).waitFor(WAIT);
      expect(await app.getByTestId('figures').getAttribute('aria-busy')).toBe('false');
    } finally {
      api.setSummaryDelay(0);
    }
    await page.close();
  });
});
