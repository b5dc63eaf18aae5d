// @vitest-environment jsdom
/**
 * The app's side of attested admin calls: on the nav_bar page the connector served with a
 * session, admin calls carry it; the sidebar's per-ticket calls never do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createConnectorApi } from '../../../sidebar-app/src/app/api/connector';
import { fakeClient } from './fake-client.js';

afterEach(() => document.head.querySelectorAll('meta[name="baton-admin-session"]').forEach((m) => m.remove()));

describe('admin session header', () => {
  const routes = { 'PUT /api/admin/rollout': { changed: true }, 'GET /api/sidebar/tickets/42': {} };

  it('sends the page’s admin session with admin calls only', async () => {
    const meta = document.createElement('meta');
    meta.name = 'baton-admin-session';
    meta.content = 'session-from-connector';
    document.head.append(meta);
    const client = fakeClient({ location: 'nav_bar', routes });
    const api = await createConnectorApi(client);
    await api.changeRollout({ target: { kind: 'default' }, mode: 'shadow' });
    await api.ticket(42);
    const [admin, ticket] = client.requests;
    expect(admin!.headers).toMatchObject({ 'X-Baton-Admin-Session': 'session-from-connector' });
    expect(ticket!.headers).not.toHaveProperty('X-Baton-Admin-Session');
  });

  it('sends none on a page without a session', async () => {
    const client = fakeClient({ location: 'nav_bar', routes });
    await (await createConnectorApi(client)).changeRollout({ target: { kind: 'default' }, mode: 'shadow' });
    expect(client.requests[0]!.headers).not.toHaveProperty('X-Baton-Admin-Session');
  });
});
