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
    expect(handoff.textContent).toMatch(/Healthy range: 10%–40%/);
    expect(handoff.textContent).toMatch(/Outside the healthy range/);
    // The rates add up: 11 durable + 2 provisional + 0 reopened (still automated) + 9 handed off... of 20 decided.
    expect(screen.getByTestId('adds-up').textContent).toMatch(/of 20 tickets decided, 11 \(55%\) answered for good, 2 \(10%\) answered less than 7 days ago, 0 \(0%\) answered but reopened, 9 \(45%\) handed off\. Counted apart: 2 decided in shadow mode only, 0 ignored\./);
    expect(screen.getAllByTestId('stacked-bars')).toHaveLength(1);
    expect(screen.getAllByTestId('team-bars')).toHaveLength(1);
    expect(screen.getByTestId('weekly-columns')).toBeTruthy();
    expect(within(screen.getByTestId('flags-table')).getByText('Sent to the wrong team')).toBeTruthy();
    const dead = within(screen.getByTestId('dead-letters-table'));
    expect(dead.getByText('Zendesk answered 422')).toBeTruthy();
    expect(dead.getByText('Process a customer message')).toBeTruthy();
    const range = new URL(client.requests[0]!.url).searchParams;
    expect(Date.parse(range.get('to')!) - Date.parse(range.get('from')!)).toBe(30 * 86_400_000);
  });

  it('shows CSAT after handoff next to automated and the human-only baseline, and resolution times', async () => {
    renderApp(fakeClient({ location: 'nav_bar', routes: analyticsRoutes() }));
    const csat = await screen.findByTestId('csat');
    const bars = within(csat).getByTestId('csat-bars');
    // Each path with its score and the number of ratings behind it, in the order the card reads.
    expect([...bars.querySelectorAll('[data-chart-text]')].map((t) => t.textContent)).toEqual(['After handoff', '60% (10)', 'Automated', '90% (10)', 'Human only (baseline)', '70% (10)', '0%', '50%', '100%']);
    // Like with like, each on its own axis: first answers together, resolutions together, with their counts.
    const time = screen.getByTestId('resolution-time');
    const texts = (id: string) => [...within(time).getByTestId(id).querySelectorAll('[data-chart-text]')].map((t) => t.textContent);
    expect(texts('first-response-bars')).toEqual(['Automated', '1 min (11 tickets)', 'People', '42 min (8 tickets)', '0 min', '21 min', '42 min']);
    expect(texts('resolution-bars')).toEqual(['Automated', '3 min (10 tickets)', 'People', '31 hr (8 tickets)', '0 min', '15.5 hr', '31 hr']);
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
    // CSAT cells carry their good/bad counts for screen readers; the visible text is the score and how many ratings.
    const visible = (cells: (string | null)[]) => cells.map((c) => c!.replace(/ \d+ good, \d+ bad$/, ''));
    expect(visible(cells('baton-quality-intent-table', 'complaint'))).toEqual(['complaint', '4', '0%', '100%', '25% (4)', '—', '—', '—', '2 days']);
    expect(visible(cells('baton-quality-intent-table', 'password reset'))).toEqual(['password reset', '8', '100%', '0%', '—', '80% (5)', '—', '2 min', '—']);
    // Team | handoffs | share | CSAT after handoff | first human reply | resolution
    expect(visible(cells('baton-quality-team-table', 'Finance'))).toEqual(['Finance', '4', '44%', '25% (4)', '1.6 hr', '2 days']);
    // The week of Feb 23 ran past the period's end (Mar 2 is its last day but asOf is Mar 3): a full week.
    expect(visible(cells('baton-quality-week-table', 'Feb 23'))).toEqual(['Feb 23', '12', '58%', '42%', '50% (4)', '75% (4)', '100% (1)', '2 min', '—']);
    // Rows under the minimum sample (20 tickets) are greyed, not hidden.
    expect(within(screen.getByTestId('baton-quality-week-table')).getByText('Feb 23').closest('tr')!.dataset.few).toBe('true');
    const week = screen.getByTestId('csat-by-week');
    expect([...week.querySelectorAll('rect title')].map((t) => t.textContent)).toEqual([
      'Feb 23: After handoff 50% (4) (too few to judge)',
      'Feb 23: Automated 75% (4) (too few to judge)',
      'Feb 23: Human only (baseline) 100% (1) (too few to judge)',
    ]);
  });

  it('draws no CSAT bar where nothing was rated, and says so with a dash rather than 0%', async () => {
    const s = summary();
    renderApp(fakeClient({ location: 'nav_bar', routes: analyticsRoutes({ ...s, csat: { ...s.csat, handoff: { good: 0, bad: 0, score: null } }, byWeek: [] }) }));
    const bars = within(await screen.findByTestId('csat')).getByTestId('csat-bars');
    expect([...bars.querySelectorAll('[data-chart-text]')].map((t) => t.textContent)).toEqual(['After handoff', '—', 'Automated', '90% (10)', 'Human only (baseline)', '70% (10)', '0%', '50%', '100%']);
    expect([...bars.querySelectorAll('.bar')].map((b) => b.parentElement!.getAttribute('aria-label'))).toEqual(['Automated: 90% (10)', 'Human only (baseline): 70% (10)']);
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
