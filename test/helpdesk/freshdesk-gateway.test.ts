/**
 * The Freshdesk gateway against the sandbox's Freshdesk face (real HTTP), and against a
 * scripted loopback server for the failure modes the sandbox does not produce on demand.
 */
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FreshdeskGateway, nextLink } from '../../connector/src/helpdesk/freshdesk/gateway.js';
import { guardedWrite } from '../../connector/src/helpdesk/freshdesk/guarded-write.js';
import { creditsOf, FreshdeskBudget, PLAN_LIMITS, subLimitOf } from '../../connector/src/helpdesk/freshdesk/rate-plan.js';
import { StatusCatalogue } from '../../connector/src/helpdesk/freshdesk/statuses.js';
import { startSandbox, SANDBOX_AGENTS, SANDBOX_END_USERS, SANDBOX_GROUPS, SANDBOX_ORGANIZATIONS, type Sandbox } from '../../connector/src/sandbox/index.js';
import { closeAll, serve } from '../integrations/loopback.js';

const FAST = { ...PLAN_LIMITS['addon-2000'], total: 600_000, ticket_update: 600_000, ticket_create: 600_000, tickets_list: 600_000, contacts_list: 600_000 };
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ helpdesk: 'freshdesk', apiKey: 'key-1' });
});
afterAll(() => sandbox.close());

const gateway = (baseUrl = sandbox.url, extra: Partial<ConstructorParameters<typeof FreshdeskGateway>[0]> = {}) =>
  new FreshdeskGateway({ baseUrl, apiKey: 'key-1', limits: FAST, maxRetries: 3, ...extra }, new FreshdeskBudget(FAST));

afterEach(closeAll);

describe('Freshdesk gateway', () => {
  it('authenticates with the API key and reads its own agent', async () => {
    const me = await gateway().me();
    expect(me.id).toBe(sandbox.apiUser.id);
    await expect(new FreshdeskGateway({ baseUrl: sandbox.url, apiKey: 'nope', limits: FAST }, new FreshdeskBudget(FAST)).me()).rejects.toMatchObject({ code: 'HELPDESK_HTTP', status: 401 });
  });

  it('reads the status set, custom statuses included, from ticket_fields — once per process', async () => {
    const g = gateway();
    const statuses = await g.statuses();
    expect(statuses.label(6)).toBe('Waiting on Customer');
    expect(statuses.neutralOf(7)).toBe('hold');
    expect(statuses.idOf('hold')).toBe(7); // "Waiting on Third Party"
    expect(statuses.idOf('solved')).toBe(4);
    const scoped = g.scoped();
    await scoped.statuses();
    expect(scoped.calls).toBe(0);
    expect(StatusCatalogue.fromTicketFields([]).idOf('hold')).toBe(3); // no custom status: Pending
  });

  it('posts a private note and a public reply, and counts calls per scoped view', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Where is my order?' }).ticket;
    const g = gateway().scoped();
    await g.note(t.id, '<p>summary for the team</p>');
    await g.reply(t.id, '<p>Your order ships today.</p>');
    const convs = await g.listConversations(t.id);
    expect(convs.map((c) => [c.private, c.source])).toEqual([
      [true, 2],
      [false, 0],
    ]);
    expect(g.calls).toBe(3);
    expect(sandbox.stats().byTicket[String(t.id)]).toMatchObject({ 'POST /api/v2/tickets/{id}/notes': 1, 'POST /api/v2/tickets/{id}/reply': 1 });
  });

  it('merges tags on a guarded write and keeps an assignment a human made in between', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.omar.email }, body: 'Refund me' }).ticket;
    const g = gateway();
    const base = await g.getTicket(t.id);
    // A person works the ticket after Baton read it: a tag and an assignment.
    sandbox.agentUpdate(t.id, SANDBOX_AGENTS.elena.id, { tags: ['vip_watch'] });
    await g.updateTicket(t.id, { group_id: SANDBOX_GROUPS.senior.id, responder_id: SANDBOX_AGENTS.elena.id });
    const result = await guardedWrite(
      g,
      String(t.id),
      (fresh) => ({ update: { tags: [...fresh.tags, 'baton_handoff'], priority: 3, group_id: SANDBOX_GROUPS.finance.id, responder_id: SANDBOX_AGENTS.marcus.id }, note: '<p>handoff</p>' }),
      { known: { ticket: base, readAt: Date.now() - 10_000 } },
    );
    expect(result.concurrentChange).toBe(true);
    expect(result.ticket.tags).toEqual(['vip_watch', 'baton_handoff']);
    expect(result.ticket.priority).toBe(3);
    expect(result.ticket).toMatchObject({ group_id: SANDBOX_GROUPS.senior.id, responder_id: SANDBOX_AGENTS.elena.id });
  });

  it('writes from a fresh base without reading again, and a recovering retry does not post the same note twice', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.omar.email }, body: 'Bug in export' }).ticket;
    const g = gateway().scoped();
    const base = await g.getTicket(t.id);
    const build = (fresh: { tags: string[] }) => ({ update: { tags: [...fresh.tags, 'baton_handoff', 'baton_m_1'] }, note: '<p>the note</p>' });
    const first = await guardedWrite(g, String(t.id), build, { known: { ticket: base, readAt: Date.now() } });
    expect(first.concurrentChange).toBe(false);
    expect(g.calls).toBe(3); // GET (the base), POST note, PUT
    const again = await guardedWrite(g, String(t.id), build, { recovering: true, done: (fresh) => fresh.tags.includes('baton_m_1') });
    expect(again.alreadyDone).toBe(true);
    // Crash between note and PUT: the retry finds the note already there and only updates.
    sandbox.state.getTicket(t.id)!.tags = [];
    await guardedWrite(g, String(t.id), build, { recovering: true, done: (fresh) => fresh.tags.includes('baton_m_1') });
    expect((await g.listConversations(t.id)).filter((c) => c.private)).toHaveLength(1);
  });

  it('reads contacts and companies for VIP checks, searches articles and tickets, pages lists', async () => {
    const g = gateway();
    const contact = await g.getContact(SANDBOX_END_USERS.maya.id);
    const company = await g.getCompany(contact.company_id!);
    expect(company.id).toBe(SANDBOX_ORGANIZATIONS.northwind.id);
    expect(company.custom_fields).toMatchObject({ plan: 'enterprise' });
    expect((await g.searchArticles('reset password')).length).toBeGreaterThan(0);
    expect((await g.listGroups()).length).toBe(Object.keys(SANDBOX_GROUPS).length);
    const before = g.calls;
    const agents = await g.list('/api/v2/agents', 5);
    expect(agents.length).toBe(sandbox.state.agents().length);
    expect(g.calls - before).toBe(Math.ceil(agents.length / 5));
    const tagged = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'x' }).ticket;
    await g.updateTicket(tagged.id, { tags: ['findme'] });
    expect((await g.searchTickets("tag:'findme'")).results.map((t) => t.id)).toEqual([tagged.id]);
  });

  it('waits for Retry-After on 429 and then succeeds; gives the job back when the wait is too long', async () => {
    let n = 0;
    const app = express();
    app.get('/api/v2/tickets/5', (_req, res) => {
      n++;
      if (n === 1) return void res.status(429).set('Retry-After', '1').json({ code: 'rate_limit_exceeded' });
      if (n === 2) return void res.json({ id: 5, tags: [] });
      res.status(429).set('Retry-After', '120').json({});
    });
    const g = gateway(await serve(app));
    expect((await g.getTicket(5)).id).toBe(5);
    expect(g.calls).toBe(2);
    await expect(g.getTicket(5)).rejects.toMatchObject({ code: 'HELPDESK_RATE_LIMITED', details: { retryAfterMs: 120_000 } });
  });

  it('reports a refused ticket update with its fields (the assignee by that name), other 400s as they are', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'x' }).ticket;
    await expect(gateway().updateTicket(t.id, { status: 42 })).rejects.toMatchObject({ code: 'HELPDESK_REFUSED', details: { fields: ['status'], errors: [{ field: 'status', code: 'invalid_value' }] } });
    await expect(gateway().updateTicket(t.id, { responder_id: SANDBOX_END_USERS.sam.id })).rejects.toMatchObject({ code: 'HELPDESK_REFUSED', details: { fields: ['assignee'] } });
    await expect(gateway().reply(t.id, '')).rejects.toMatchObject({ code: 'HELPDESK_HTTP', status: 400 });
  });
});

