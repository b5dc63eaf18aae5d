/**
 * What a handoff notification says, independent of where it goes. Built once from the
 * decision and the customer context when the handoff is written, stored in the notify
 * job's payload, and rendered for Slack or a webhook when the job runs. It carries the
 * customer's name and account, never their e-mail address or phone number.
 */
import type { CustomerContext, Decision, Priority } from '../../triage/types.js';

export interface HandoffNotice {
  /** Stable id of this handoff (the event id): receivers can drop duplicates with it. */
  id: string;
  tenantId: string;
  ticketId: string;
  /** The ticket in the agent's helpdesk view. */
  ticketUrl: string;
  subject: string;
  customer: {
    name: string;
    account?: string;
    plan?: string;
    arr?: number;
    vip?: boolean;
  };
  intent: string;
  team: string | null;
  priority: Priority;
  /** Why it was escalated, in agents' words. */
  reasons: string[];
  summary?: string;
  /** ISO time of the handoff. */
  handedOffAt: string;
}

/** Where notifications go. Targets live in configuration, never in job payloads (URLs and secrets are credentials). */
export type NotifyTarget = { name: string; kind: 'slack'; url: string } | { name: string; kind: 'webhook'; url: string; secret: string };

function fieldNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.replace(/[$,\s]/g, '')))) return Number(v.replace(/[$,\s]/g, ''));
  return undefined;
}

export interface NoticeInput {
  id: string;
  tenantId: string;
  ticketId: string;
  ticketUrl: string;
  subject: string;
  decision: Pick<Decision, 'intent' | 'team' | 'priority' | 'reasons' | 'summary'>;
  customer: CustomerContext;
  /** Epoch ms of the handoff. */
  at: number;
  /** Organization field keys for plan and ARR (the policy's vip.fields); defaults plan / arr. */
  fields?: { plan?: string; arr?: string };
}

export function handoffNotice(input: NoticeInput): HandoffNotice {
  const org = input.customer.organization;
  const plan = org?.fields[input.fields?.plan ?? 'plan'];
  return {
    id: input.id,
    tenantId: input.tenantId,
    ticketId: input.ticketId,
    ticketUrl: input.ticketUrl,
    subject: input.subject,
    customer: {
      name: input.customer.name,
      account: org?.name || undefined,
      plan: typeof plan === 'string' && plan !== '' ? plan : undefined,
      arr: fieldNumber(org?.fields[input.fields?.arr ?? 'arr']),
      vip: input.customer.vip === true || input.decision.reasons.some((r) => r.code === 'vip') || undefined,
    },
    intent: input.decision.intent,
    team: input.decision.team,
    priority: input.decision.priority,
    reasons: input.decision.reasons.map((r) => r.text),
    summary: input.decision.summary,
    handedOffAt: new Date(input.at).toISOString(),
  };
}
