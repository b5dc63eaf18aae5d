/**
 * The Freshdesk adapter through the helpdesk port, against the sandbox's Freshdesk face:
 * neutral ids and statuses, one TicketChange written as Freshdesk needs it, the description
 * as the first message, people and organizations, staff and load, article search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FreshdeskHelpdesk } from '../../connector/src/helpdesk/freshdesk/helpdesk.js';
import { PLAN_LIMITS } from '../../connector/src/helpdesk/freshdesk/rate-plan.js';
import { startSandbox, SANDBOX_AGENTS, SANDBOX_END_USERS, SANDBOX_GROUPS, SANDBOX_ORGANIZATIONS, type Sandbox } from '../../connector/src/sandbox/index.js';

let sandbox: Sandbox;
let helpdesk: FreshdeskHelpdesk;
beforeAll(async () => {
  sandbox = await startSandbox({ helpdesk: 'freshdesk', apiKey: 'adapter-key' });
  helpdesk = FreshdeskHelpdesk.connect({ baseUrl: sandbox.url, apiKey: 'adapter-key', limits: PLAN_LIMITS['addon-2000'] });
});
afterAll(() => sandbox.close());

describe('Freshdesk adapter (HelpdeskPort)', () => {
  it('reads a ticket with neutral ids and statuses, and its description as the first message', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.maya.email }, body: 'Line one\nLine two' }).ticket;
    const ticket = await helpdesk.getTicket(String(t.id));
    expect(ticket).toMatchObject({ id: String(t.id), status: 'open', priority: 'low', requesterId: String(SANDBOX_END_USERS.maya.id), organizationId: String(SANDBOX_ORGANIZATIONS.northwind.id), assigneeId: null });
    sandbox.customerReply(t.id, 'Any news?');
    const comments = await helpdesk.listComments(String(t.id));
    expect(comments.map((c) => [c.authorId, c.body, c.public])).toEqual([
      [String(SANDBOX_END_USERS.maya.id), 'Line one\nLine two', true],
      [String(SANDBOX_END_USERS.maya.id), 'Any news?', true],
    ]);
    expect(helpdesk.ticketUrl('7')).toBe(`${sandbox.url}/a/tickets/7`);
  });

  it('writes one change as Freshdesk needs it: tags merged, status, priority, group, agent, a private note and a public reply', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Refund please' }).ticket;
    sandbox.agentUpdate(t.id, SANDBOX_AGENTS.tom.id, { tags: ['keep_me', 'old'] });
    const h = helpdesk.scoped();
    const written = await h.updateTicket(String(t.id), () => ({
      tags: { add: ['baton_handoff'], remove: ['old'] },
      status: 'hold',
      priority: 'high',
      groupId: String(SANDBOX_GROUPS.finance.id),
      assigneeId: String(SANDBOX_AGENTS.marcus.id),
      internalNote: 'Why escalated: refund',
      publicReply: 'Hi Sam,\nMarcus will reply soon.',
    }));
    expect(written).toMatchObject({ tags: ['keep_me', 'baton_handoff'], status: 'hold', priority: 'high', groupId: String(SANDBOX_GROUPS.finance.id), assigneeId: String(SANDBOX_AGENTS.marcus.id) });
    const record = sandbox.state.getTicket(t.id)!;
    expect(record.status).toBe('hold'); // Freshdesk status 7, "Waiting on Third Party"
    const comments = sandbox.state.commentsFor(t.id);
    expect(comments.map((c) => [c.public, c.body])).toEqual([
      [true, 'Refund please'],
      [false, 'Why escalated: refund'],
      [true, 'Hi Sam,\nMarcus will reply soon.'],
    ]);
    // Read (the base), note, reply, properties (the statuses were read once, by an earlier view).
    expect(h.calls).toBe(4);
  });

  it('retries a write after a crash without posting the same text twice', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Where is my order?' }).ticket;
    const change = () => ({ tags: { add: ['baton_m_x'] }, publicReply: 'Your order ships today.' });
    await helpdesk.updateTicket(String(t.id), change);
    sandbox.state.getTicket(t.id)!.tags = []; // as if the property update had been lost
    await helpdesk.updateTicket(String(t.id), change, { recovering: true, done: (fresh) => fresh.tags.includes('baton_m_x') });
    expect(sandbox.state.commentsFor(t.id).filter((c) => c.body === 'Your order ships today.')).toHaveLength(1);
    expect(sandbox.state.getTicket(t.id)!.tags).toEqual(['baton_m_x']);
  });

  it('retries after a crash without a second wait message when the words moved on (a new estimate), but not over older or human replies', async () => {
    const bot = sandbox.apiUser.id;
    const botReplies = (id: number) => sandbox.state.commentsFor(id).filter((c) => c.public && c.authorId === bot).map((c) => c.body);
    const marker = (fresh: { tags: string[] }) => fresh.tags.includes('baton_m_msg');
    const retry = (id: number, startedAt: number) =>
      helpdesk.updateTicket(String(id), () => ({ tags: { add: ['baton_m_msg'] }, publicReply: 'A specialist will reply within 20 minutes.' }), { recovering: true, attemptStartedAt: startedAt, done: marker });

    // The first try posted its wait message and was killed before the property update.
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'I was charged twice' }).ticket;
    const startedAt = Date.now();
    await helpdesk.updateTicket(String(t.id), () => ({ publicReply: 'A specialist will reply within 15 minutes.' }));
    await retry(t.id, startedAt);
    expect(botReplies(t.id)).toEqual(['A specialist will reply within 15 minutes.']);
    expect(sandbox.state.getTicket(t.id)!.tags).toContain('baton_m_msg');

    // Baton's reply from before this attempt began (an earlier message's answer) is not this write's.
    const older = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Where is my order?' }).ticket;
    await helpdesk.updateTicket(String(older.id), () => ({ publicReply: 'Your order ships today.' }));
    await retry(older.id, Date.now() + 10_000);
    expect(botReplies(older.id)).toEqual(['Your order ships today.', 'A specialist will reply within 20 minutes.']);

    // Nor is a person's reply written since.
    const human = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Refund please' }).ticket;
    const humanStart = Date.now();
    sandbox.agentUpdate(human.id, SANDBOX_AGENTS.tom.id, { comment: { body: 'Looking into it.', public: true } });
    await retry(human.id, humanStart);
    expect(botReplies(human.id)).toEqual(['A specialist will reply within 20 minutes.']);
  });

  it('reads people, companies (tags and fields for VIP checks), groups, staff and load, and articles', async () => {
    expect(await helpdesk.getUser(String(SANDBOX_END_USERS.carlos.id))).toMatchObject({ name: 'Carlos Diaz', role: 'end-user', organizationId: String(SANDBOX_ORGANIZATIONS.globex.id) });
    expect(await helpdesk.getUser(String(SANDBOX_AGENTS.marcus.id))).toMatchObject({ name: 'Marcus Oyelaran', role: 'agent' });
    const org = await helpdesk.getOrganization(String(SANDBOX_ORGANIZATIONS.globex.id));
    expect(org.tags).toEqual(['vip', 'enterprise', 'strategic']);
    expect(org.fields).toMatchObject({ plan: 'enterprise', arr: 1_250_000, account_tier: 'Enterprise' });
    expect(await helpdesk.selfUserId()).toBe(String(sandbox.apiUser.id));
    expect((await helpdesk.listGroups()).map((g) => g.name)).toContain('Finance');
    const staff = await helpdesk.listStaff();
    expect(staff.find((s) => s.id === String(SANDBOX_AGENTS.elena.id))?.groupIds).toEqual([String(SANDBOX_GROUPS.finance.id), String(SANDBOX_GROUPS.senior.id)]);
    const assigned = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.omar.email }, body: 'Invoice wrong' }).ticket;
    const queued = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.omar.email }, body: 'Another invoice' }).ticket;
    await helpdesk.updateTicket(String(assigned.id), () => ({ groupId: String(SANDBOX_GROUPS.revenue.id), assigneeId: String(SANDBOX_AGENTS.grace.id) }));
    await helpdesk.updateTicket(String(queued.id), () => ({ groupId: String(SANDBOX_GROUPS.revenue.id), status: 'pending' }));
    const load = await helpdesk.groupLoad(String(SANDBOX_GROUPS.revenue.id), [String(SANDBOX_AGENTS.grace.id)]);
    expect(load.openBy.get(String(SANDBOX_AGENTS.grace.id))).toBe(1);
    expect(load.queueDepth).toBe(1);
    const [article] = await helpdesk.searchArticles('reset password');
    expect(article!.url).toMatch(/\/support\/solutions\/articles\/\d+$/);
    expect(article!.snippet!.length).toBeGreaterThan(0);
  });

  it('lists changed tickets from one second before the cursor, with named statuses, so a same-second change is not skipped', async () => {
    const a = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.maya.email }, body: 'First' }).ticket;
    const b = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Second' }).ticket;
    // Both changed in the same whole second, as Freshdesk stamps them.
    const second = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
    Object.assign(sandbox.state.getTicket(a.id)!, { updatedAt: second });
    Object.assign(sandbox.state.getTicket(b.id)!, { updatedAt: second, status: 'closed' });
    const page = await helpdesk.changedTickets(second.toISOString().replace(/\.\d{3}Z$/, 'Z'), 0);
    const seen = new Map(page.tickets.map((t) => [t.id, t.status]));
    expect(seen.get(String(a.id))).toBe('open');
    expect(seen.get(String(b.id))).toBe('closed'); // named, so the sweep can leave it alone
  });
});
