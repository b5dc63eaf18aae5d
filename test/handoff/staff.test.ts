/**
 * Reading a team's workload from the sandbox helpdesk: past search's 1,000-result limit,
 * when the helpdesk cannot answer, and across a burst of handoffs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_HANDOFF } from '../../connector/src/triage/policy/handoff-config.js';
import { routeHandoff } from '../../connector/src/handoff/route.js';
import { StaffDirectory } from '../../connector/src/handoff/staff.js';
import { GroupDirectory } from '../../connector/src/handoff/teams.js';
import { ZendeskGateway } from '../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { BatonError } from '../../connector/src/errors.js';
import { RateBudget } from '../../connector/src/helpdesk/rate-budget.js';
import { SANDBOX_AGENTS, SANDBOX_GROUPS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { loadPolicy } from '../../connector/src/triage/index.js';
import type { Decision } from '../../connector/src/triage/types.js';

let sandbox: Sandbox;
let gateway: ZendeskGateway;
const policy = loadPolicy();
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimitPerMinute: 100_000 });
  gateway = new ZendeskGateway({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 100_000, maxRetries: 0 }, new RateBudget(60_000));
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.clearFaults());

/** Helpdesk data as it would be after a busy week: `n` open tickets in a group. */
function seedOpen(groupId: number, n: number, assigneeId: number | null) {
  for (let i = 0; i < n; i++) {
    const ticket = sandbox.state.getTicket(sandbox.inbound({ requester: { email: `busy${groupId}-${assigneeId}-${i}@example.com` }, subject: 'x', body: 'x' }).ticket.id)!;
    Object.assign(ticket, { groupId, assigneeId, status: 'open' });
  }
}

const decision = (team: string): Decision => ({
  action: 'handoff', intent: 'refund_request', confidence: 0.9, sentiment: { score: 0, label: 'neutral', trend: 0 }, language: 'en', team, priority: 'normal', tags: [], reasons: [], mode: 'live', engine: 'local',
});

describe('team workload', () => {
  it('counts a group with more open tickets than search answers (1,000), instead of failing on page 11', async () => {
    const group = SANDBOX_GROUPS.senior.id;
    seedOpen(group, 1_040, null);
    seedOpen(group, 3, SANDBOX_AGENTS.olivia.id);
    const query = `type:ticket group:${group} status<solved`;
    await expect(gateway.searchTickets(query)).rejects.toSatisfy((e) => e instanceof BatonError && (e.details as { httpStatus?: number }).httpStatus === 422);
    const staff = await new StaffDirectory(new ZendeskHelpdesk(gateway), 0, 0).staffFor(String(group));
    expect(staff.queueDepth).toBe(1_040);
    expect(staff.agents.find((a) => a.id === String(SANDBOX_AGENTS.olivia.id))?.open).toBe(3);
  });

  it('hands off to the group, unassigned and saying why, when the workload cannot be read', async () => {
    sandbox.injectFault({ status: 503, count: 10, path: '/api/v2/search' });
    const r = await routeHandoff(decision('finance'), {
      groups: new GroupDirectory(new ZendeskHelpdesk(gateway), policy.groups, policy.defaults.fallback_team),
      staff: new StaffDirectory(new ZendeskHelpdesk(gateway), 0, 0),
      config: DEFAULT_HANDOFF,
      fallbackTeam: 'general_support',
      vip: false,
      now: new Date(),
    });
    expect(r.groupId).toBe(String(SANDBOX_GROUPS.finance.id));
    expect(r.agent).toBeNull();
    expect(r.staffing?.code).toBe('staffing_unavailable');
    expect(r.staffing?.text).toMatch(/^finance workload could not be read/);
  });

  it('spreads a burst of handoffs across agents instead of giving every one to whoever was least loaded 30 s ago', async () => {
    const staff = new StaffDirectory(new ZendeskHelpdesk(gateway)); // the production cache times
    const deps = { groups: new GroupDirectory(new ZendeskHelpdesk(gateway), policy.groups, policy.defaults.fallback_team), staff, config: { ...DEFAULT_HANDOFF, hours: {} }, fallbackTeam: 'general_support', vip: false, now: new Date() };
    const picked: string[] = [];
    for (let i = 0; i < 4; i++) picked.push((await routeHandoff(decision('finance'), deps)).agent!.id);
    expect(new Set(picked)).toEqual(new Set([String(SANDBOX_AGENTS.marcus.id), String(SANDBOX_AGENTS.elena.id)]));
  });
});
