/**
 * The gateway against a small scripted HTTP server on loopback (real HTTP, real retries).
 * The sandbox covers the happy paths; here each failure mode is produced on purpose.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { ZendeskGateway, retryAfterMs, routeOf } from '../../connector/src/helpdesk/zendesk/gateway.js';
import { RateBudget } from '../../connector/src/helpdesk/rate-budget.js';
import { closeAll, serve } from '../integrations/loopback.js';

afterEach(closeAll);

const gw = (baseUrl: string, extra: Partial<ConstructorParameters<typeof ZendeskGateway>[0]> = {}) =>
  new ZendeskGateway({ baseUrl, email: 'bot@example.com', apiToken: 'tok', ratePerMinute: 60_000, maxRetries: 3, ...extra }, new RateBudget(600_000));

const ticket = (id: number, tags: string[], updated_at: string) => ({ id, subject: 's', status: 'open', priority: null, tags, group_id: null, assignee_id: null, requester_id: 1, organization_id: null, updated_at, created_at: updated_at });

describe('Zendesk gateway', () => {
  it('authenticates with an API token (email/token:TOKEN)', async () => {
    let auth = '';
    const app = express();
    app.get('/api/v2/users/me', (req, res) => {
      auth = req.header('authorization') ?? '';
      res.json({ user: { id: 7, name: 'Baton', role: 'agent' } });
    });
    const me = await gw(await serve(app)).me();
    expect(me.id).toBe(7);
    expect(Buffer.from(auth.replace('Basic ', ''), 'base64').toString()).toBe('bot@example.com/token:tok');
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    const seen: number[] = [];
    const app = express();
    app.get('/api/v2/tickets/5', (_req, res) => {
      seen.push(Date.now());
      if (seen.length === 1) return void res.status(429).set('Retry-After', '1').json({ error: 'APIRateLimitExceeded' });
      res.json({ ticket: ticket(5, [], '2026-11-24T00:00:00Z') });
    });
    const g = gw(await serve(app));
    const t = await g.getTicket(5);
    expect(t.id).toBe(5);
    expect(seen.length).toBe(2);
    expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(950); // it honoured the header, not a timing claim about speed
    expect(g.calls).toBe(2);
  });

  it('gives the job back (HELPDESK_RATE_LIMITED with the wait) when Retry-After is too long to wait in-line', async () => {
    const app = express();
    app.get('/api/v2/tickets/5', (_req, res) => void res.status(429).set('Retry-After', '120').json({ error: 'APIRateLimitExceeded' }));
    const err = await gw(await serve(app)).getTicket(5).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'HELPDESK_RATE_LIMITED', details: { retryAfterMs: 120_000 } });
  });

  it('retries 5xx and reports a clear error when they persist', async () => {
    let n = 0;
    const app = express();
    app.get('/api/v2/groups', (_req, res) => {
      n++;
      if (n < 3) return void res.status(503).send('unavailable');
      res.json({ groups: [{ id: 1, name: 'Finance' }], meta: { has_more: false }, links: { next: null } });
    });
    app.get('/api/v2/users/9', (_req, res) => void res.status(500).send('always broken'));
    const base = await serve(app);
    expect(await gw(base).listGroups()).toEqual([{ id: 1, name: 'Finance' }]);
    const err = await gw(base, { maxRetries: 1 }).getUser(9).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'HELPDESK_HTTP', details: { httpStatus: 500 } });
  });

  it('on a safe_update conflict re-reads the ticket and rebuilds the update from fresh state', async () => {
    let current = ticket(8, ['vip'], '2026-11-24T10:00:00Z');
    const puts: unknown[] = [];
    const app = express();
    app.use(express.json());
    app.get('/api/v2/tickets/8', (_req, res) => void res.json({ ticket: current }));
    app.put('/api/v2/tickets/8', (req, res) => {
      puts.push(req.body);
      const t = req.body.ticket;
      if (t.safe_update && t.updated_stamp !== current.updated_at) return void res.status(409).json({ error: 'UpdateConflict' });
      current = { ...current, tags: t.tags, updated_at: '2026-11-24T10:05:00Z' };
      res.json({ ticket: current, audit: { id: 1, events: [] } });
    });
    const g = gw(await serve(app));
    // An agent added a tag after the webhook was sent: our stale copy lacks it.
    current = { ...current, tags: ['vip', 'agent_touched'], updated_at: '2026-11-24T10:01:00Z' };
    const stale = ticket(8, ['vip'], '2026-11-24T10:00:00Z');
    const result = await g.updateTicketSafely(8, (fresh) => ({ tags: [...fresh.tags, 'baton_handoff'] }), stale);
    expect(result.tags).toEqual(['vip', 'agent_touched', 'baton_handoff']);
    expect(puts.length).toBe(2);
    expect((puts[0] as { ticket: { safe_update: boolean } }).ticket.safe_update).toBe(true);
  });

  it('follows cursor pagination to the end', async () => {
    const app = express();
    app.get('/api/v2/group_memberships', (req, res) => {
      const after = Number(req.query['page[after]']) || 0; // express 5 parses queries flat
      const items = [after + 1, after + 2].map((id) => ({ id, user_id: id, group_id: 1 }));
      const more = after < 4;
      res.json({ group_memberships: items, meta: { has_more: more, after_cursor: String(after + 2) }, links: { next: more ? `http://ignored.example/api/v2/group_memberships?page[size]=2&page[after]=${after + 2}` : null } });
    });
    const all = await gw(await serve(app)).listGroupMemberships();
    expect(all.map((m) => m.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('parses Retry-After seconds and dates, and labels routes without ids', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(routeOf('/api/v2/tickets/123/comments?page[size]=100')).toBe('/api/v2/tickets/:id/comments');
  });
});

describe('request budget', () => {
  it('never lets more than the per-minute budget through in a minute', async () => {
    let t = 0;
    const budget = new RateBudget(600, () => t); // 10 per second, burst 60
    let granted = 0;
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) pending.push(budget.take().then(() => void granted++));
    await new Promise((r) => setTimeout(r, 20));
    expect(granted).toBe(60); // the burst, then nothing until time moves
    t += 1000;
    await new Promise((r) => setTimeout(r, 150));
    expect(granted).toBe(70);
    const tick = setInterval(() => (t += 1000), 5);
    await Promise.all(pending);
    clearInterval(tick);
    expect(granted).toBe(200);
  });
});
