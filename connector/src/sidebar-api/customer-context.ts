/**
 * Customer context for the sidebar, read from the helpdesk at view time (ticket → requester →
 * organization), so the agent sees the account as it is now rather than as it was when
 * Baton first triaged. Failure is reported, never fatal: the timeline still shows.
 */
import type { HelpdeskOrganization, HelpdeskPerson, HelpdeskPort } from '../helpdesk/port.js';
import type { CustomerContextView } from './types.js';

/** Tags and plans that mark an account VIP in the default policy (connector/policy). */
const VIP_TAGS = new Set(['vip', 'enterprise', 'strategic']);
const VIP_PLANS = new Set(['enterprise']);

export async function readCustomerContext(
  helpdesk: HelpdeskPort,
  ticketId: string,
): Promise<{ customer: CustomerContextView | null; error: string | null }> {
  try {
    const ticket = await helpdesk.getTicket(ticketId);
    const [user, org] = await Promise.all([
      helpdesk.getUser(ticket.requesterId).catch(() => null),
      ticket.organizationId ? helpdesk.getOrganization(ticket.organizationId).catch(() => null) : Promise.resolve(null),
    ]);
    return { customer: toView(user, org), error: null };
  } catch (err) {
    return { customer: null, error: `Zendesk could not be read: ${(err as Error).message}` };
  }
}

export function toView(user: HelpdeskPerson | null, org: HelpdeskOrganization | null): CustomerContextView {
  const fields = org?.fields ?? {};
  const plan = typeof fields.plan === 'string' && fields.plan ? fields.plan : null;
  const arr = asNumber(fields.arr);
  const tags = [...(org?.tags ?? []), ...(user?.tags ?? [])].map((t) => t.toLowerCase());
  const crm = typeof fields.crm_url === 'string' && /^https:\/\//.test(fields.crm_url) ? fields.crm_url : null;
  return {
    name: user?.name ?? null,
    email: user?.email ?? null,
    organization: org?.name ?? null,
    vip: tags.some((t) => VIP_TAGS.has(t)) || (plan !== null && VIP_PLANS.has(plan.toLowerCase())),
    plan,
    arr,
    crmUrl: crm,
  };
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.replace(/[$,\s]/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
