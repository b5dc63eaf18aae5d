/**
 * The API key and the agent it belongs to: Baton writes as that agent, which is how the update
 * rule tells Baton's changes from a customer's (FACTS.md §7). Reading the key's own agent
 * (agents/me) works for any role; the agent and group lists are admin-only (FACTS.md §1), so an
 * agent's key routes to groups by name but cannot read who is in them.
 */
import type { RuleAccountSetup } from '../../helpdesk/account-setup.js';
import { apiUserOrFailure, type Check } from '../types.js';

export const ruleCredentialsCheck: Check<RuleAccountSetup> = {
  id: 'credentials',
  title: "API key and Baton's agent",
  async run(ctx) {
    const read = await apiUserOrFailure(ctx.account, {
      refused: { status: 'fail', details: [`Freshdesk refused FRESHDESK_API_KEY (401) at ${ctx.account.baseUrl}.`], fix: "Copy the API key of Baton's agent (Profile settings > View API key) into FRESHDESK_API_KEY." },
      unreachable: (message) => ({ status: 'fail', details: [`Freshdesk could not be read at ${ctx.account.baseUrl}: ${message}`], fix: 'Check FRESHDESK_DOMAIN (or FRESHDESK_BASE_URL: the freshdesk.com address, API v2 does not answer on a custom domain) and that this machine reaches Freshdesk.' }),
    });
    if ('failure' in read) return read.failure;
    const { me } = read;
    ctx.found.role = me.role;
    ctx.found.selfId = me.id;
    const who = `the key belongs to agent ${me.name} <${me.email ?? '?'}> (id ${me.id}); Baton's replies, notes and updates are made as this agent`;
    if (me.role === 'admin') return { status: 'ok', details: [who, 'it may read agents and groups (routing to agents with spare capacity)'] };
    return {
      status: 'warn',
      details: [who, 'it is not an admin: Freshdesk shows the agent and group lists only to admins, so handoffs go to the group without choosing an agent and the doctor skips the teams check'],
      fix: "Give Baton's agent an admin role for routing by load, or accept group-only routing.",
    };
  },
};
