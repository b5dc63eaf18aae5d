/**
 * Ticket semantics over real HTTP: what a connector relies on when it reads and updates
 * tickets — status moves, tag replacement, assignment rules, comments and audits, safe_update
 * collisions, pagination, search and the incremental export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_AGENTS, SANDBOX_END_USERS, SANDBOX_GROUPS, SANDBOX_ORGANIZATIONS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { callApi } from './helpers.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const inbound = (email: string, body: string, subject?: string) => sandbox.inbound({ requester: { email }, subject, body }).ticket;

describe('customer channels', () => {
  it('an inbound e-mail creates a New ticket from the customer, via email, with their organization', async () => {
    const ticket = inbound(SANDBOX_END_USERS.maya.email, 'Our dashboard shows no data since this morning.', 'Dashboard empty');
    const res = await callApi(sandbox, 'GET', `/api/v2/tickets/${ticket.id}.json`);
    expect(res.body.ticket).toMatchObject({
      status: 'new',
      subject: 'Dashboard empty',
      description: 'Our dashboard shows no data since this morning.',
      requester_id: SANDBOX_END_USERS.maya.id,
      submitter_id: SANDBOX_END_USERS.maya.id,
      organization_id: SANDBOX_ORGANIZATIONS.northwind.id,
      via: { channel: 'email', source: { from: { address: SANDBOX_END_USERS.maya.email } } },
    });
  });

  it('an unknown customer is created as an end user, with a new organization by name', () => {
    const ticket = sandbox.inbound({ requester: { name: 'Ivy Chen', email: 'ivy@newco.example', organization: 'NewCo Ltd' }, body: 'Hello', channel: 'web' }).ticket;
    const user = sandbox.state.getUser(ticket.requesterId)!;
    expect(user).toMatchObject({ name: 'Ivy Chen', role: 'end-user' });
    expect(sandbox.state.getOrganization(user.organizationId!)?.name).toBe('NewCo Ltd');
    expect(ticket.via.channel).toBe('web');
  });

  it('a customer reply reopens a pending ticket and adds a public comment by the requester', async () => {
    const ticket = inbound(SANDBOX_END_USERS.sam.email, 'Where is order 1042?');
    await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'pending', comment: { body: 'It ships tomorrow.' } } });
    const res = await fetch(`${sandbox.url}/sandbox/tickets/${ticket.id}/customer-reply`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ body: 'Thanks, and the invoice?' }) });
    expect(res.status).toBe(200);
    expect(sandbox.state.getTicket(ticket.id)?.status).toBe('open');
    const last = sandbox.state.latestComment(ticket.id)!;
    expect(last).toMatchObject({ authorId: SANDBOX_END_USERS.sam.id, public: true, body: 'Thanks, and the invoice?' });
  });
});

describe('API updates', () => {
  it('replaces tags, assigns, comments, and records each change in one audit', async () => {
    const ticket = inbound(SANDBOX_END_USERS.omar.email, 'I was charged twice.');
    sandbox.state.getTicket(ticket.id)!.tags = ['billing', 'web'];
    const res = await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, {
      ticket: { tags: ['refund', 'baton_handoff'], group_id: SANDBOX_GROUPS.finance.id, assignee_id: SANDBOX_AGENTS.marcus.id, priority: 'high', comment: { body: 'Summary for the agent', public: false } },
    });
    expect(res.status).toBe(200);
    // Full replacement, not a merge; a New ticket touched by an agent becomes Open.
    expect(res.body.ticket).toMatchObject({ tags: ['refund', 'baton_handoff'], group_id: SANDBOX_GROUPS.finance.id, assignee_id: SANDBOX_AGENTS.marcus.id, status: 'open', priority: 'high' });
    const changes = Object.fromEntries(res.body.audit.events.filter((e: any) => e.type === 'Change').map((e: any) => [e.field_name, [e.previous_value, e.value]]));
    expect(changes).toMatchObject({ tags: [['billing', 'web'], ['refund', 'baton_handoff']], status: ['new', 'open'], assignee_id: [null, String(SANDBOX_AGENTS.marcus.id)] });
    const comments = await callApi(sandbox, 'GET', `/api/v2/tickets/${ticket.id}/comments`);
    expect(comments.body.comments.map((c: any) => [c.public, c.author_id])).toEqual([
      [true, SANDBOX_END_USERS.omar.id],
      [false, sandbox.apiUser.id],
    ]);
    const audits = await callApi(sandbox, 'GET', `/api/v2/tickets/${ticket.id}/audits`);
    expect(audits.body.audits.map((a: any) => a.via.channel)).toEqual(['email', 'api']);
  });

  it('assigning an agent without a group puts the ticket in the agent’s default group', async () => {
    const ticket = inbound(SANDBOX_END_USERS.lena.email, 'How do I add a colleague?');
    const res = await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { assignee_id: SANDBOX_AGENTS.aiko.id } });
    expect(res.body.ticket.group_id).toBe(SANDBOX_GROUPS.tier1.id);
  });

  it('refuses an assignee outside the group, an end user as assignee, and an unknown group (422 RecordInvalid)', async () => {
    const ticket = inbound(SANDBOX_END_USERS.lena.email, 'Question');
    const outside = await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { group_id: SANDBOX_GROUPS.trust.id, assignee_id: SANDBOX_AGENTS.tom.id } });
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ error: 'RecordInvalid', details: { assignee: [{ description: 'Assignee is not a member of the group' }] } });
    expect((await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { assignee_id: SANDBOX_END_USERS.sam.id } })).status).toBe(422);
    expect((await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { group_id: 999 } })).status).toBe(422);
    expect(sandbox.state.getTicket(ticket.id)).toMatchObject({ groupId: null, assigneeId: null });
  });

  it('safe_update: the stamp just read succeeds once; the same stamp afterwards is a 409 with Zendesk’s body', async () => {
    const ticket = inbound(SANDBOX_END_USERS.jess.email, 'Pricing for 200 seats?');
    const read = await callApi(sandbox, 'GET', `/api/v2/tickets/${ticket.id}`);
    const stamp = read.body.ticket.updated_at as string;
    const first = await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'urgent', safe_update: true, updated_stamp: stamp } });
    expect(first.status).toBe(200);
    expect(first.body.ticket.updated_at).not.toBe(stamp);
    const second = await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'low', safe_update: true, updated_stamp: stamp } });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ error: 'UpdateConflict', description: expect.stringContaining('Safe Update prevented the update') });
    expect(sandbox.state.getTicket(ticket.id)?.priority).toBe('urgent');
  });

  it('creates a ticket through the API via channel "api"', async () => {
    const res = await callApi(sandbox, 'POST', '/api/v2/tickets', { ticket: { subject: 'Call back', requester_id: SANDBOX_END_USERS.carlos.id, comment: { body: 'Customer called.' } } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${sandbox.url}/api/v2/tickets/${res.body.ticket.id}.json`);
    expect(res.body.ticket).toMatchObject({ via: { channel: 'api' }, requester_id: SANDBOX_END_USERS.carlos.id, organization_id: SANDBOX_ORGANIZATIONS.globex.id });
  });
});

describe('reading lists', () => {
  it('cursor pagination walks every ticket exactly once', async () => {
    const total = sandbox.state.listTickets().length;
    const seen: number[] = [];
    let path: string | null = '/api/v2/tickets?page[size]=2';
    let pages = 0;
    while (path) {
      const res: { body: any } = await callApi(sandbox, 'GET', path);
      seen.push(...res.body.tickets.map((t: any) => t.id));
      pages++;
      path = res.body.meta.has_more ? (res.body.links.next as string).slice(sandbox.url.length) : null;
    }
    expect(seen).toEqual(sandbox.state.listTickets().map((t) => t.id));
    expect(pages).toBe(Math.ceil(total / 2));
  });

  it('search finds open tickets of one requester (type:ticket requester:x status<solved)', async () => {
    const a = inbound('pat@acmebakery.example', 'first');
    const b = inbound('pat@acmebakery.example', 'second');
    await callApi(sandbox, 'PUT', `/api/v2/tickets/${b.id}`, { ticket: { status: 'solved' } });
    inbound(SANDBOX_END_USERS.sam.email, 'someone else');
    const q = encodeURIComponent('type:ticket requester:pat@acmebakery.example status<solved');
    const res = await callApi(sandbox, 'GET', `/api/v2/search?query=${q}`);
    expect(res.body.results.map((r: any) => [r.id, r.result_type])).toEqual([[a.id, 'ticket']]);
    const requested = await callApi(sandbox, 'GET', `/api/v2/users/${a.requesterId}/tickets/requested`);
    expect(requested.body.tickets.map((t: any) => t.id)).toEqual([a.id, b.id]);
  });

  it('the incremental export returns tickets changed since start_time, then an empty end of stream; the last minute waits', async () => {
    // Its own helpdesk clock: Zendesk provides nothing changed within the last minute and
    // refuses a start_time that recent (oas.yaml, IncrementalUnixTime).
    let clock = Date.now();
    const timed = await startSandbox({ now: () => new Date(clock) });
    try {
      const since = Math.floor(clock / 1000) - 1;
      const tooRecent = await callApi(timed, 'GET', `/api/v2/incremental/tickets/cursor?start_time=${since}`);
      expect(tooRecent.status).toBe(400);
      const fresh = timed.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'first' }).ticket;
      clock += 61_000;
      const first = await callApi(timed, 'GET', `/api/v2/incremental/tickets/cursor?start_time=${since}`);
      const ids = first.body.tickets.map((t: any) => t.id);
      expect(ids).toContain(fresh.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(first.body.end_of_stream).toBe(true);
      const next = await callApi(timed, 'GET', `/api/v2/incremental/tickets/cursor?cursor=${encodeURIComponent(first.body.after_cursor)}`);
      expect(next.body.tickets).toEqual([]);
      const touched = timed.inbound({ requester: { email: SANDBOX_END_USERS.omar.email }, body: 'new one' }).ticket;
      const withinMinute = await callApi(timed, 'GET', `/api/v2/incremental/tickets/cursor?cursor=${encodeURIComponent(first.body.after_cursor)}`);
      expect(withinMinute.body.tickets).toEqual([]);
      clock += 61_000;
      const after = await callApi(timed, 'GET', `/api/v2/incremental/tickets/cursor?cursor=${encodeURIComponent(first.body.after_cursor)}`);
      expect(after.body.tickets.map((t: any) => t.id)).toEqual([touched.id]);
    } finally {
      await timed.close();
    }
  });

  it('users/me is the API agent; organizations carry VIP tags and fields; memberships map agents to teams', async () => {
    const me = await callApi(sandbox, 'GET', '/api/v2/users/me');
    expect(me.body.user).toMatchObject({ id: sandbox.apiUser.id, email: sandbox.apiEmail, role: 'admin' });
    const org = await callApi(sandbox, 'GET', `/api/v2/organizations/${SANDBOX_ORGANIZATIONS.globex.id}`);
    expect(org.body.organization).toMatchObject({ tags: ['vip', 'enterprise', 'strategic'], organization_fields: { plan: 'enterprise', arr: 1_250_000, open_opportunity: 'expansion' } });
    const memberships = await callApi(sandbox, 'GET', `/api/v2/group_memberships?group_id=${SANDBOX_GROUPS.senior.id}`);
    expect(memberships.body.group_memberships.map((m: any) => m.user_id).sort()).toEqual(
      Object.values(SANDBOX_AGENTS)
        .filter((a) => (a.groups as readonly string[]).includes('senior'))
        .map((a) => a.id)
        .sort(),
    );
    const groups = await callApi(sandbox, 'GET', '/api/v2/groups');
    expect(groups.body.groups.map((g: any) => g.name)).toEqual(['Tier 1 Support', 'Finance', 'Product Support', 'Revenue', 'Trust & Safety', 'Senior Support']);
  });
});

describe('Help Center search', () => {
  it.each([
    ['I forgot my password', 'How to reset your password'],
    ['my account is locked out', 'Unlocking your account after too many sign-in attempts'],
    ['where is my order tracking', 'Tracking your order'],
    ['download invoice', 'Downloading invoices and receipts'],
    ['export my data to csv', 'Exporting your data'],
  ])('“%s” ranks “%s” first, with a highlighted snippet', async (query, title) => {
    const res = await callApi(sandbox, 'GET', `/api/v2/help_center/articles/search?query=${encodeURIComponent(query)}`);
    expect(res.body.results[0]).toMatchObject({ title, result_type: 'article' });
    expect(res.body.results[0].snippet).toMatch(/<em>/);
    const page = await fetch(res.body.results[0].html_url);
    expect(await page.text()).toContain(`<h1>${title}</h1>`);
  });

  it('returns no results for an unrelated query', async () => {
    const res = await callApi(sandbox, 'GET', '/api/v2/help_center/articles/search?query=zeppelin');
    expect(res.body).toMatchObject({ results: [], count: 0 });
  });
});
