/**
 * Routing against the sandbox's real agents, skills and capacities: the least-loaded agent
 * with the skill, and overflow to the next team when every agent is full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HANDOFF } from '../../connector/src/triage/policy/handoff-config.js';
import { routeHandoff } from '../../connector/src/handoff/route.js';
import { StaffDirectory, pickAgent } from '../../connector/src/handoff/staff.js';
import { GroupDirectory } from '../../connector/src/handoff/teams.js';
import type { HelpdeskPort } from '../../connector/src/helpdesk/port.js';
import { SANDBOX_AGENTS, SANDBOX_GROUPS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { loadPolicy } from '../../connector/src/triage/index.js';
import type { Decision } from '../../connector/src/triage/types.js';
import { HELPDESKS, sandboxHelpdesk } from '../helpers/stack.js';

const policy = loadPolicy();

const decision = (intent: string, team: string): Decision => ({
  action: 'handoff', intent, confidence: 0.9, sentiment: { score: 0, label: 'neutral', trend: 0 }, language: 'en', team, priority: 'normal', tags: [], reasons: [], mode: 'live', engine: 'local',
});

/** Give an agent `n` open tickets in a group (helpdesk data as it stands, not Baton's doing). */
function load(sandbox: Sandbox, agentId: number, groupId: number, n: number) {
  for (let i = 0; i < n; i++) {
    const id = sandbox.inbound({ requester: { email: `load${agentId}-${i}@example.com` }, subject: 'x', body: 'x' }).ticket.id;
    Object.assign(sandbox.state.getTicket(id)!, { groupId, assigneeId: agentId, status: 'open' });
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
});

/**
 * An agent's capacity as Baton reads it: Zendesk's agent field, or Freshdesk's default (its
 * agent object has no such field, helpdesk/freshdesk/staff.ts).
 */
const CAPACITY = { zendesk: (max: number) => max, freshdesk: () => 20 };

describe.each(HELPDESKS)('handoff routing against the sandbox (%s)', (helpdesk) => {
  let sandbox: Sandbox;
  let client: HelpdeskPort;
  beforeAll(async () => {
    sandbox = await startSandbox({ helpdesk });
    client = sandboxHelpdesk(sandbox);
  });
  afterAll(async () => sandbox.close());

  it('assigns a finance agent with the refunds skill, then overflows to senior support when finance is full', async () => {
    const deps = () => ({ groups: new GroupDirectory(client, policy.groups, policy.defaults.fallback_team), staff: new StaffDirectory(client, 0, 0), config: DEFAULT_HANDOFF, fallbackTeam: 'general_support', vip: false, now: new Date() });
    const first = await routeHandoff(decision('refund_request', 'finance'), deps());
    expect(first.team).toBe('finance');
    expect(first.groupId).toBe(String(SANDBOX_GROUPS.finance.id));
    expect([String(SANDBOX_AGENTS.marcus.id), String(SANDBOX_AGENTS.elena.id)]).toContain(first.agent?.id);
    expect(first.overflow).toBeUndefined();

    load(sandbox, SANDBOX_AGENTS.marcus.id, SANDBOX_GROUPS.finance.id, CAPACITY[helpdesk](SANDBOX_AGENTS.marcus.maxOpenTickets));
    load(sandbox, SANDBOX_AGENTS.elena.id, SANDBOX_GROUPS.finance.id, CAPACITY[helpdesk](SANDBOX_AGENTS.elena.maxOpenTickets));
    const full = await routeHandoff(decision('refund_request', 'finance'), deps());
    expect(full.team).toBe('senior_support');
    expect(full.groupId).toBe(String(SANDBOX_GROUPS.senior.id));
    expect(full.overflow?.text).toBe('finance team at capacity; overflowed to senior_support');
  });
});
