/**
 * Baton on Freshdesk with an agent's API key rather than an admin's: the agent and group lists
 * answer 403 (FACTS.md §1, api-endpoints.md §5), so handoffs find the team's group through the
 * ticket form's group choices and go to it unassigned, saying why; `baton doctor` warns about
 * the role and skips the teams check instead of failing it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../connector/src/config/load.js';
import { RULE_ACCOUNT_CHECKS, ruleDoctorContext } from '../../connector/src/doctor/rule-account/index.js';
import { runDoctor } from '../../connector/src/doctor/run-doctor.js';
import { connectorEnvFor } from '../../connector/src/sandbox/index.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe("Freshdesk with an agent's API key", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ helpdesk: 'freshdesk', sandbox: { apiUserRole: 'agent' } });
  });
  afterAll(async () => stack?.close());

  it('hands off to the right group, unassigned, with the reason', async () => {
    const id = stack.sandbox.inbound({ requester: { name: 'Ola Nordmann', email: 'ola.nordmann@example.com' }, subject: 'Double charge', body: 'You charged my card twice this month. I want a refund now, this is terrible.', channel: 'email' }).ticket.id;
    await stack.settle();
    const ticket = stack.sandbox.state.getTicket(id)!;
    expect(stack.sandbox.state.getGroup(ticket.groupId!)?.name).toBe('Finance');
    expect(ticket.assigneeId).toBeNull();
    expect(ticket.tags).toEqual(expect.arrayContaining(['baton_handoff', 'baton_reason_staffing_unavailable']));
    expect((await stack.connector.queue.counts()).dead ?? 0).toBe(0);
  });

  it('`baton doctor` warns about the role and skips the teams check', async () => {
    const config = loadConfig({ ...connectorEnvFor(stack.sandbox, stack.secret), LOG_LEVEL: 'silent' });
    const results = Object.fromEntries((await runDoctor(ruleDoctorContext(config, { connectorUrl: stack.url }), RULE_ACCOUNT_CHECKS)).map((r) => [r.id, r]));
    expect(results.credentials).toMatchObject({ status: 'warn', details: expect.arrayContaining([expect.stringMatching(/not an admin/)]) });
    expect(results.teams!.status).toBe('skip');
    expect(results.automation_rules!.status).toBe('ok');
  });
});
