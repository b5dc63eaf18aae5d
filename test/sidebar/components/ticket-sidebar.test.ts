// @vitest-environment jsdom
/** The ticket sidebar with Testing Library: what it shows, what it sends, how it fails. */
import './jsdom-setup.js';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, fakeClient } from './fake-client.js';
import { renderApp } from './render.js';
import { handedOffView } from './views.js';

afterEach(cleanup);

const GET = 'GET /api/sidebar/tickets/42';

describe('TicketSidebar', () => {
  it('shows state and reasons in plain words, the summary, every attempt and the customer', async () => {
    renderApp(fakeClient({ routes: { [GET]: handedOffView() } }));
    expect(await screen.findByText('With a person')).toBeTruthy();
    expect(screen.getByText('Customer is upset')).toBeTruthy();
    // A reason code the app has no words for shows the connector's sentence.
    expect(screen.getByText('matched the big-refund rule')).toBeTruthy();
    expect(screen.getByTestId('summary').textContent).toBe('Double-charged on invoice 1042; wants a refund.');
    // Newest first: the attempt that handed off is on top, the older one folded away below it.
    const attempts = screen.getAllByTestId('attempt');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.textContent).toMatch(/Handed to Finance.*billing question, 62% sure.*customer upset/);
    expect(attempts[1]!.textContent).toMatch(/Answered with the billing question playbook.*90% sure.*customer calm.*Where is my refund\?.*Refunds take 5-7 days/);
    expect(screen.getByTestId('older-attempts').contains(attempts[1]!)).toBe(true);
    expect(screen.getByTestId('older-attempts').contains(attempts[0]!)).toBe(false);
    const customer = screen.getByTestId('customer');
    expect(customer.textContent).toMatch(/VIP/);
    expect(customer.textContent).toMatch(/enterprise/);
    expect(customer.textContent).toMatch(/\$480K/);
    expect(within(customer).getByRole('link').getAttribute('href')).toBe('https://crm.example.com/accounts/3001');
    expect(screen.getByTestId('earlier').textContent).toMatch(/#7 Exporting invoices.*how-to question/);
  });

  it('opens an earlier conversation in Zendesk through ZAF routing', async () => {
    const user = userEvent.setup();
    const client = fakeClient({ routes: { [GET]: handedOffView() } });
    renderApp(client);
    await user.click(await screen.findByRole('button', { name: 'Open ticket #7' }));
    expect(client.invokes.filter((i) => i.name === 'routeTo')).toEqual([{ name: 'routeTo', args: ['ticket', '7'] }]);
  });

  it('asks the connector through the secure proxy with a JWT naming account and agent', async () => {
    const client = fakeClient({ routes: { [GET]: handedOffView() } });
    renderApp(client);
    await screen.findByText('With a person');
    const req = client.requests[0]!;
    expect(req.url).toBe('https://baton.example.com/api/sidebar/tickets/42');
    expect(req.secure).toBe(true);
    expect(req.cors).toBe(false);
    expect(req.headers).toEqual({ Authorization: 'Bearer {{jwt.token}}' });
    expect(req.jwt).toMatchObject({ algorithm: 'HS256', secret_key: '{{setting.shared_secret}}', expiry: 3600, claims: { iss: 'acme', aud: 'baton-sidebar', sub: '9001', name: 'Ada Agent' } });
    // The secret itself never appears in what the browser sends.
    expect(JSON.stringify(client.requests)).not.toMatch(/secret-value/);
  });

  it('copies the summary', async () => {
    const user = userEvent.setup();
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void copied.push(t) }, configurable: true });
    renderApp(fakeClient({ routes: { [GET]: handedOffView() } }));
    await user.click(await screen.findByRole('button', { name: 'Copy' }));
    expect(copied).toEqual(['Double-charged on invoice 1042; wants a refund.']);
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('resizes its iframe to its content', async () => {
    const client = fakeClient({ routes: { [GET]: handedOffView() } });
    renderApp(client);
    await screen.findByText('With a person');
    await waitFor(() => expect(client.invokes.some((i) => i.name === 'resize')).toBe(true));
    expect(client.invokes.find((i) => i.name === 'resize')!.args[0]).toMatchObject({ width: '100%', height: expect.stringMatching(/^\d+px$/) });
  });

  it('returns the ticket to automation after confirmation, with the note, then reloads', async () => {
    const user = userEvent.setup();
    let returned = false;
    const client = fakeClient({
      routes: {
        [GET]: () => (returned ? handedOffView({ ticket: { ...handedOffView().ticket, state: 'returned' }, canReturn: { allowed: false, code: 'already_returned', reason: 'Already returned to automation.' } }) : handedOffView()),
        'POST /api/sidebar/tickets/42/return': () => {
          returned = true;
          return { state: 'returned', tags: ['baton_returned'] };
        },
      },
    });
    renderApp(client);
    await user.click(await screen.findByRole('button', { name: 'Return to automation' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/An internal note records that you did this/)).toBeTruthy();
    await user.click(within(dialog).getByLabelText('Note (optional)'));
    await user.paste('Refund already issued.');
    await user.click(within(dialog).getByRole('button', { name: 'Return to automation' }));
    expect(await screen.findByText('Returned to automation.')).toBeTruthy();
    const post = client.requests.find((r) => r.type === 'POST')!;
    expect(JSON.parse(post.data!)).toEqual({ note: 'Refund already issued.' });
    expect(await screen.findByText('Returned to Baton')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    // The handoff's reasons no longer explain anything, and nothing is said twice.
    expect(screen.queryByText('Customer is upset')).toBeNull();
    expect(screen.getByTestId('state-note').textContent).toBe("Baton will triage the customer's next message.");
    expect(screen.queryByRole('button', { name: 'Return to automation' })).toBeNull();
  });

  it('cancelling the confirmation sends nothing', async () => {
    const user = userEvent.setup();
    const client = fakeClient({ routes: { [GET]: handedOffView() } });
    renderApp(client);
    const opener = await screen.findByRole('button', { name: 'Return to automation' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog');
    // The inline confirmation takes focus, and Escape or Cancel gives it back to the button.
    expect(document.activeElement).toBe(dialog);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    await user.click(opener);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(opener);
    expect(client.requests.filter((r) => r.type === 'POST')).toEqual([]);
  });

  it('shows no return button where it does not apply, and says why in the status line', async () => {
    renderApp(fakeClient({ routes: { [GET]: handedOffView({ ticket: { ...handedOffView().ticket, state: 'automated' }, canReturn: { allowed: false, code: 'already_automated', reason: 'Baton is already handling this ticket.' } }) } }));
    expect((await screen.findByTestId('state-note')).textContent).toBe('Baton is already handling this ticket.');
    expect(screen.queryByRole('button', { name: 'Return to automation' })).toBeNull();
  });

  it('shows the connector refusing a return (409) as an error, not a success', async () => {
    const user = userEvent.setup();
    renderApp(
      fakeClient({
        routes: {
          [GET]: handedOffView(),
          'POST /api/sidebar/tickets/42/return': () => {
            throw failure(409, { error: { code: 'NOT_HANDED_OFF', message: 'Ticket 42 is not handed off.', params: { reason: 'resolved' } } });
          },
        },
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Return to automation' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Return to automation' }));
    // The connector's code and reason, in the app's words (not its English message).
    expect((await screen.findByRole('alert')).textContent).toBe('Could not return the ticket: The ticket is resolved.');
  });

  it('flags a mistake: requires a kind, then sends kind and comment', async () => {
    const user = userEvent.setup();
    const client = fakeClient({ routes: { [GET]: handedOffView(), 'POST /api/sidebar/tickets/42/flags': { flag: { id: 1 } } } });
    renderApp(client);
    await user.click(await screen.findByRole('button', { name: 'Flag a mistake' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Send flag' }));
    expect(within(dialog).getByText('Choose what went wrong.')).toBeTruthy();
    expect(client.requests.filter((r) => r.type === 'POST')).toEqual([]);
    for (const label of ['Baton should have answered this', 'The answer was wrong', 'Sent to the wrong team', 'Something else']) expect(within(dialog).getByLabelText(label)).toBeTruthy();
    await user.click(within(dialog).getByLabelText('The answer was wrong'));
    await user.click(within(dialog).getByLabelText('Comment (optional)'));
    await user.paste('Wrong refund window.');
    await user.click(within(dialog).getByRole('button', { name: 'Send flag' }));
    expect(await screen.findByText('Thanks. The flag is waiting for review.')).toBeTruthy();
    expect(JSON.parse(client.requests.find((r) => r.type === 'POST')!.data!)).toEqual({ kind: 'wrong_answer', comment: 'Wrong refund window.' });
  });

  it('says so when Baton never handled the ticket', async () => {
    renderApp(fakeClient({ routes: {} }));
    expect((await screen.findByTestId('empty-state')).textContent).toMatch(/Baton has not handled this ticket/);
  });

  it('tells an agent in one line to tell their admin, without set-up details', async () => {
    renderApp(fakeClient({ routes: { [GET]: () => { throw failure(401, { error: { code: 'AUTH_INVALID', message: 'Token signature is not valid.' } }); } } }));
    const problem = await screen.findByTestId('connector-problem');
    expect(problem.dataset.audience).toBe('agent');
    expect(problem.textContent).toMatch(/^Baton is unavailable right now\. Tell your Zendesk admin\./);
    expect(problem.textContent).not.toMatch(/BATON_APP_SHARED_SECRET|Admin Center|Token signature/);
  });

  it('tells an admin the connector is unreachable, names the URL and what to check, and retries', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const client = fakeClient({
      role: 'admin',
      routes: {
        [GET]: () => {
          calls++;
          if (calls === 1) throw { status: 0, statusText: 'error', responseText: '' };
          return handedOffView();
        },
      },
    });
    renderApp(client);
    const problem = await screen.findByTestId('connector-problem');
    expect(problem.dataset.kind).toBe('unreachable');
    await waitFor(() => expect(problem.textContent).toMatch(/Cannot reach the Baton connector/));
    expect(problem.textContent).toMatch(/https:\/\/baton\.example\.com/);
    expect(problem.textContent).toMatch(/The Connector URL setting/);
    await user.click(within(problem).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('With a person')).toBeTruthy();
  });

  it('treats a proxy error page (no connector error body) as unreachable, and a 401 as a secret problem', async () => {
    renderApp(fakeClient({ role: 'admin', routes: { [GET]: () => { throw failure(502, undefined); } } }));
    expect((await screen.findByTestId('connector-problem')).dataset.kind).toBe('unreachable');
    cleanup();
    renderApp(fakeClient({ role: 'admin', routes: { [GET]: () => { throw failure(401, { error: { code: 'AUTH_INVALID', message: 'Token signature is not valid.' } }); } } }));
    const problem = await screen.findByTestId('connector-problem');
    expect(problem.dataset.kind).toBe('auth');
    await waitFor(() => expect(problem.textContent).toMatch(/BATON_APP_SHARED_SECRET/));
    cleanup();
    // A proxy that gave up waiting: the connector may be up but hung.
    renderApp(fakeClient({ role: 'admin', routes: { [GET]: () => { throw { status: 0, statusText: 'timeout', responseText: '' }; } } }));
    expect((await screen.findByTestId('connector-problem')).dataset.kind).toBe('timeout');
  });

  it('says the connector URL is not set, without calling anything', async () => {
    const client = fakeClient({ settings: {}, routes: { [GET]: handedOffView() } });
    renderApp(client);
    const problem = await screen.findByTestId('connector-problem');
    expect(problem.dataset.kind).toBe('not_configured');
    expect(client.requests).toEqual([]);
  });

  it("speaks the agent's language", async () => {
    renderApp(fakeClient({ locale: 'pt-BR', routes: { [GET]: handedOffView() } }));
    expect(await screen.findByText('Com uma pessoa')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Devolver à automação' })).toBeTruthy();
  });
});
