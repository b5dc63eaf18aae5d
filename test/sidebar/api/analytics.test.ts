/** The analytics page's API: rates per ticket, splits by intent/team/week, dead letters. CSAT and times: analytics-outcomes.test.ts. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekStart } from '../../../connector/src/admin/time.js';
import { bearer } from '../helpers/app-token.js';
import { ADMIN_SESSION, startApiFixture, tenantOf, type ApiFixture } from '../helpers/api-fixture.js';
import { decision, seedTicket } from '../helpers/seed.js';

const TENANT = tenantOf('acme');
const MON = Date.parse('2026-03-02T10:00:00Z'); // a Monday
const WEEK = 7 * 86_400_000;
let f: ApiFixture;

const automate = (intent: string) => decision({ action: 'automate', intent, team: null, confidence: 0.95, reasons: [], reply: 'Done.' });
const handoff = (intent: string, team: string) => decision({ intent, team });

beforeAll(async () => {
  f = await startApiFixture();
  const s = f.db.store;
  // Week 1: two automated password resets, one billing handoff.
  await seedTicket(s, { tenantId: TENANT, ticketId: '1', state: 'ai', attempts: [{ decision: automate('password_reset'), message: 'a', at: MON }] });
  await seedTicket(s, { tenantId: TENANT, ticketId: '2', state: 'ai', attempts: [{ decision: automate('password_reset'), message: 'b', at: MON + 3600_000 }] });
  await seedTicket(s, { tenantId: TENANT, ticketId: '3', state: 'handed_off', attempts: [{ decision: handoff('billing_question', 'finance'), message: 'c', at: MON + 7200_000 }] });
  // Week 2: answered first, then handed off (counts once, as a handoff), and a shadow-only ticket.
  await seedTicket(s, {
    tenantId: TENANT,
    ticketId: '4',
    state: 'handed_off',
    attempts: [
      { decision: automate('order_status'), message: 'd', at: MON + WEEK },
      { decision: handoff('order_status', 'tier1'), message: 'e', at: MON + WEEK + 600_000 },
    ],
  });
  await seedTicket(s, { tenantId: TENANT, ticketId: '5', state: 'shadow', attempts: [{ decision: decision({ mode: 'shadow' }), message: 'f', at: MON + WEEK }] });
  // Another account's numbers never mix in.
  await seedTicket(s, { tenantId: tenantOf('globex'), ticketId: '6', state: 'handed_off', attempts: [{ decision: handoff('complaint', 'tier1'), message: 'g', at: MON }] });
  // A dead letter of this tenant, about ticket 3.
  await s.db.insertInto('webhook_events').values({ id: 'zendesk:acme:3:c9', tenant_id: TENANT, provider: 'zendesk', delivery_id: 'd', type: 'ticket.customer_message', ticket_id: '3', received_at: MON, payload: '{}', status: 'dead', note: null }).execute();
  await s.db
    .insertInto('jobs')
    .values({ kind: 'process-event', tenant_id: TENANT, payload: JSON.stringify({ eventId: 'zendesk:acme:3:c9', receivedAt: MON }), status: 'dead', attempts: 8, max_attempts: 8, run_at: MON, locked_by: null, locked_until: null, last_error: 'Zendesk answered 422', dedupe_key: 'k1', group_key: null, created_at: MON, updated_at: MON + 1000 })
    .execute();
});
afterAll(() => f?.close());

describe('GET /api/analytics/summary', () => {
  it('counts each ticket once and splits by intent, team and week', async () => {
    const res = await request(f.app).get('/api/analytics/summary?from=2026-03-01&to=2026-03-15').set('Authorization', await bearer());
    expect(res.status).toBe(200);
    const s = res.body;
    // Answered more than 7 days before now with no reopen: durable, so they count as automated.
    expect(s).toMatchObject({ tickets: 4, automated: 2, durable: 2, provisional: 0, handedOff: 2, shadowOnly: 1, automationRate: 0.5, handoffRate: 0.5, deadLetters: 1 });
    expect(s.handoffHealthyRange).toEqual({ min: 0.1, max: 0.4, status: 'above' });
    const counts = (rows: { tickets: number; automated: number; handedOff: number }[]) => rows.map(({ tickets, automated, handedOff }) => ({ tickets, automated, handedOff }));
    // Most tickets first, then by name; an intent is that of the ticket's first live decision.
    expect(s.byIntent.map((r: { intent: string }) => r.intent)).toEqual(['password_reset', 'billing_question', 'order_status']);
    expect(counts(s.byIntent)).toEqual([
      { tickets: 2, automated: 2, handedOff: 0 },
      { tickets: 1, automated: 0, handedOff: 1 },
      { tickets: 1, automated: 0, handedOff: 1 },
    ]);
    expect(s.byTeam.map((t: { team: string; handedOff: number; shareOfHandoffs: number }) => [t.team, t.handedOff, t.shareOfHandoffs])).toEqual([
      ['finance', 1, 0.5],
      ['tier1', 1, 0.5],
    ]);
    expect(s.byWeek.map((w: { weekStart: string }) => w.weekStart)).toEqual(['2026-03-02', '2026-03-09']);
    expect(counts(s.byWeek)).toEqual([
      { tickets: 3, automated: 2, handedOff: 1 },
      { tickets: 1, automated: 0, handedOff: 1 },
    ]);
    // No ratings and no synced helpdesk outcomes here: no score and no human times, said as null.
    expect(s.csat).toEqual({ automated: { good: 0, bad: 0, score: null }, handoff: { good: 0, bad: 0, score: null }, humanOnly: { good: 0, bad: 0, score: null } });
    expect(s.resolution.human).toEqual({ tickets: 0, medianMinutes: null });
  });

  it('reports no rate, rather than 0%, for a range with no decisions', async () => {
    const res = await request(f.app).get('/api/analytics/summary?from=2025-01-01&to=2025-01-31').set('Authorization', await bearer());
    expect(res.body).toMatchObject({ tickets: 0, automationRate: null, handoffRate: null });
  });

  it('refuses a reversed or unreadable range', async () => {
    const reversed = await request(f.app).get('/api/analytics/summary?from=2026-04-01&to=2026-03-01').set('Authorization', await bearer());
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toMatch(/from must not be after to/);
    const garbage = await request(f.app).get('/api/analytics/summary?from=yesterday').set('Authorization', await bearer());
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.message).toMatch(/from: must be a date/);
    // The last instant a Date holds: the metrics' exclusive end (+1 ms) would not be one.
    const edge = await request(f.app).get(`/api/analytics/summary?${new URLSearchParams({ from: '+275760-09-12T00:00:00.000Z', to: '+275760-09-13T00:00:00.000Z' })}`).set('Authorization', await bearer());
    expect(edge.status).toBe(400);
    expect(edge.body.error.message).toMatch(/to: must be before/);
  });
});

describe('GET /api/analytics/dead-letters', () => {
  it('lists dead jobs of the tenant with their ticket', async () => {
    const res = await request(f.app).get('/api/analytics/dead-letters').set('Authorization', await bearer());
    expect(res.body.deadLetters).toEqual([expect.objectContaining({ kind: 'process-event', attempts: 8, lastError: 'Zendesk answered 422', ticketId: '3' })]);
    const other = await request(f.app).get('/api/analytics/dead-letters').set('Authorization', await bearer({ account: 'globex' }));
    expect(other.body.deadLetters).toEqual([]);
  });

  it("retries one of the tenant's dead letters for an admin only, and no other account's", async () => {
    const { id } = ((await request(f.app).get('/api/analytics/dead-letters').set('Authorization', await bearer())).body.deadLetters as { id: number }[])[0]!;
    // Retrying acts on the account: an agent's token alone, without the admin session, is refused.
    const agent = await request(f.app).post(`/api/admin/dead-letters/${id}/retry`).set('Authorization', await bearer()).send({});
    expect(agent.status).toBe(403);
    const admin = (req: request.Test) => req.set('X-Baton-Admin-Session', ADMIN_SESSION);
    const foreign = await admin(request(f.app).post(`/api/admin/dead-letters/${id}/retry`).set('Authorization', await bearer({ account: 'globex' }))).send({});
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    const bad = await admin(request(f.app).post('/api/admin/dead-letters/abc/retry').set('Authorization', await bearer())).send({});
    expect(bad.status).toBe(400);
    const res = await admin(request(f.app).post(`/api/admin/dead-letters/${id}/retry`).set('Authorization', await bearer())).send({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'queued' });
    const job = await f.db.store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'queued', attempts: 0 });
    // Not dead any more: nothing left to retry.
    const again = await admin(request(f.app).post(`/api/admin/dead-letters/${id}/retry`).set('Authorization', await bearer())).send({});
    expect(again.status).toBe(404);
  });
});

describe('weekStart', () => {
  it('is the Monday of the week in UTC, Sunday included', () => {
    expect(weekStart(Date.parse('2026-03-08T23:59:00Z'))).toBe('2026-03-02');
    expect(weekStart(Date.parse('2026-03-09T00:00:00Z'))).toBe('2026-03-09');
  });
});
