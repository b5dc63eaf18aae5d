/**
 * VIP accounts skip the AI and go to senior agents. Any one policy rule is enough:
 * an organization or customer tag, the plan, ARR above the threshold, an open sales
 * opportunity. The reason names the account and what made it VIP, so the agent sees
 * "VIP: Acme Corp, ARR $120k" rather than a bare flag.
 */
import type { CustomerContext } from '../types.js';
import type { Policy } from '../policy/schema.js';

export interface VipReading {
  vip: boolean;
  /** What made the account VIP, e.g. ['ARR $120k', 'tag enterprise']. Empty when not VIP. */
  because: string[];
  account: string;
}

/** "$120k", "$1.2M", "$950". */
export function formatMoney(amount: number): string {
  if (amount >= 1_000_000) return `$${+(amount / 1_000_000).toFixed(1)}M`;
  if (amount >= 1_000) return `$${Math.round(amount / 1_000)}k`;
  return `$${Math.round(amount)}`;
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const n = Number(v.replace(/[$,\s]/g, ''));
    return v.trim() !== '' && Number.isFinite(n) ? n : null;
  }
  return null;
}

function asBoolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v > 0;
  if (typeof v === 'string') return /^(true|yes|open|1)$/i.test(v.trim());
  return false;
}

const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

export function readVip(policy: Policy, customer: CustomerContext): VipReading {
  const rules = policy.vip;
  const org = customer.organization;
  const because: string[] = [];
  if (customer.vip === true) because.push('flagged VIP');
  const orgTags = lower(org?.tags ?? []);
  const customerTags = lower(customer.tags);
  const orgTag = rules.org_tags.find((t) => orgTags.has(t.toLowerCase()));
  if (orgTag) because.push(`tag ${orgTag}`);
  const customerTag = rules.customer_tags.find((t) => customerTags.has(t.toLowerCase()));
  if (customerTag && customerTag !== orgTag) because.push(`customer tag ${customerTag}`);
  const fields = org?.fields ?? {};
  const plan = fields[rules.fields.plan];
  if (typeof plan === 'string' && lower(rules.plans).has(plan.toLowerCase())) because.push(`plan ${plan}`);
  const arr = asNumber(fields[rules.fields.arr]);
  if (rules.arr_above !== null && arr !== null && arr > rules.arr_above) because.push(`ARR ${formatMoney(arr)}`);
  if (rules.open_opportunity && asBoolean(fields[rules.fields.open_opportunity])) because.push('open sales opportunity');
  return { vip: because.length > 0, because, account: org?.name ?? customer.name };
}
