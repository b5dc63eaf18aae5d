/**
 * Freshdesk reads for the admin loop over real HTTP against the sandbox's Freshdesk face:
 * CSAT ratings (View all Satisfaction Ratings, happy/unhappy answers mapped to good/bad, the
 * `created_since` filter), `baton report --sync` storing them for the CSAT-after-handoff
 * figures, and `baton audit --from-freshdesk` reading the newest tickets through List All
 * Tickets with their description and requester embedded.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditReport } from '../../connector/src/admin/audit/build-report.js';
import { syncSatisfactionRatings } from '../../connector/src/admin/metrics/sync-satisfaction.js';
import { adminDb, ensureAdminTables } from '../../connector/src/admin/store/tables.js';
import { registerAudit } from '../../connector/src/cli/commands/audit.js';
import { registerReport } from '../../connector/src/cli/commands/report.js';
import { addOrganizations, deliverTicket } from '../../connector/src/demo/load-inbox.js';
import { buildOvernightInbox } from '../../connector/src/demo/inbox/index.js';
import { FreshdeskHelpdesk } from '../../connector/src/helpdesk/freshdesk/helpdesk.js';
import { PLAN_LIMITS } from '../../connector/src/helpdesk/freshdesk/rate-plan.js';
import type { SatisfactionRating } from '../../connector/src/helpdesk/port.js';
import { startSandbox, SANDBOX_END_USERS, type Sandbox } from '../../connector/src/sandbox/index.js';
import { migrate } from '../../connector/src/store/migrate.js';
import { openStore } from '../../connector/src/store/db.js';

const KEY = 'reports-key';
let sandbox: Sandbox;
let helpdesk: FreshdeskHelpdesk;
beforeAll(async () => {
  sandbox = await startSandbox({ helpdesk: 'freshdesk', apiKey: KEY, rateLimitPerMinute: 2500 });
  helpdesk = FreshdeskHelpdesk.connect({ baseUrl: sandbox.url, apiKey: KEY, limits: PLAN_LIMITS['addon-2000'] });
});
afterAll(() => sandbox?.close());

const api = (method: string, p: string, body?: unknown) =>
  fetch(`${sandbox.url}${p}`, { method, headers: { Authorization: `Basic ${Buffer.from(`${KEY}:X`).toString('base64')}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

const all = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe('Freshdesk CSAT', () => {
  it('lists answered surveys as good, bad or neutral, with the agent, group and feedback', async () => {
    const happy = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.maya.email }, body: 'Where is my order?' }).ticket;
    const unhappy = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Refund please' }).ticket;
    const meh = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'A question' }).ticket;
    expect((await api('POST', `/api/v2/tickets/${happy.id}/satisfaction_ratings`, { ratings: { default_question: 102 }, feedback: 'Quick, thanks' })).status).toBe(201);
    expect((await api('POST', `/api/v2/tickets/${unhappy.id}/satisfaction_ratings`, { ratings: { default_question: -103 } })).status).toBe(201);
    expect((await api('POST', `/api/v2/tickets/${meh.id}/satisfaction_ratings`, { ratings: { default_question: 100 } })).status).toBe(201);

    const ratings = await all(helpdesk.reports.satisfactionRatings());
    const byTicket = new Map(ratings.map((r) => [r.ticketId, r]));
    expect(byTicket.get(String(happy.id))).toMatchObject<Partial<SatisfactionRating>>({ score: 'good', comment: 'Quick, thanks', reason: null });
    expect(byTicket.get(String(unhappy.id))).toMatchObject<Partial<SatisfactionRating>>({ score: 'bad', comment: null });
    expect(byTicket.get(String(meh.id))?.score).toBe('neutral');
  });

  it('the sandbox refuses a rating off Freshdesk\'s scale or with unknown fields, as Freshdesk does', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.maya.email }, body: 'Hello' }).ticket;
    const off = await api('POST', `/api/v2/tickets/${t.id}/satisfaction_ratings`, { ratings: { default_question: 5 } });
    expect(off.status).toBe(400);
    const unknown = await api('POST', `/api/v2/tickets/${t.id}/satisfaction_ratings`, { ratings: { default_question: 103 }, score: 'good' });
    expect(((await unknown.json()) as { errors: { field: string; code: string }[] }).errors).toEqual([expect.objectContaining({ field: 'score', code: 'invalid_field' })]);
  });

  it('filters by created_since and pages through every rating', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.maya.email }, body: 'Many ratings' }).ticket;
    for (let i = 0; i < 120; i++) sandbox.state.addSatisfactionRating({ ticketId: t.id, requesterId: t.requesterId, assigneeId: 0, groupId: 0, score: 'good', comment: '', reason: '', createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)) });
    sandbox.resetStats();
    const old = (await all(helpdesk.reports.satisfactionRatings())).filter((r) => r.createdAt.startsWith('2020-'));
    expect(old).toHaveLength(120);
    expect(sandbox.stats().byRoute['GET /api/v2/surveys/satisfaction_ratings']).toBeGreaterThanOrEqual(2); // 100 a page
    const recent = await all(helpdesk.reports.satisfactionRatings(Date.UTC(2021, 0, 1)));
    expect(recent.some((r) => r.createdAt.startsWith('2020-'))).toBe(false);
    expect(recent.length).toBeGreaterThan(0);
  });

  it('`report --sync` stores the ratings for the CSAT figures, answered ones counted good or bad', async () => {
    const store = openStore({ sqlitePath: ':memory:' });
    try {
      await migrate(store);
      await ensureAdminTables(store);
      const result = await syncSatisfactionRatings(store, helpdesk, { tenantId: 'freshdesk:sandbox', since: Date.UTC(2021, 0, 1) });
      expect(result.skipped).toBeUndefined();
      const rows = await adminDb(store).selectFrom('satisfaction_ratings').select(['score']).execute();
      expect(rows.length).toBe(result.stored);
      expect(new Set(rows.map((r) => r.score))).toEqual(new Set(['good', 'bad', 'neutral']));
    } finally {
      await store.close();
    }
  });
});

describe('`baton report --sync --helpdesk freshdesk`', () => {
  it('reads Freshdesk from the FRESHDESK_* variables and stores its ratings', async () => {
    const store = openStore({ sqlitePath: ':memory:' });
    const saved = { ...process.env };
    Object.assign(process.env, { FRESHDESK_BASE_URL: sandbox.url, FRESHDESK_API_KEY: KEY, FRESHDESK_PLAN: 'addon-2000', BATON_HELPDESK: 'zendesk' });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const program = new Command().exitOverride();
      registerReport(program, { store, out: () => undefined });
      await program.parseAsync(['node', 'baton', 'report', '--sync', '--helpdesk', 'freshdesk', '--tenant', 'freshdesk:sandbox', '--from', '2021-01-01', '--json']);
      const rows = await adminDb(store).selectFrom('satisfaction_ratings').select(['tenant_id', 'score']).execute();
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows.every((r) => r.tenant_id === 'freshdesk:sandbox')).toBe(true);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/synced \d+ CSAT rating\(s\)/);
    } finally {
      stderr.mockRestore();
      process.env = saved;
      await store.close();
    }
  });
});

describe('audit from Freshdesk', () => {
  it('reads the newest tickets with description and requester embedded, companies once each', async () => {
    const inbox = buildOvernightInbox(undefined, { count: 130 });
    addOrganizations(sandbox, inbox.organizations);
    const orgs = new Map(inbox.organizations.map((o) => [o.key, o]));
    const created = inbox.tickets.map((t) => deliverTicket(sandbox, t, orgs));
    sandbox.resetStats();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-audit-fd-'));
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerAudit(program, { helpdesk: (name) => (name === 'freshdesk' ? helpdesk : expect.fail(`asked for ${name}`)), log: (l) => lines.push(l) });
    await program.parseAsync(['node', 'baton', 'audit', '--from-freshdesk', '--limit', '110', '--out', dir]);

    const report = JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8')) as AuditReport;
    expect(report.source).toMatchObject({ kind: 'freshdesk', format: 'freshdesk-api' });
    expect(report.totals).toEqual({ read: 110, classified: 110, problems: 0 });
    expect(report.tickets.map((t) => t.id).sort()).toEqual([...created].sort((a, b) => b - a).slice(0, 110).map(String).sort());
    const calls = sandbox.stats().byRoute;
    expect(calls['GET /api/v2/tickets']).toBe(2); // 100 + 10, then stop
    expect(Object.keys(calls).some((r) => r.startsWith('GET /api/v2/tickets/{id}'))).toBe(false); // no read per ticket
    expect(report.tickets.some((t) => t.reasons.includes('vip'))).toBe(true); // companies bring VIP context
    expect(lines.join('\n')).toMatch(/audited 110 tickets/);
  });
});
