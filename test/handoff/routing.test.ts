/**
 * Routing against the sandbox's real agents, skills and capacities: the least-loaded agent
 * with the skill, and overflow to the next team when every agent is full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HANDOFF } from '../../connector/src/triage/policy/handoff-config.js';
import { routeHandoff } from '../../connector/src/handoff/route.js';
import { StaffDirectory, pickAgent } from '../../connector/src/handoff/staff.js';
import { GroupDirectory } from '../../connector/src/handoff/teams.js';
import { ZendeskGateway } from '../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { RateBudget } from '../../connector/src/helpdesk/rate-budget.js';
import { SANDBOX_AGENTS, SANDBOX_GROUPS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { loadPolicy } from '../../connector/src/triage/index.js';
import type { Decision } from '../../connector/src/triage/types.js';

let sandbox: Sandbox;
let gateway: ZendeskGateway;
const policy = loadPolicy();
beforeAll(async () => {
  sandbox = await startSandbox({});
  gateway = new ZendeskGateway({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 2500 }, new RateBudget(60_000));
});
afterAll(async () => sandbox.close());

const decision = (intent: string, team: string): Decision => ({
  action: 'handoff', intent, confidence: 0.9, sentiment: { score: 0, label: 'neutral', trend: 0 }, language: 'en', team, priority: 'normal', tags: [], reasons: [], mode: 'live', engine: 'local',
});

/** Give an agent `n` open tickets in a group, through the API as an admin would. */
async function load(agentId: number, groupId: number, n: number) {
  for (let i = 0; i < n; i++) {
    const id = sandbox.inbound({ requester: { email: `load${agentId}-${i}@example.com` }, subject: 'x', body: 'x' }).ticket.id;
    await gateway.updateTicket(id, { group_id: groupId, assignee_id: agentId, status: 'open' });
  }
}

describe('handoff routing', () => {
  it('picks the least-loaded agent with the wanted skill', () => {
    const staff = { queueDepth: 0, agents: [
      { id: '1', name: 'A', skills: ['billing'], capacity: 10, open: 5 },
      { id: '2', name: 'B', skills: ['refunds'], capacity: 10, open: 8 },
      { id: '3', name: 'C', skills: ['refunds'], capacity: 10, open: 2 },
      { id: '4', name: 'D', skills: ['refunds'], capacity: 2, open: 2 },
    ] };
    expect(pickAgent(staff, 'refunds')?.id).toBe('3');
    expect(pickAgent(staff, 'legal')?.id).toBe('3'); // nobody has it: the least loaded of all
    expect(pickAgent({ queueDepth: 3, agents: [{ id: '4', name: 'D', skills: [], capacity: 2, open: 2 }] }, undefined)).toBeNull();
  });

  it('assigns a finance agent with the refunds skill, then overflows to senior support when finance is full', async () => {
    const deps = () => ({ groups: new GroupDirectory(new ZendeskHelpdesk(gateway), policy.groups, policy.defaults.fallback_team), staff: new StaffDirectory(new ZendeskHelpdesk(gateway), 0, 0), config: DEFAULT_HANDOFF, fallbackTeam: 'general_support', vip: false, now: new Date() });
    const first = await routeHandoff(decision('refund_request', 'finance'), deps());
    expect(first.team).toBe('finance');
    expect(first.groupId).toBe(String(SANDBOX_GROUPS.finance.id));
    expect([String(SANDBOX_AGENTS.marcus.id), String(SANDBOX_AGENTS.elena.id)]).toContain(first.agent?.id);
    expect(first.overflow).toBeUndefined();

    await load(SANDBOX_AGENTS.marcus.id, SANDBOX_GROUPS.finance.id, SANDBOX_AGENTS.marcus.maxOpenTickets);
    await load(SANDBOX_AGENTS.elena.id, SANDBOX_GROUPS.finance.id, SANDBOX_AGENTS.elena.maxOpenTickets);
    const full = await routeHandoff(decision('refund_request', 'finance'), deps());
    expect(full.team).toBe('senior_support');
    expect(full.groupId).toBe(String(SANDBOX_GROUPS.senior.id));
    expect(full.overflow?.text).toBe('finance team at capacity; overflowed to senior_support');
  });
});
