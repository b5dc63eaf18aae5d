/**
 * The ticket statuses from the ticket fields (api-endpoints.md §2): Baton reads the
 * numbers of custom statuses there and writes "on hold" as the account's third-party status.
 */
import type { RuleAccountSetup } from '../../helpdesk/account-setup.js';
import type { Check } from '../types.js';

export const ruleStatusesCheck: Check<RuleAccountSetup> = {
  id: 'statuses',
  title: 'Ticket statuses readable (ticket_fields)',
  async run(ctx) {
    const list = await ctx.account.ticketStatuses();
    if (!list.ok) return { status: 'fail', details: [`Reading ticket_fields failed (${list.status}): ${list.message}`], fix: "Baton's agent must be able to view tickets; check its role in Admin > Team > Roles." };
    const details = [list.value.map((s) => `${s.id} ${s.label} (${s.neutral})`).join(', ')];
    const hold = list.value.find((s) => Number(s.id) >= 6 && /third|hold/i.test(s.label)) ?? list.value.find((s) => Number(s.id) >= 6);
    details.push(hold ? `"on hold" is written as ${hold.id} ${hold.label}` : '"on hold" is written as Pending: the account has no custom status');
    const automated = ctx.policy.handoff.automated_status;
    if (!list.value.some((s) => s.neutral === automated)) return { status: 'fail', details: [...details, `no status stands for "${automated}", the status the policy gives answered tickets`], fix: 'Restore the built-in statuses, or change handoff.automated_status in the policy.' };
    return { status: 'ok', details };
  },
};
