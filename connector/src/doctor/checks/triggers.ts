/** The triggers requirements.json creates: present, active, with their conditions, notifying Baton's webhook. */
import type { SetupCondition, SetupTrigger } from '../../helpdesk/account-setup.js';
import type { TriggerRequirement } from '../requirements.js';
import { needsAdmin, type Check, type DoctorContext } from '../types.js';

const same = (a: SetupCondition, b: SetupCondition) => a.field === b.field && a.operator === b.operator && String(a.value ?? '') === String(b.value ?? '');
const show = (c: SetupCondition) => `${c.field} ${c.operator} ${String(c.value ?? '')}`.trim();

function problemsOf(req: TriggerRequirement, found: SetupTrigger | undefined, ctx: DoctorContext): string[] {
  if (!found) return [`"${req.title}" is missing`];
  const problems: string[] = [];
  if (!found.active) problems.push(`"${req.title}" is inactive`);
  const all = found.conditions.all ?? [];
  for (const c of req.conditions) if (!all.some((x) => same(x, c))) problems.push(`"${req.title}" lacks the condition ${show(c)}`);
  const notify = found.actions.filter((a) => a.field === 'notification_webhook');
  const target = (a: { value: unknown }) => (Array.isArray(a.value) ? String(a.value[0]) : String(a.value));
  if (notify.length === 0) problems.push(`"${req.title}" does not notify a webhook`);
  else if (ctx.found.webhook && !notify.some((a) => target(a) === ctx.found.webhook!.id)) problems.push(`"${req.title}" notifies webhook ${notify.map(target).join(', ')}, not Baton's (${ctx.found.webhook.id})`);
  return problems;
}

export const triggersCheck: Check = {
  id: 'triggers',
  title: 'Triggers: present, active, right conditions',
  async run(ctx) {
    const list = await ctx.account.triggers();
    if (!list.ok) return list.status === 403 ? needsAdmin('triggers') : { status: 'fail', details: [`Listing triggers failed: ${list.message}`] };
    ctx.found.triggers = list.value;
    const problems = ctx.triggers.flatMap((req) => problemsOf(req, list.value.find((t) => t.title === req.title), ctx));
    if (problems.length === 0) return { status: 'ok', details: ctx.triggers.map((t) => `"${t.title}" active, conditions as in requirements.json`) };
    return {
      status: 'fail',
      details: problems,
      fix: 'Reinstall the Baton app (requirements.json creates the triggers), or fix them in Admin Center > Objects and rules > Triggers as the README lists them: each must keep `current_via_id is_not 5`, or Baton\'s own updates loop back.',
    };
  },
};
