// @vitest-environment jsdom
/** The analytics page's figures, and the theme following Zendesk's colour scheme. Rollout and shadow: analytics-rollout.test.ts. */
import './jsdom-setup.js';
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClient } from './fake-client.js';
import { renderApp } from './render.js';
import { analyticsRoutes, handedOffView, summary } from './views.js';

afterEach(cleanup);

describe('Analytics (nav_bar)', () => {
  it('shows both rates, the handoff rate against its healthy range, charts and the review queues', async () => {
    const client = fakeClient({ location: 'nav_bar', routes: analyticsRoutes() });
    renderApp(client);
    const automation = await screen.findByTestId('automation-rate');
    expect(automation.textContent).toMatch(/55%.*20 tickets decided/);
    const handoff = screen.getByTestId('handoff-rate');
    expect(handoff.textContent).toMatch(/45%/);
    expect(handoff.textContent).toMatch(/Healthy range: 10–40%/);
    expect(handoff.textContent).toMatch(/Outside the healthy range/);
    expect(screen.getAllByTestId('stacked-bars')).toHaveLength(2);
    expect(screen.getByTestId('weekly-columns')).toBeTruthy();
    expect(within(screen.getByTestId('flags-table')).getByText('Sent to the wrong team')).toBeTruthy();
    expect(within(screen.getByTestId('dead-letters-table')).getByText('Zendesk answered 422')).toBeTruthy();
    const range = new URL(client.requests[0]!.url).searchParams;
    expect(Date.parse(range.get('to')!) - Date.parse(range.get('from')!)).toBe(30 * 86_400_000);
  });

  it('shows CSAT after handoff next to automated and the human-only baseline, and resolution times', async () => {
    renderApp(fakeClient({ location: 'nav_bar', routes: analyticsRoutes() }));
    const csat = await screen.findByTestId('csat');
    const bars = within(csat).getByTestId('csat-bars');
    // Each path with its score and the number of ratings behind it, in the order the card reads.
    expect([...bars.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['After handoff', '60% (10)', 'Automated', '90% (10)', 'Human only (baseline)', '70% (10)']);
    const time = screen.getByTestId('resolution-time');
    expect([...within(time).getByTestId('resolution-bars').querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Automated', '3 min', 'People', '31 hr']);
    expect(time.textContent).toMatch(/First response: automated 1 min, people 42 min/);
    expect(screen.getByTestId('automation-rate').textContent).toMatch(/11 durable, 2 provisional, 1 reopened/);
  });

  it('splits CSAT and times by intent, team and week', async () => {
    renderApp(fakeClient({ location: 'nav_bar', routes: analyticsRoutes() }));
    const cells = (testId: string, rowLabel: string) => {
      const row = within(screen.getByTestId(testId)).getByText(rowLabel).closest('tr')!;
      return [...row.querySelectorAll('td')].map((td) => td.textContent);
    };
    await screen.findByTestId('baton-quality-intent-table');
    // Intent | tickets | automation | handoff | CSAT after handoff | automated | human only | resolution automated | human
    expect(cells('baton-quality-intent-table', 'complaint')).toEqual(['complaint', '4', '0%', '100%', '25% (4)', '—', '—', '—', '2 days']);
    expect(cells('baton-quality-intent-table', 'password reset')).toEqual(['password reset', '8', '100%', '0%', '—', '80% (5)', '—', '2 min', '—']);
    // Team | handoffs | share | CSAT after handoff | first human reply | resolution
    expect(cells('baton-quality-team-table', 'finance')).toEqual(['finance', '4', '44%', '25% (4)', '1.6 hr', '2 days']);
    expect(cells('baton-quality-week-table', '2026-02-23')).toEqual(['2026-02-23', '12', '58%', '42%', '50% (4)', '75% (4)', '100% (1)', '2 min', '—']);
    const week = screen.getByTestId('csat-by-week');
    expect([...week.querySelectorAll('rect title')].map((t) => t.textContent)).toEqual(['2026-02-23: After handoff 50% (4)', '2026-02-23: Automated 75% (4)', '2026-02-23: Human only (baseline) 100% (1)']);
  });

  it('draws no CSAT bar where nothing was rated, and says so with a dash rather than 0%', async () => {
    const s = summary();
    renderApp(fakeClient({ location: 'nav_bar', routes: analyticsRoutes({ ...s, csat: { ...s.csat, handoff: { good: 0, bad: 0, score: null } }, byWeek: [] }) }));
    const bars = within(await screen.findByTestId('csat')).getByTestId('csat-bars');
    expect([...bars.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['After handoff', '—', 'Automated', '90% (10)', 'Human only (baseline)', '70% (10)']);
    expect([...bars.querySelectorAll('rect title')].map((t) => t.textContent)).toEqual(['Automated: 90% (10)', 'Human only (baseline): 70% (10)']);
    expect(screen.queryByTestId('csat-by-week')).toBeNull();
  });

  it('says "no decisions" rather than showing 0% charts for an empty period', async () => {
    renderApp(fakeClient({ location: 'nav_bar', routes: analyticsRoutes(summary({ tickets: 0, automated: 0, handedOff: 0, automationRate: null, handoffRate: null, byIntent: [], byTeam: [], byWeek: [] })) }));
    expect(await screen.findByText('Baton made no decisions in this period.')).toBeTruthy();
    expect(screen.getByTestId('automation-rate').textContent).toMatch(/—/);
    expect(screen.queryByTestId('stacked-bars')).toBeNull();
  });
});

describe('theme', () => {
  it("starts in Zendesk's dark scheme and follows colorScheme.changed", async () => {
    const client = fakeClient({ colorScheme: 'dark', routes: { 'GET /api/sidebar/tickets/42': handedOffView() } });
    const { container } = renderApp(client);
    await screen.findByText('With a person');
    expect(container.querySelector('[data-color-scheme]')!.getAttribute('data-color-scheme')).toBe('dark');
    act(() => client.emit('colorScheme.changed', 'light'));
    expect(container.querySelector('[data-color-scheme]')!.getAttribute('data-color-scheme')).toBe('light');
  });

  it('stays light where the host does not know colorScheme', async () => {
    const { container } = renderApp(fakeClient({ colorScheme: null, routes: { 'GET /api/sidebar/tickets/42': handedOffView() } }));
    await screen.findByText('With a person');
    expect(container.querySelector('[data-color-scheme]')!.getAttribute('data-color-scheme')).toBe('light');
  });
});
