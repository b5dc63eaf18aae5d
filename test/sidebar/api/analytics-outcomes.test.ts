/**
 * `/api/analytics/summary` carries what the admin metrics compute, over a real SQLite store:
 * durable automation (a customer coming back within 7 days is a reopen), CSAT by the path
 * of the rated ticket (automated, after handoff, human-only baseline), and first-response
 * and resolution times for automated and human-handled tickets, by intent, team and week.
 * Every minute below is chosen so that a mix-up (a wrong path, a reopened ticket timed as
 * resolved, another tenant's rating) changes a number the test checks.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsSummary as adminAnalytics } from '../../../connector/src/admin/metrics/analytics-summary.js';
import { adminDb } from '../../../connector/src/admin/store/tables.js';
import type { AnalyticsSummary } from '../../../connector/src/sidebar-api/types.js';
import type { Store } from '../../../connector/src/store/db.js';
import { bearer } from '../helpers/app-token.js';
import { startApiFixture, tenantOf, type ApiFixture } from '../helpers/api-fixture.js';
import { decision, seedTicket } from '../helpers/seed.js';

const TENANT = tenantOf('acme');
const MIN = 60_000;
const DAY = 86_400_000;
const MON = Date.parse('2026-04-06T09:00:00Z'); // a Monday
const NEXT_MON = MON + 7 * DAY;
let f: ApiFixture;
let s: AnalyticsSummary;

const automate = (intent: string) => decision({ action: 'automate', intent, team: null, confidence: 0.95, reasons: [], reply: 'Done.' });
const handoff = (intent: string, team: string) => decision({ intent, team });

let eventSeq = 0;
/** A customer message as intake stores it: the metrics read arrival times from these. */
async function customerMessage(store: Store, ticketId: string, at: number, tenantId = TENANT) {
  await store.db
    .insertInto('webhook_events')
    .values({ id: `${tenantId}:${ticketId}:m${++eventSeq}`, tenant_id: tenantId, provider: 'zendesk', delivery_id: `d${eventSeq}`, type: 'ticket.customer_message', ticket_id: ticketId, received_at: at, payload: '{}', status: 'done', note: null })
    .execute();
}

async function rating(store: Store, ticketId: string, score: 'good' | 'bad', at: number, tenantId = TENANT) {
  await adminDb(store)
    .insertInto('satisfaction_ratings')
    .values({ tenant_id: tenantId, rating_id: `r-${tenantId}-${ticketId}`, ticket_id: ticketId, score, comment: null, reason: null, group_id: null, assignee_id: null, created_at: at, updated_at: at, synced_at: at })
    .execute();
}

/** What the outcome sync stores from the helpdesk: when a person first replied, when it was solved. */
async function outcome(store: Store, ticketId: string, createdAt: number, firstReplyAfterMin: number, solvedAfterMin: number) {
  await adminDb(store)
    .insertInto('ticket_outcomes')
    .values({ tenant_id: TENANT, ticket_id: ticketId, status: 'solved', group_id: null, assignee_id: null, created_at: createdAt, first_human_reply_at: createdAt + firstReplyAfterMin * MIN, solved_at: createdAt + solvedAfterMin * MIN, synced_at: createdAt + DAY })
    .execute();
}

beforeAll(async () => {
  f = await startApiFixture();
  const store = f.db.store;
  const answered = async (ticketId: string, intent: string, messageAt: number, answerAfterMin: number) => {
    await customerMessage(store, ticketId, messageAt);
    await seedTicket(store, { tenantId: TENANT, ticketId, state: 'ai', attempts: [{ decision: automate(intent), message: 'q', at: messageAt + answerAfterMin * MIN }] });
  };
  const handedOff = async (ticketId: string, intent: string, team: string, messageAt: number) => {
    await customerMessage(store, ticketId, messageAt);
    await seedTicket(store, { tenantId: TENANT, ticketId, state: 'handed_off', attempts: [{ decision: handoff(intent, team), message: 'q', at: messageAt + 2 * MIN }] });
  };

  // Automated, not reopened: answered 5 and 15 minutes after the customer wrote.
  await answered('10', 'password_reset', MON, 5);
  await answered('11', 'how_to', MON + 60 * MIN, 15);
  // Automated after 60 minutes, then the customer came back a day later: a reopen. Its first
  // answer counts as a first response; it is neither durable nor timed as resolved.
  await answered('17', 'order_status', MON + 120 * MIN, 60);
  await customerMessage(store, '17', MON + 120 * MIN + DAY);
  // Handed off; the helpdesk says when a person replied and when it was solved.
  await handedOff('12', 'billing_question', 'finance', MON + 180 * MIN);
  await outcome(store, '12', MON + 180 * MIN, 30, 240);
  await handedOff('13', 'complaint', 'senior_support', MON + 240 * MIN);
  await outcome(store, '13', MON + 240 * MIN, 90, 600);
  // Human only: Baton never decided these; one has helpdesk times (from its creation).
  await outcome(store, '14', MON + 300 * MIN, 20, 100);

  // Ratings: automated 2 good; after handoff 1 good, 1 bad (given the next week); human only 1 good, 2 bad.
  await rating(store, '10', 'good', MON + DAY);
  await rating(store, '11', 'good', MON + DAY);
  await rating(store, '12', 'good', MON + DAY);
  await rating(store, '13', 'bad', NEXT_MON + DAY);
  await rating(store, '14', 'good', MON + DAY);
  await rating(store, '15', 'bad', MON + DAY);
  await rating(store, '16', 'bad', MON + DAY);
  // Another account's rating of a ticket with the same id never mixes in.
  await rating(store, '12', 'bad', MON + DAY, tenantOf('globex'));

  const res = await request(f.app).get('/api/analytics/summary?from=2026-04-01&to=2026-04-30').set('Authorization', await bearer());
  expect(res.status).toBe(200);
  s = res.body as AnalyticsSummary;
});
afterAll(() => f?.close());