describe('Freshdesk plan budget', () => {
  it('classifies the sub-limited endpoints and the cost of embeds', () => {
    expect(subLimitOf('GET', '/api/v2/tickets?page=2')).toBe('tickets_list');
    expect(subLimitOf('GET', '/api/v2/contacts')).toBe('contacts_list');
    expect(subLimitOf('PUT', '/api/v2/tickets/12')).toBe('ticket_update');
    expect(subLimitOf('GET', '/api/v2/tickets/12')).toBeUndefined();
    expect(creditsOf('GET', '/api/v2/tickets/1?include=requester,company')).toBe(3);
    expect(creditsOf('GET', '/api/v2/tickets?include=description')).toBe(3);
  });

  it('holds list calls to their sub-limit while other calls go on', async () => {
    let clock = 0;
    const budget = new FreshdeskBudget({ total: 1000, ticket_create: 100, ticket_update: 100, tickets_list: 20, contacts_list: 20 }, () => clock);
    // 90% of 20 a minute, burst of one tenth: one list call now, the next only after time passes.
    await budget.take('GET', '/api/v2/tickets');
    let second = false;
    void budget.take('GET', '/api/v2/tickets').then(() => (second = true));
    for (let i = 0; i < 20; i++) await budget.take('GET', '/api/v2/tickets/1');
    await new Promise((r) => setTimeout(r, 30));
    expect(second).toBe(false); // twenty ticket reads passed the list call that waits for its own bucket
    clock += 60_000;
  });

  it('parses Link headers', () => {
    expect(nextLink('<https://x.freshdesk.com/api/v2/tickets?page=2>; rel="next"')).toBe('https://x.freshdesk.com/api/v2/tickets?page=2');
    expect(nextLink(null)).toBeNull();
  });
});
