/** The analytics page's API: rates per ticket, splits by intent/team/week, dead letters. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekStart } from '../../../connector/src/sidebar-api/analytics.js';
import { bearer } from '../helpers/app-token.js';
import { startApiFixture, tenantOf, type ApiFixture } from '../helpers/api-fixture.js';
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
    expect(s).toMatchObject({ tickets: 4, automated: 2, handedOff: 2, shadowOnly: 1, automationRate: 0.5, handoffRate: 0.5, deadLetters: 1 });
    expect(s.handoffHealthyRange).toEqual({ min: 0.1, max: 0.4 });
    expect(s.byIntent).toEqual(
      expect.arrayContaining([
        { intent: 'password_reset', tickets: 2, automated: 2, handedOff: 0 },
        { intent: 'billing_question', tickets: 1, automated: 0, handedOff: 1 },
        { intent: 'order_status', tickets: 1, automated: 0, handedOff: 1 },
      ]),
    );
    expect(s.byTeam).toEqual(expect.arrayContaining([{ team: 'finance', handedOff: 1 }, { team: 'tier1', handedOff: 1 }]));
    expect(s.byWeek).toEqual([
      { weekStart: '2026-03-02', tickets: 3, automated: 2, handedOff: 1 },
      { weekStart: '2026-03-09', tickets: 1, automated: 0, handedOff: 1 },
    ]);
    expect(s.csat).toBeNull();
    expect(s.medianResolutionMinutes).toBeNull();
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
  });
});

describe('GET /api/analytics/dead-letters', () => {
  it('lists dead jobs of the tenant with their ticket', async () => {
    const res = await request(f.app).get('/api/analytics/dead-letters').set('Authorization', await bearer());
    expect(res.body.deadLetters).toEqual([expect.objectContaining({ kind: 'process-event', attempts: 8, lastError: 'Zendesk answered 422', ticketId: '3' })]);
    const other = await request(f.app).get('/api/analytics/dead-letters').set('Authorization', await bearer({ account: 'globex' }));
    expect(other.body.deadLetters).toEqual([]);
  });
});

describe('weekStart', () => {
  it('is the Monday of the week in UTC, Sunday included', () => {
    expect(weekStart(Date.parse('2026-03-08T23:59:00Z'))).toBe('2026-03-02');
    expect(weekStart(Date.parse('2026-03-09T00:00:00Z'))).toBe('2026-03-09');
  });
});
