// @vitest-environment jsdom
/**
 * The rollout panel and the shadow report on the analytics page: the switches as the
 * connector reports them, a change sent as the admin route expects it and the connector's
 * answer shown, a refusal shown with the old mode kept, and the shadow table.
 */
import './jsdom-setup.js';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { RolloutChange, RolloutView } from '../../../connector/src/sidebar-api/types.js';
import type { ZafRequestOptions } from '../../../sidebar-app/src/app/zaf/types';
import { failure, fakeClient } from './fake-client.js';
import { renderApp } from './render.js';
import { analyticsRoutes, rolloutView, shadowReport } from './views.js';

afterEach(cleanup);

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

/** A connector that applies intent changes to its view and refuses segment changes, as a policy without that segment would. */
function rolloutConnector() {
  let view: RolloutView = rolloutView();
  const puts: RolloutChange[] = [];
  const routes = {
    ...analyticsRoutes(),
    'GET /api/admin/rollout': () => view,
    'PUT /api/admin/rollout': (o: ZafRequestOptions) => {
      const change = JSON.parse(o.data!) as RolloutChange;
      puts.push(change);
      if (change.target.kind === 'segment') throw failure(400, { error: { code: 'BAD_REQUEST', message: 'segment: unknown segment "trial_accounts"; the policy defines no segments' } });
      const target = change.target;
      if (target.kind !== 'intent') throw new Error('not used here');
      view = {
        ...view,
        intents: view.intents.map((i) => (i.intent !== target.intent ? i : change.mode === 'inherit' ? { ...i, mode: view.default, explicit: false } : { ...i, mode: change.mode, explicit: true })),
      };
      return { changed: true, rollout: view };
    },
  };
  return { routes, puts };
}

