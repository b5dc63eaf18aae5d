/**
 * Reading a team's workload from the sandbox helpdesk: past search's result limit (Zendesk
 * 1,000, Freshdesk 300), when the helpdesk cannot answer, and across a burst of handoffs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_HANDOFF } from '../../connector/src/triage/policy/handoff-config.js';
import { routeHandoff } from '../../connector/src/handoff/route.js';
import { StaffDirectory } from '../../connector/src/handoff/staff.js';
import { GroupDirectory } from '../../connector/src/handoff/teams.js';
import type { HelpdeskPort } from '../../connector/src/helpdesk/port.js';
import { SANDBOX_AGENTS, SANDBOX_GROUPS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { loadPolicy } from '../../connector/src/triage/index.js';
import type { Decision } from '../../connector/src/triage/types.js';
import { HELPDESKS, sandboxHelpdesk } from '../helpers/stack.js';

const policy = loadPolicy();

/**
 * The search page past each helpdesk's result limit, which it refuses: Zendesk's 11th page of
 * 100 (422), Freshdesk's 11th page of 30 (400) (../shared/freshdesk/api-endpoints.md §3).
 */
const PAST_SEARCH_LIMIT = {
  zendesk: (s: Sandbox, group: number) => fetch(`${s.url}/api/v2/search.json?query=${encodeURIComponent(`type:ticket group:${group} status<solved`)}&page=11`, { headers: { authorization: s.authorization } }),
  freshdesk: (s: Sandbox, group: number) =>
    fetch(`${s.url}/api/v2/search/tickets?query=${encodeURIComponent(`"group_id:${group}"`)}&page=11`, { headers: { authorization: `Basic ${Buffer.from(`${s.freshdesk!.apiKey}:X`).toString('base64')}` } }),
};
const REFUSED_STATUS = { zendesk: 422, freshdesk: 400 };

const decision = (team: string): Decision => ({
  action: 'handoff', intent: 'refund_request', confidence: 0.9, sentiment: { score: 0, label: 'neutral', trend: 0 }, language: 'en', team, priority: 'normal', tags: [], reasons: [], mode: 'live', engine: 'local',
});

describe.each(HELPDESKS)('team workload (%s)', (helpdesk) => {
  let sandbox: Sandbox;
  let client: HelpdeskPort;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimitPerMinute: 100_000, helpdesk });
    client = sandboxHelpdesk(sandbox);
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

  it('counts a group with more open tickets than search answers, instead of failing on the page past the limit', async () => {
    const group = SANDBOX_GROUPS.senior.id;
    seedOpen(group, 1_040, null);
    seedOpen(group, 3, SANDBOX_AGENTS.olivia.id);
    expect((await PAST_SEARCH_LIMIT[helpdesk](sandbox, group)).status).toBe(REFUSED_STATUS[helpdesk]);
    const staff = await new StaffDirectory(client, 0, 0).staffFor(String(group));
    expect(staff.queueDepth).toBe(1_040);
    expect(staff.agents.find((a) => a.id === String(SANDBOX_AGENTS.olivia.id))?.open).toBe(3);
  });

  it('hands off to the group, unassigned and saying why, when the workload cannot be read', async () => {
    sandbox.injectFault({ status: 503, count: 10, path: '/api/v2/search' });
    const r = await routeHandoff(decision('finance'), {
      groups: new GroupDirectory(client, policy.groups, policy.defaults.fallback_team),
      staff: new StaffDirectory(client, 0, 0),
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
    const staff = new StaffDirectory(client); // the production cache times
    const deps = { groups: new GroupDirectory(client, policy.groups, policy.defaults.fallback_team), staff, config: { ...DEFAULT_HANDOFF, hours: {} }, fallbackTeam: 'general_support', vip: false, now: new Date() };
    const picked: string[] = [];
    for (let i = 0; i < 4; i++) picked.push((await routeHandoff(decision('finance'), deps)).agent!.id);
    expect(new Set(picked)).toEqual(new Set([String(SANDBOX_AGENTS.marcus.id), String(SANDBOX_AGENTS.elena.id)]));
  });
});
