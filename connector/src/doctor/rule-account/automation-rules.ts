/**
 * The two automation rules that call Baton, as the README sets them up: a ticket-creation rule
 * and a ticket-update rule, active, each with a Trigger webhook action that POSTs Baton's
 * signal as JSON to /webhooks/freshdesk with the secret header. The update rule must carry the
 * loop prevention FACTS.md §7 documents: performed by the Requester (Baton's own changes are
 * made by its agent), on "reply sent" and not on "note added" (Baton writes notes), and only
 * while the ticket lacks Baton's handoff tag.
 */
import type { RuleAccountSetup, SetupAutomationRule } from '../../helpdesk/account-setup.js';
import { FRESHDESK_SECRET_HEADER } from '../../intake/freshdesk/adapter.js';
import { FRESHDESK_SIGNAL_SCHEMA } from '../../intake/freshdesk/signal.js';
import { ticketTags } from '../../ticket-tags.js';
import { normalizeUrl, type Check, type DoctorContext } from '../types.js';

export const FRESHDESK_WEBHOOK_PATH = '/webhooks/freshdesk';
/** The header as the README tells admins to type it (HTTP header names are case-insensitive). */
const SECRET_HEADER = 'X-Baton-Webhook-Secret';

type Ctx = DoctorContext<RuleAccountSetup>;
type Webhook = SetupAutomationRule['webhooks'][number];

function callsBaton(w: Webhook, ctx: Ctx): boolean {
  const url = normalizeUrl(w.url);
  return ctx.connectorUrl ? url === normalizeUrl(`${ctx.connectorUrl}${FRESHDESK_WEBHOOK_PATH}`) : url.endsWith(FRESHDESK_WEBHOOK_PATH);
}

const headerOf = (w: Webhook) => Object.entries(w.headers).find(([k]) => k.toLowerCase() === FRESHDESK_SECRET_HEADER)?.[1];

/** What is wrong with one rule's call to Baton. */
function webhookProblems(rule: SetupAutomationRule, w: Webhook, ctx: Ctx): string[] {
  const problems: string[] = [];
  const name = `"${rule.name}"`;
  if (w.method !== 'POST') problems.push(`${name} sends ${w.method}, not POST`);
  if (w.contentType !== 'json') problems.push(`${name} encodes its content as ${w.contentType}, not JSON`);
  if (!w.body.includes(FRESHDESK_SIGNAL_SCHEMA) || !w.body.includes('{{ticket.id}}')) problems.push(`${name} does not send Baton's signal body (schema ${FRESHDESK_SIGNAL_SCHEMA} with {{ticket.id}})`);
  const secret = headerOf(w);
  if (secret === undefined) problems.push(`${name} sends no ${SECRET_HEADER} header: the connector answers 401`);
  else if (!ctx.config.webhookSecrets.includes(secret)) problems.push(`${name} sends a ${SECRET_HEADER} that is none of BATON_WEBHOOK_SECRET, BATON_WEBHOOK_SECRET_PREVIOUS, BATON_WEBHOOK_SECRETS: the connector answers 401`);
  return problems;
}

/** True when the rule may run on a change Baton's own agent makes. */
function runsOnAgent(p: SetupAutomationRule['performer'], baton: string | undefined): boolean {
  if (!p) return true; // no performer: anyone's change
  if (p.type === 'requester' || p.type === 'system') return false;
  return p.members.length === 0 || baton === undefined || p.members.includes(baton);
}