describe('rollout panel', () => {
  it("lists the default, each intent's and each segment's mode", async () => {
    renderApp(fakeClient({ location: 'nav_bar', routes: analyticsRoutes() }));
    const panel = await screen.findByTestId('rollout-panel');
    await within(panel).findByTestId('rollout-intents');
    expect(select('Default mode').value).toBe('live');
    // An intent without its own mode follows the default, and says which mode that is.
    const follows = select('Mode for password reset');
    expect(follows.value).toBe('inherit');
    expect(follows.selectedOptions[0]!.textContent).toBe('Default (Live)');
    expect(select('Mode for refund request').value).toBe('shadow');
    const segment = within(within(panel).getByTestId('rollout-segments')).getByText('trial accounts').closest('tr')!;
    expect(segment.textContent).toMatch(/org_tags: trial/);
    expect(select('Mode for trial accounts').value).toBe('shadow');
  });

  it('sends a change to the connector and shows the mode it answers', async () => {
    const user = userEvent.setup();
    const { routes, puts } = rolloutConnector();
    const client = fakeClient({ location: 'nav_bar', routes });
    renderApp(client);
    await screen.findByTestId('rollout-intents');
    await user.selectOptions(select('Mode for refund request'), 'live');
    // Picking a mode changes nothing yet: the panel says what would change, and waits.
    const confirm = await screen.findByTestId('rollout-confirm');
    expect(confirm.textContent).toMatch(/refund request: Shadow → Live\. Baton will answer or hand off refund request tickets by itself/);
    expect(puts).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Saved: refund request is now Live.')).toBeTruthy();
    expect(puts).toEqual([{ target: { kind: 'intent', intent: 'refund_request' }, mode: 'live' }]);
    expect(screen.queryByTestId('rollout-confirm')).toBeNull();
    const put = client.requests.find((r) => r.type === 'PUT')!;
    expect(put.url).toBe('https://baton.example.com/api/admin/rollout');
    expect(put.secure).toBe(true);
    expect(select('Mode for refund request').value).toBe('live');
    // Every change can be undone: Undo sends the previous mode back.
    await user.click(screen.getByRole('button', { name: 'Undo: set refund request back to Shadow' }));
    expect(await screen.findByText('Undone: refund request is Shadow again.')).toBeTruthy();
    expect(puts.at(-1)).toEqual({ target: { kind: 'intent', intent: 'refund_request' }, mode: 'shadow' });
    expect(select('Mode for refund request').value).toBe('shadow');
  });

  it('sends nothing on Cancel, and can make an intent follow the default again', async () => {
    const user = userEvent.setup();
    const { routes, puts } = rolloutConnector();
    renderApp(fakeClient({ location: 'nav_bar', routes }));
    await screen.findByTestId('rollout-intents');
    await user.selectOptions(select('Mode for refund request'), 'inherit');
    await user.click(within(await screen.findByTestId('rollout-confirm')).getByRole('button', { name: 'Cancel' }));
    expect(select('Mode for refund request').value).toBe('shadow');
    expect(puts).toEqual([]);
    await user.selectOptions(select('Mode for refund request'), 'inherit');
    await user.click(within(await screen.findByTestId('rollout-confirm')).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Saved: refund request is now Default (Live).')).toBeTruthy();
    expect(puts.at(-1)).toEqual({ target: { kind: 'intent', intent: 'refund_request' }, mode: 'inherit' });
    expect(select('Mode for refund request').value).toBe('inherit');
  });

  it("shows the connector's refusal and keeps the mode it had", async () => {
    const user = userEvent.setup();
    const { routes, puts } = rolloutConnector();
    renderApp(fakeClient({ location: 'nav_bar', routes }));
    await screen.findByTestId('rollout-segments');
    await user.selectOptions(select('Mode for trial accounts'), 'live');
    await user.click(within(await screen.findByTestId('rollout-confirm')).getByRole('button', { name: 'Apply' }));
    const result = await screen.findByTestId('rollout-result');
    expect(result.getAttribute('role')).toBe('alert');
    // BAD_REQUEST in the app's words, not the connector's English.
    expect(result.textContent).toBe('Could not change the rollout: The connector could not read the request.');
    expect(puts).toEqual([{ target: { kind: 'segment', segment: 'trial_accounts' }, mode: 'live' }]);
    expect(select('Mode for trial accounts').value).toBe('shadow');
    // The selects are usable again after the failure.
    await waitFor(() => expect(select('Mode for trial accounts').disabled).toBe(false));
  });

  it('shows a connector without the admin routes as a problem in the panel, figures still readable', async () => {
    const routes: Record<string, unknown> = { ...analyticsRoutes() };
    delete routes['GET /api/admin/rollout'];
    renderApp(fakeClient({ location: 'nav_bar', role: 'admin', routes }));
    const panel = await screen.findByTestId('rollout-panel');
    const problem = await within(panel).findByTestId('connector-problem');
    await waitFor(() => expect(problem.textContent).toMatch(/no route GET \/api\/admin\/rollout/));
    expect(screen.getByTestId('automation-rate').textContent).toMatch(/55%/);
  });
});

describe('shadow report', () => {
  it('puts what Baton would have done next to what the agent did', async () => {
    const client = fakeClient({ location: 'nav_bar', routes: { ...analyticsRoutes(), 'GET /api/admin/shadow': shadowReport() } });
    renderApp(client);
    const report = await screen.findByTestId('shadow-report');
    expect(report.textContent).toMatch(/2 tickets decided in shadow mode: 1 agreed with the agent, 1 disagreed, 0 still open/);
    const rows = [...within(report).getByTestId('shadow-table').querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent));
    expect(rows).toEqual([
      ['#77', 'Handed off: refund request → Finance (91% sure)', 'Solved → Tier 1 Support, first reply after 12 min', 'Disagreed'],
      ['#76', 'Answered: password reset (97% sure)', 'Solved, no reply from a person', 'Agreed'],
    ]);
    // Asked for the page's period.
    const shadow = new URL(client.requests.find((r) => r.url.includes('/api/admin/shadow'))!.url).searchParams;
    expect(Date.parse(shadow.get('to')!) - Date.parse(shadow.get('from')!)).toBe(30 * 86_400_000);
  });

  it('is left out when nothing was decided in shadow mode', async () => {
    let answered = false;
    const routes = {
      ...analyticsRoutes(),
      'GET /api/admin/shadow': () => {
        answered = true;
        return shadowReport({ rows: [], byIntent: [] });
      },
    };
    renderApp(fakeClient({ location: 'nav_bar', routes }));
    await waitFor(() => expect(answered).toBe(true));
    await act(async () => undefined); // let the answer render
    expect(screen.getByTestId('rollout-panel')).toBeTruthy();
    expect(screen.queryByTestId('shadow-report')).toBeNull();
    expect(screen.queryByTestId('shadow-unavailable')).toBeNull();
  });

  it('says in one line when the report cannot be read', async () => {
    const routes = { ...analyticsRoutes(), 'GET /api/admin/shadow': () => { throw failure(502, { error: { code: 'HELPDESK_UNAVAILABLE', message: 'Zendesk did not answer' } }); } };
    renderApp(fakeClient({ location: 'nav_bar', routes }));
    expect((await screen.findByTestId('shadow-unavailable')).textContent).toBe('The shadow report could not be read: Zendesk did not answer');
  });
});
