/**
 * Every sandbox API endpoint, called over real HTTP, with the request checked (strictly)
 * before it is sent and the response checked after, against Zendesk's OpenAPI spec or, where
 * the spec has no entry, the schemas transcribed from Zendesk's docs. Error responses are
 * checked too (409, 422, 404, 401).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_AGENTS, SANDBOX_END_USERS, SANDBOX_GROUPS, SANDBOX_ORGANIZATIONS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { expectValidRequest, expectValidResponse } from '../contract/oas.js';
import { callApi, startReceiver, type Receiver } from './helpers.js';

let sandbox: Sandbox;
let receiver: Receiver;
const ids: Record<string, number | string> = {};
const covered = new Set<string>();

beforeAll(async () => {
  sandbox = await startSandbox();
  receiver = await startReceiver();
  ids.inboundTicket = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.maya.email }, subject: 'Cannot export', body: 'The export button does nothing.' }).ticket.id;
});

afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

interface Step {
  method: 'GET' | 'POST' | 'PUT';
  /** Path template for the test name; `path()` gives the concrete path at run time. */
  route: string;
  path: () => string;
  body?: () => unknown;
  status: number;
  auth?: null;
  after?: (body: any) => void;
}

const t = (): number => Number(ids.inboundTicket);

const STEPS: Step[] = [
  { method: 'GET', route: '/api/v2/users/me', path: () => '/api/v2/users/me', status: 200, after: (b) => expect(b.user.role).toBe('admin') },
  { method: 'GET', route: '/api/v2/users/{id} (agent)', path: () => `/api/v2/users/${SANDBOX_AGENTS.elena.id}`, status: 200 },
  { method: 'GET', route: '/api/v2/users/{id} (end user)', path: () => `/api/v2/users/${SANDBOX_END_USERS.maya.id}`, status: 200 },
  {
    method: 'POST',
    route: '/api/v2/users',
    path: () => '/api/v2/users',
    body: () => ({ user: { name: 'Noor Aziz', email: 'noor@pixelpine.example', role: 'end-user', organization_id: SANDBOX_ORGANIZATIONS.pixelpine.id } }),
    status: 201,
    after: (b) => (ids.newUser = b.user.id),
  },
  { method: 'GET', route: '/api/v2/organizations/{id}', path: () => `/api/v2/organizations/${SANDBOX_ORGANIZATIONS.globex.id}`, status: 200 },
  { method: 'GET', route: '/api/v2/groups', path: () => '/api/v2/groups', status: 200 },
  { method: 'GET', route: '/api/v2/group_memberships', path: () => '/api/v2/group_memberships', status: 200 },
  {
    method: 'POST',
    route: '/api/v2/webhooks',
    path: () => '/api/v2/webhooks',
    body: () => ({ webhook: { name: 'Baton intake', status: 'active', endpoint: receiver.url, http_method: 'POST', request_format: 'json', subscriptions: ['conditional_ticket_events'] } }),
    status: 201,
    after: (b) => (ids.webhook = b.webhook.id),
  },
  { method: 'GET', route: '/api/v2/webhooks', path: () => '/api/v2/webhooks', status: 200 },
  { method: 'GET', route: '/api/v2/webhooks/{id}', path: () => `/api/v2/webhooks/${ids.webhook}`, status: 200 },
  { method: 'GET', route: '/api/v2/webhooks/{id}/signing_secret', path: () => `/api/v2/webhooks/${ids.webhook}/signing_secret`, status: 200 },
  {
    method: 'POST',
    route: '/api/v2/triggers',
    path: () => '/api/v2/triggers',
    body: () => ({
      trigger: {
        title: 'Notify on customer comment',
        category_id: '10001',
        conditions: { all: [{ field: 'comment_is_public', operator: 'is', value: 'true' }, { field: 'current_via_id', operator: 'is_not', value: 5 }], any: [] },
        actions: [{ field: 'notification_webhook', value: [String(ids.webhook), '{"id":"{{ticket.id}}"}'] }],
      },
    }),
    status: 201,
    after: (b) => (ids.trigger = b.trigger.id),
  },
  { method: 'GET', route: '/api/v2/triggers', path: () => '/api/v2/triggers', status: 200 },
  { method: 'GET', route: '/api/v2/triggers/{id}', path: () => `/api/v2/triggers/${ids.trigger}`, status: 200 },
  {
    method: 'POST',
    route: '/api/v2/tickets',
    path: () => '/api/v2/tickets',
    body: () => ({ ticket: { subject: 'Follow-up call', requester_id: SANDBOX_END_USERS.carlos.id, priority: 'high', tags: ['phone'], comment: { body: 'Logged from a phone call.', public: false } } }),
    status: 201,
    after: (b) => (ids.apiTicket = b.ticket.id),
  },
  { method: 'GET', route: '/api/v2/tickets (offset)', path: () => '/api/v2/tickets', status: 200 },
  { method: 'GET', route: '/api/v2/tickets (cursor)', path: () => '/api/v2/tickets?page[size]=1', status: 200, after: (b) => (ids.after = b.meta.after_cursor) },
  { method: 'GET', route: '/api/v2/tickets (cursor, next page)', path: () => `/api/v2/tickets?page[size]=1&page[after]=${ids.after}`, status: 200 },
  { method: 'GET', route: '/api/v2/tickets/{id}', path: () => `/api/v2/tickets/${t()}`, status: 200, after: (b) => (ids.stamp = b.ticket.updated_at) },
  {
    method: 'PUT',
    route: '/api/v2/tickets/{id} (safe update)',
    path: () => `/api/v2/tickets/${t()}`,
    body: () => ({
      ticket: {
        status: 'pending',
        priority: 'normal',
        tags: ['how_to', 'baton_automated'],
        group_id: SANDBOX_GROUPS.product.id,
        assignee_id: SANDBOX_AGENTS.jonas.id,
        custom_fields: [{ id: 360_000_111, value: 'export' }],
        comment: { html_body: '<p>Try <strong>Settings → Data → Export</strong>.</p>', public: true, author_id: SANDBOX_AGENTS.jonas.id },
        safe_update: true,
        updated_stamp: String(ids.stamp),
      },
    }),
    status: 200,
  },
  { method: 'PUT', route: '/api/v2/tickets/{id} (stale stamp → 409)', path: () => `/api/v2/tickets/${t()}`, body: () => ({ ticket: { status: 'solved', safe_update: true, updated_stamp: String(ids.stamp) } }), status: 409 },
  {
    method: 'PUT',
    route: '/api/v2/tickets/{id} (assignee outside group → 422)',
    path: () => `/api/v2/tickets/${t()}`,
    body: () => ({ ticket: { group_id: SANDBOX_GROUPS.finance.id, assignee_id: SANDBOX_AGENTS.jonas.id } }),
    status: 422,
  },
  { method: 'GET', route: '/api/v2/tickets/{id}/comments', path: () => `/api/v2/tickets/${t()}/comments`, status: 200 },
  { method: 'GET', route: '/api/v2/tickets/{id}/audits', path: () => `/api/v2/tickets/${t()}/audits`, status: 200 },
  { method: 'GET', route: '/api/v2/users/{id}/tickets/requested', path: () => `/api/v2/users/${SANDBOX_END_USERS.maya.id}/tickets/requested`, status: 200 },
  { method: 'GET', route: '/api/v2/search', path: () => `/api/v2/search?query=${encodeURIComponent(`type:ticket requester:${SANDBOX_END_USERS.maya.email} status<solved`)}`, status: 200 },
  { method: 'GET', route: '/api/v2/incremental/tickets/cursor', path: () => '/api/v2/incremental/tickets/cursor?start_time=0', status: 200 },
  { method: 'GET', route: '/api/v2/help_center/articles/search', path: () => '/api/v2/help_center/articles/search?query=export%20data', status: 200 },
  { method: 'GET', route: '/api/v2/satisfaction_ratings', path: () => '/api/v2/satisfaction_ratings', status: 200 },
  { method: 'GET', route: '/api/v2/tickets/{id} (missing → 404)', path: () => '/api/v2/tickets/999999', status: 404 },
  { method: 'GET', route: '/api/v2/tickets (no credentials → 401)', path: () => '/api/v2/tickets', status: 401, auth: null },
];