/** The update rule's loop prevention. */
function loopProblems(rule: SetupAutomationRule, ctx: Ctx): string[] {
  const problems: string[] = [];
  const name = `"${rule.name}"`;
  const p = rule.performer;
  if (runsOnAgent(p, ctx.found.selfId)) problems.push(`${name} runs on changes by ${p ? `performer ${p.type}${p.members.length ? ` ${p.members.join(', ')}` : ''}` : 'anyone'}, Baton's agent included: its own replies would call it again (set "Performed by: Requester")`);
  if (p && p.type !== 'requester' && p.type !== 'agent_or_requester') problems.push(`${name} is performed by ${p.type}, so a customer's reply never runs it (set "Performed by: Requester")`);
  if (!rule.events.includes('reply_sent')) problems.push(`${name} does not run on "Reply is sent": customer replies never reach Baton`);
  if (rule.events.includes('note_type')) problems.push(`${name} runs on "Note is added": every internal note Baton writes would call it again`);
  const handoff = ticketTags(ctx.policy.tags.prefix).handoff;
  const guarded = rule.conditions.some((c) => c.field === 'ticket_tags' && ['does_not_contain', 'is_none_of', 'not_in'].includes(c.operator) && (Array.isArray(c.value) ? c.value : [c.value]).includes(handoff));
  if (!guarded) problems.push(`${name} lacks the condition "Tags does not contain ${handoff}": handed-off tickets keep calling Baton`);
  return problems;
}

/**
 * The return rule (README): it runs on agents' changes, notes included, but only while the
 * return tag is on the ticket, and Baton removes the tag once it has returned the ticket.
 */
function isReturnRule(rule: SetupAutomationRule, ctx: Ctx): boolean {
  const tag = ticketTags(ctx.policy.tags.prefix).returnToAi;
  return rule.conditions.some((c) => c.field === 'ticket_tags' && ['contains', 'is', 'in', 'is_any_of'].includes(c.operator) && (Array.isArray(c.value) ? c.value : [c.value]).includes(tag));
}

export const ruleAutomationCheck: Check<RuleAccountSetup> = {
  id: 'automation_rules',
  title: 'Automation rules: present, active, secret header, loop prevention',
  async run(ctx) {
    const list = await ctx.account.automationRules();
    if (!list.ok) {
      return list.status === 403
        ? { status: 'skip', details: ['Freshdesk refused to show the automation rules to Baton\'s agent (403): only admins can read them.'], fix: 'Run `baton doctor` with an admin\'s API key to check the rules.' }
        : { status: 'fail', details: [`Listing automation rules failed: ${list.message}`] };
    }
    const mine = list.value.filter((r) => r.webhooks.some((w) => callsBaton(w, ctx)));
    ctx.found.rules = mine;
    const where = ctx.connectorUrl ? `${normalizeUrl(ctx.connectorUrl)}${FRESHDESK_WEBHOOK_PATH}` : `…${FRESHDESK_WEBHOOK_PATH}`;
    const problems: string[] = [];
    const details: string[] = [];
    for (const runsOn of ['ticket_created', 'ticket_updated'] as const) {
      const rules = mine.filter((r) => r.runsOn === runsOn);
      const kind = runsOn === 'ticket_created' ? 'Ticket creation' : 'Ticket updates';
      if (rules.length === 0) {
        problems.push(`no ${kind} rule triggers a webhook to ${where}`);
        continue;
      }
      for (const rule of rules) {
        const returns = runsOn === 'ticket_updated' && isReturnRule(rule, ctx);
        const own = [...(rule.active ? [] : [`"${rule.name}" is inactive`]), ...rule.webhooks.filter((w) => callsBaton(w, ctx)).flatMap((w) => webhookProblems(rule, w, ctx)), ...(runsOn === 'ticket_updated' && !returns ? loopProblems(rule, ctx) : [])];
        problems.push(...own);
        const how = returns ? ', only while the return tag is on the ticket' : runsOn === 'ticket_updated' ? ', performed by the requester, on replies, not on handed-off tickets' : '';
        if (own.length === 0) details.push(`${kind}: "${rule.name}" (${rule.id}) active, posts the signal with the secret header${how}`);
      }
    }
    if (problems.length === 0) return { status: 'ok', details };
    return {
      status: 'fail',
      details: [...problems, ...details],
      fix: 'Set up the rules as the README\'s "Connecting a real Freshdesk account" lists them (Admin > Workflows > Automations), or run `baton sandbox --helpdesk freshdesk --connector URL` to see them created.',
    };
  },
};
