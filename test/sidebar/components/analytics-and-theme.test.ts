// @vitest-environment jsdom
/** The analytics page, and the theme following Zendesk's colour scheme. */
import './jsdom-setup.js';
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClient } from './fake-client.js';
import { renderApp } from './render.js';
import { handedOffView, summary } from './views.js';

afterEach(cleanup);

const analyticsRoutes = (s = summary()) => ({
  'GET /api/analytics/summary': s,
  'GET /api/analytics/flags': { flags: [{ id: 1, ticketId: '42', attemptId: 2, kind: 'wrong_team', comment: 'Belongs to tier 1', agentId: '9001', createdAt: '2026-03-02T10:00:00.000Z', attempt: { intent: 'billing_question', action: 'handoff', team: 'finance', confidence: 0.62 }, subject: 'Charged twice' }] },
  'GET /api/analytics/dead-letters': { deadLetters: [{ id: 9, kind: 'process-event', attempts: 8, lastError: 'Zendesk answered 422', ticketId: '51', createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:30:00.000Z' }] },
});

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
    expect(screen.getByText('CSAT and resolution time are not recorded yet.')).toBeTruthy();
    const range = new URL(client.requests[0]!.url).searchParams;
    expect(Date.parse(range.get('to')!) - Date.parse(range.get('from')!)).toBe(30 * 86_400_000);
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
