/**
 * The admin metrics against real stores and the sandbox over real HTTP: customers write, the
 * connector decides, and the figures move as each event happens (an automated answer, a
 * handoff, a reopen within 7 days, an agent's reply and solve, CSAT ratings).
 */
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { analyticsSummary } from '../../connector/src/admin/metrics/analytics-summary.js';
import { registerAdminMetrics } from '../../connector/src/admin/metrics/prometheus.js';
import { syncSatisfactionRatings } from '../../connector/src/admin/metrics/sync-satisfaction.js';
import { syncTicketOutcomes } from '../../connector/src/admin/metrics/sync-outcomes.js';
import { ensureAdminTables } from '../../connector/src/admin/store/tables.js';
import { registerReport } from '../../connector/src/cli/commands/report.js';
import { DAY } from '../../connector/src/admin/time.js';
import { SANDBOX_AGENTS } from '../../connector/src/sandbox/index.js';
import { HELPDESKS, pauseDeliveries, startStack, type Stack } from '../helpers/stack.js';
import { BACKENDS } from '../helpers/stores.js';

/** Each helpdesk on each store: the figures come from the store, the CSAT and timings from the helpdesk's own API. */
const CASES = HELPDESKS.flatMap((helpdesk) => BACKENDS.map(([store, makeStore]) => [helpdesk, store, makeStore] as const));

