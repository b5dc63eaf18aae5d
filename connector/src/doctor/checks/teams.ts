/** Every team of the policy maps to a helpdesk group with at least one agent who can take tickets. */
import type { AccountSetup } from '../../helpdesk/account-setup.js';
import type { Check } from '../types.js';

export const teamsCheck: Check<Pick<AccountSetup, 'groups' | 'memberships' | 'agents'>> = {
  id: 'teams',
  title: 'Policy teams → groups with assignable agents',
  async run(ctx) {
    const [groups, memberships, agents] = await Promise.all([ctx.account.groups(), ctx.account.memberships(), ctx.account.agents()]);
    const byName = new Map(groups.map((g) => [g.name.toLowerCase(), g]));
    // Assignable: an agent or admin who is not suspended (the account answers only those).
    const assignable = new Set(agents.filter((a) => a.role === 'agent' || a.role === 'admin').map((a) => a.id));
    const details: string[] = [];
    const problems: string[] = [];
    for (const [team, groupName] of Object.entries(ctx.policy.groups)) {
      const group = byName.get(groupName.toLowerCase());
      if (!group) {
        problems.push(`team ${team}: no group named "${groupName}"`);
        continue;
      }
      const people = memberships.filter((m) => m.groupId === group.id && assignable.has(m.userId)).length;
      if (people === 0) problems.push(`team ${team}: group "${groupName}" has no agent who can take tickets`);
      else details.push(`team ${team} → "${groupName}" (${people} agent${people === 1 ? '' : 's'})`);
    }
    if (problems.length === 0) return { status: 'ok', details };
    return { status: 'fail', details: [...problems, ...details], fix: 'Create the missing groups and add agents to them (Admin Center > People > Groups), or change `groups:` in the policy to your group names.' };
  },
};