describe('GET /api/analytics/summary: the admin metrics', () => {
  it('counts automation as durable only when the customer did not come back within 7 days', () => {
    expect(s).toMatchObject({ tickets: 5, automated: 3, durable: 2, reopened: 1, provisional: 0, handedOff: 2, automationRate: 0.4, handoffRate: 0.4, reopenRate: 1 / 3 });
    expect(s.handoffHealthyRange).toEqual({ min: 0.1, max: 0.4, status: 'within' });
  });

  it('splits CSAT into automated, after handoff and the human-only baseline', () => {
    expect(s.csat).toEqual({
      automated: { good: 2, bad: 0, score: 1 },
      handoff: { good: 1, bad: 1, score: 0.5 },
      humanOnly: { good: 1, bad: 2, score: 1 / 3 },
    });
  });

  it('times first response and resolution for automated and human-handled tickets', () => {
    // Automated first answers after 5, 15 and 60 minutes; resolution leaves out the reopened one.
    expect(s.firstResponse.automated).toEqual({ tickets: 3, medianMinutes: 15 });
    expect(s.resolution.automated).toEqual({ tickets: 2, medianMinutes: 10 });
    // Human: the two handoffs (30, 90 / 240, 600) and the rated human-only ticket (20 / 100).
    expect(s.firstResponse.human).toEqual({ tickets: 3, medianMinutes: 30 });
    expect(s.resolution.human).toEqual({ tickets: 3, medianMinutes: 240 });
  });

  it('gives the same figures by intent and by team', () => {
    const intent = (name: string) => s.byIntent.find((i) => i.intent === name)!;
    expect(intent('password_reset')).toMatchObject({ tickets: 1, durable: 1, csat: { automated: { good: 1, bad: 0, score: 1 } }, firstResponse: { automated: { tickets: 1, medianMinutes: 5 } } });
    expect(intent('order_status')).toMatchObject({ reopened: 1, automationRate: 0, resolution: { automated: { tickets: 0, medianMinutes: null } } });
    expect(intent('billing_question')).toMatchObject({ handedOff: 1, csat: { handoff: { good: 1, bad: 0, score: 1 } }, resolution: { human: { tickets: 1, medianMinutes: 240 } } });
    expect(intent('complaint')).toMatchObject({ csat: { handoff: { good: 0, bad: 1, score: 0 } }, firstResponse: { human: { tickets: 1, medianMinutes: 90 } } });
    expect(s.byTeam).toEqual([
      { team: 'finance', handedOff: 1, shareOfHandoffs: 0.5, csatAfterHandoff: { good: 1, bad: 0, score: 1 }, firstHumanResponse: { tickets: 1, medianMinutes: 30 }, resolution: { tickets: 1, medianMinutes: 240 } },
      { team: 'senior_support', handedOff: 1, shareOfHandoffs: 0.5, csatAfterHandoff: { good: 0, bad: 1, score: 0 }, firstHumanResponse: { tickets: 1, medianMinutes: 90 }, resolution: { tickets: 1, medianMinutes: 600 } },
    ]);
  });

  it('puts tickets in the week of their first decision and ratings in the week they were given', () => {
    expect(s.byWeek.map((w) => [w.weekStart, w.tickets, w.csat.handoff.good, w.csat.handoff.bad])).toEqual([
      ['2026-04-06', 5, 1, 0],
      ['2026-04-13', 0, 0, 1],
    ]);
  });

  it('agrees with the admin metrics (as /api/admin/analytics serves them) for the same range', async () => {
    const admin = await adminAnalytics(f.db.store, { from: Date.parse('2026-04-01'), to: Date.parse('2026-05-01'), tenantId: TENANT, asOf: Date.parse(s.asOf) });
    expect({ csat: s.csat, firstResponse: s.firstResponse, resolution: s.resolution, automationRate: s.automationRate }).toEqual({
      csat: admin.totals.csat,
      firstResponse: admin.totals.firstResponse,
      resolution: admin.totals.resolution,
      automationRate: admin.totals.automationRate,
    });
  });
});