describe('every endpoint honours the Zendesk contract in both directions', () => {
  it.each(STEPS.map((s) => [`${s.method} ${s.route} → ${s.status}`, s] as const))('%s', async (_name, step) => {
    const path = step.path();
    const body = step.body?.();
    if (body !== undefined) expectValidRequest(step.method, path, body);
    const res = await callApi(sandbox, step.method, path, body, step.auth === null ? { authorization: null } : {});
    expect(res.status, JSON.stringify(res.body)).toBe(step.status);
    const result = expectValidResponse(step.method, path, res.status, res.body);
    covered.add(`${step.method} ${result.pathTemplate}`);
    step.after?.(res.body);
  });

  it('covered every endpoint the sandbox serves', () => {
    expect([...covered].sort()).toEqual(
      [
        'GET /api/v2/group_memberships',
        'GET /api/v2/groups',
        'GET /api/v2/help_center/articles/search',
        'GET /api/v2/incremental/tickets/cursor',
        'GET /api/v2/organizations/{organization_id}',
        'GET /api/v2/satisfaction_ratings',
        'GET /api/v2/search',
        'GET /api/v2/tickets',
        'GET /api/v2/tickets/{ticket_id}',
        'GET /api/v2/tickets/{ticket_id}/audits',
        'GET /api/v2/tickets/{ticket_id}/comments',
        'GET /api/v2/triggers',
        'GET /api/v2/triggers/{trigger_id}',
        'GET /api/v2/users/me',
        'GET /api/v2/users/{user_id}',
        'GET /api/v2/users/{user_id}/tickets/requested',
        'GET /api/v2/webhooks',
        'GET /api/v2/webhooks/{webhook_id}',
        'GET /api/v2/webhooks/{webhook_id}/signing_secret',
        'POST /api/v2/tickets',
        'POST /api/v2/triggers',
        'POST /api/v2/users',
        'POST /api/v2/webhooks',
        'PUT /api/v2/tickets/{ticket_id}',
      ].sort(),
    );
  });

  it('a seeded satisfaction rating keeps the list response valid', async () => {
    const ticket = sandbox.state.getTicket(t())!;
    sandbox.state.addSatisfactionRating({ ticketId: ticket.id, requesterId: ticket.requesterId, assigneeId: SANDBOX_AGENTS.jonas.id, groupId: SANDBOX_GROUPS.product.id, score: 'good', comment: 'Quick fix, thanks', reason: '' });
    const res = await callApi(sandbox, 'GET', '/api/v2/satisfaction_ratings');
    expect(res.body.satisfaction_ratings).toHaveLength(1);
    expectValidResponse('GET', '/api/v2/satisfaction_ratings', 200, res.body);
    const shown = await callApi(sandbox, 'GET', `/api/v2/tickets/${ticket.id}`);
    expect(shown.body.ticket.satisfaction_rating).toMatchObject({ score: 'good' });
    expectValidResponse('GET', `/api/v2/tickets/${ticket.id}`, 200, shown.body);
  });
});