describe.each(CASES)('admin metrics on %s, %s', (helpdesk, _store, makeStore) => {
  let stack: Stack;
  const from = Date.now() - DAY;
  const to = Date.now() + 30 * DAY;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    stack = await startStack({ helpdesk, store: makeStore });
    await ensureAdminTables(stack.db.store);
  });
  afterAll(async () => stack?.close());

  const summary = (asOf = Date.now()) => analyticsSummary(stack.db.store, { from, to, tenantId: stack.tenantId, asOf });
  const write = async (key: string, subject: string, body: string) => {
    ids[key] = stack.sandbox.inbound({ requester: { name: 'Dana Whitfield', email: `dana.${key}.${Math.random().toString(36).slice(2)}@example.com` }, subject, body, channel: 'email' }).ticket.id;
    await stack.settle();
  };

  it('starts empty: no rate is reported as 0%', async () => {
    const s = await summary();
    expect(s.totals.tickets).toBe(0);
    expect(s.totals.handoffRate).toBeNull();
    expect(s.healthy.handoffRate).toMatchObject({ min: 0.1, max: 0.4, status: 'no_data' });
  });

  it('counts an automated answer as provisional for 7 days, then durable', async () => {
    await write('password', 'Forgot password', 'Hi, I forgot my password and the login page will not let me in. Can you help me reset it?');
    const now = await summary();
    expect(now.totals).toMatchObject({ tickets: 1, automated: 1, provisional: 1, durable: 0, handedOff: 0, automationRate: 0, automationRateIncludingProvisional: 1 });
    expect(now.totals.firstResponse.automated.tickets).toBe(1);
    expect(now.totals.firstResponse.automated.medianMinutes).toBeGreaterThanOrEqual(0);
    const later = await summary(Date.now() + 8 * DAY);
    expect(later.totals).toMatchObject({ durable: 1, provisional: 0, automationRate: 1 });
    expect(later.byIntent.map((i) => [i.intent, i.durable])).toEqual([['password_reset', 1]]);
  });

  it('counts a handoff, by team, against the healthy range', async () => {
    await write('refund', 'Double charge - refund now', 'I was charged TWICE for my subscription this month. This is terrible. I want a refund today or I will file a chargeback.');
    const s = await summary();
    expect(s.totals).toMatchObject({ tickets: 2, handedOff: 1, handoffRate: 0.5 });
    expect(s.healthy.handoffRate.status).toBe('above');
    expect(s.byTeam).toEqual([expect.objectContaining({ team: 'finance', handedOff: 1, shareOfHandoffs: 1 })]);
    expect(s.byWeek).toHaveLength(1);
    expect(s.byWeek[0]!.tickets).toBe(2);
  });

  it('treats a customer coming back within 7 days of an automated answer as a reopen, never durable', async () => {
    await write('order', 'Order status', 'where is my order NW-100234? it was supposed to arrive monday');
    const before = await summary(Date.now() + 8 * DAY);
    expect(before.totals).toMatchObject({ tickets: 3, automated: 2, durable: 2, reopened: 0 });
    stack.sandbox.customerReply(ids.order!, "I've tried that already, the tracking link is broken and this isn't working. I want to talk to a person.");
    await stack.settle();
    const after = await summary(Date.now() + 8 * DAY);
    expect(after.totals).toMatchObject({ tickets: 3, automated: 1, durable: 1, reopened: 1, handedOff: 2, reopenRate: 0.5 });
    expect(after.totals.automationRate).toBeCloseTo(1 / 3);
  });

  it('pulls CSAT from the helpdesk and splits it by automated, handoff and human-only tickets', async () => {
    // A ticket written while the helpdesk did not call Baton: only people handle it.
    const resume = pauseDeliveries(stack.sandbox);
    const { ticket: humanOnly } = stack.sandbox.inbound({ requester: { name: 'Pat Doe', email: 'pat@example.com' }, subject: 'Phone call follow-up', body: 'Notes from the call.', channel: 'email' });
    resume();
    expect((await summary()).totals.csat.automated.score).toBeNull();
    const rate = (ticketId: number, score: 'good' | 'bad') => {
      const t = stack.sandbox.state.getTicket(ticketId)!;
      stack.sandbox.state.addSatisfactionRating({ ticketId, requesterId: t.requesterId, assigneeId: t.assigneeId ?? stack.sandbox.apiUser.id, groupId: t.groupId ?? 0, score, comment: '', reason: '' });
    };
    rate(ids.password!, 'good');
    rate(ids.refund!, 'bad');
    rate(humanOnly.id, 'good');
    expect((await summary()).totals.csat.automated.score).toBeNull(); // not synced yet

    const synced = await syncSatisfactionRatings(stack.db.store, stack.connector.helpdesk, { tenantId: stack.tenantId });
    expect(synced.stored).toBe(3);
    const s = await summary();
    expect(s.totals.csat).toEqual({
      automated: { good: 1, bad: 0, score: 1 },
      handoff: { good: 0, bad: 1, score: 0 },
      humanOnly: { good: 1, bad: 0, score: 1 },
    });
    expect(s.byTeam.find((t) => t.team === 'finance')?.csatAfterHandoff).toEqual({ good: 0, bad: 1, score: 0 });
    // Syncing again changes nothing.
    await syncSatisfactionRatings(stack.db.store, stack.connector.helpdesk, { tenantId: stack.tenantId });
    expect((await summary()).totals.csat.handoff.bad).toBe(1);
  });

  it('times the human first reply and resolution from the helpdesk audits', async () => {
    expect((await summary()).totals.firstResponse.human.tickets).toBe(0);
    // An agent answers and solves in the agent workspace.
    stack.sandbox.agentUpdate(ids.refund!, SANDBOX_AGENTS.marcus.id, { comment: { body: 'Refunded, sorry about that.', public: true }, status: 'solved' });
    await stack.settle();
    const result = await syncTicketOutcomes(stack.db.store, stack.connector.helpdesk, { tenantId: stack.tenantId });
    expect(result.failed).toEqual([]);
    expect(result.synced).toBeGreaterThanOrEqual(2); // the two handoffs (and the rated human-only ticket)
    const s = await summary();
    expect(s.totals.firstResponse.human.tickets).toBe(1);
    expect(s.totals.resolution.human.tickets).toBe(1);
    expect(s.totals.firstResponse.human.medianMinutes).toBeGreaterThanOrEqual(0);
  });

  it('exposes the same figures as Prometheus gauges', async () => {
    const registry = new Registry();
    registerAdminMetrics(registry, stack.db.store, { tenantId: stack.tenantId, cacheMs: 0 });
    const text = await registry.metrics();
    const value = (name: string, labels: string) => Number(new RegExp(`^${name}\\{${labels}\\} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('baton_admin_handoff_rate', 'intent="all"')).toBeCloseTo(2 / 3);
    expect(value('baton_admin_tickets', 'outcome="handed_off"')).toBe(2);
    expect(value('baton_admin_handoff_healthy_range', 'bound="max"')).toBe(0.4);
    expect(value('baton_admin_csat_score', 'path="handoff"')).toBe(0);
    expect(value('baton_admin_handoffs_by_team', 'team="finance"')).toBe(1);
  });

  it('prints `baton report` with the healthy range beside the handoff rate, and the same figures as JSON', async () => {
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const program = new Command().exitOverride();
      registerReport(program, { store: stack.db.store, out: (t) => out.push(t) });
      const range = args.includes('--review') ? [] : ['--from', new Date(from).toISOString(), '--to', new Date(to).toISOString()];
      await program.parseAsync(['node', 'baton', 'report', '--tenant', stack.tenantId, ...range, ...args]);
      return out.join('');
    };
    const text = await run();
    expect(text).toMatch(/Handoff rate\s+66\.7% HIGH\s+10%–40%: above/);
    expect(text).toMatch(/By team \(handoffs\)/);
    const json = JSON.parse(await run('--json')) as { totals: { handedOff: number; csat: { handoff: { bad: number } } } };
    expect(json.totals).toMatchObject({ handedOff: 2, csat: { handoff: { bad: 1 } } });
    // The review of the week holding --from: this week, where the tickets were decided.
    const review = await run('--review', '--json', '--from', new Date().toISOString(), '--to', new Date(Date.now() + DAY).toISOString());
    const groups = (JSON.parse(review) as { groups: { reason: string }[] }).groups.map((g) => g.reason);
    expect(groups).toEqual(expect.arrayContaining(['trigger_refund']));
  });

  it('counts "thanks, that worked" after an automated answer as the answer holding, not as a reopen', async () => {
    await write('closing', 'Order status', 'where is my order NW-200871?');
    stack.sandbox.customerReply(ids.closing!, 'Thanks, that worked!');
    await stack.settle();
    expect(stack.sandbox.state.getTicket(ids.closing!)!.status).toBe('solved');
    const s = await summary(Date.now() + 8 * DAY);
    expect(s.totals).toMatchObject({ tickets: 4, automated: 2, durable: 2, reopened: 1 });
  });
});
