/** The policy's teams → Freshdesk groups with agents: the shared teams check, skipped for a non-admin key (the lists are admin-only, FACTS.md §1). */
import type { RuleAccountSetup } from '../../helpdesk/account-setup.js';
import { teamsCheck } from '../checks/teams.js';
import type { Check } from '../types.js';

export const ruleTeamsCheck: Check<RuleAccountSetup> = {
  id: teamsCheck.id,
  title: teamsCheck.title,
  async run(ctx) {
    if (ctx.found.role !== 'admin') return { status: 'skip', details: ["Baton's agent is not an admin, and Freshdesk shows agents and groups to admins only."], fix: 'Run `baton doctor` with an admin\'s API key to check the teams.' };
    const result = await teamsCheck.run(ctx);
    return result.status === 'ok' ? result : { ...result, fix: 'Create the missing groups and add agents to them (Admin > Team > Groups), or change `groups:` in the policy to your group names.' };
  },
};
