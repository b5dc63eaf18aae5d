/**
 * What one customer message costs on Freshdesk, counted by the sandbox over real HTTP: the
 * signal reads the ticket with its conversations embedded (one request, not two), a requester
 * who writes again is not read again, and the attempt's API-call count includes the signal's
 * reads as well as the write.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FreshdeskGateway } from '../../connector/src/helpdesk/freshdesk/gateway.js';
import { PLAN_LIMITS } from '../../connector/src/helpdesk/freshdesk/rate-plan.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('Freshdesk API calls per message', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ helpdesk: 'freshdesk' });
  });
  afterAll(async () => stack?.close());

  const requester = { name: 'Ines Baptiste', email: 'ines.baptiste@example.com' };
  const write = (body: string, subject: string) => stack.sandbox.inbound({ requester, subject, body, channel: 'email' }).ticket.id;
  const perTicket = (id: number) => stack.sandbox.stats().byTicket[String(id)] ?? {};
  const contactReads = () => stack.sandbox.stats().byRoute['GET /api/v2/contacts/{id}'] ?? 0;
  const apiCallsOf = async (id: number) => (await stack.db.store.db.selectFrom('attempts').select('api_calls').where('ticket_id', '=', String(id)).executeTakeFirstOrThrow()).api_calls;

  it('reads the ticket and its messages in one request, and counts the reads in the attempt', async () => {
    const first = write('Hi, I forgot my password and cannot log in. How do I reset it?', 'Password');
    await stack.settle();
    expect(perTicket(first)['GET /api/v2/tickets/{id}/conversations']).toBeUndefined();
    expect(contactReads()).toBe(1);

    const before = contactReads();
    const second = write('Where is my order NW-441207? It was due on Monday.', 'Order');
    await stack.settle();
    const calls = perTicket(second);
    expect(calls['GET /api/v2/tickets/{id}']).toBeGreaterThanOrEqual(1); // the signal's read (again before writing when it got old)
    expect(calls['GET /api/v2/tickets/{id}/conversations']).toBeUndefined();
    expect(contactReads()).toBe(before); // the same requester, read minutes ago
    // Every call for this message is in its attempt: the signal's read and the write.
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    expect(await apiCallsOf(second)).toBe(total);
  });

  it('lists the conversations when the ticket has more than the ten a read embeds', async () => {
    const id = write('First message about my account settings.', 'Settings');
    await stack.settle();
    for (let i = 0; i < 10; i++) stack.sandbox.agentUpdate(id, stack.sandbox.apiUser.id, { comment: { body: `Internal step ${i}`, public: false } });
    stack.sandbox.resetStats();
    const helpdesk = stack.connector.helpdesk.scoped();
    const { comments } = await helpdesk.getTicketWithComments(String(id));
    expect(comments.at(-1)!.body).toBe('Internal step 9');
    expect(stack.sandbox.stats().byTicket[String(id)]).toMatchObject({ 'GET /api/v2/tickets/{id}': 1, 'GET /api/v2/tickets/{id}/conversations': 1 });
  });

  it('reads the statuses once for every scoped view, and again after an hour', async () => {
    const gateway = new FreshdeskGateway({ baseUrl: stack.sandbox.url, apiKey: stack.sandbox.freshdesk!.apiKey, limits: PLAN_LIMITS['addon-2000'] });
    stack.sandbox.resetStats();
    const reads = () => stack.sandbox.stats().byRoute['GET /api/v2/ticket_fields'] ?? 0;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      await Promise.all([gateway.statuses(), gateway.scoped().statuses(), gateway.scoped().statuses()]);
      expect(reads()).toBe(1);
      vi.setSystemTime(Date.now() + 59 * 60_000);
      await gateway.scoped().statuses();
      expect(reads()).toBe(1);
      vi.setSystemTime(Date.now() + 2 * 60_000);
      await gateway.scoped().statuses();
      expect(reads()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
