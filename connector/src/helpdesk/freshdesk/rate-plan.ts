/**
 * Freshdesk's per-minute API budget. The limit is per account, whatever the number of
 * agents, IPs or keys, and list endpoints have their own, much tighter sub-limits
 * (../shared/freshdesk/FACTS.md §2, source [FD-API Rate Limit]). Apps installed in the
 * account spend the same budget, so Baton keeps 10% headroom on every bucket.
 *
 * A request takes a token from its sub-limit bucket (if it has one) and then as many tokens
 * from the account bucket as it costs: embeds cost extra credits (View a Ticket: +1 per
 * `include`; List All Tickets: +2 per `include`).
 */
import { RateBudget } from '../rate-budget.js';

export type FreshdeskPlan = 'trial' | 'growth' | 'pro' | 'enterprise' | 'addon-1000' | 'addon-2000';
export type SubLimit = 'ticket_create' | 'ticket_update' | 'tickets_list' | 'contacts_list';

export interface PlanLimits {
  total: number;
  ticket_create: number;
  ticket_update: number;
  tickets_list: number;
  contacts_list: number;
}

/**
 * FACTS.md §2 table. Trial accounts are documented only as "50/min" in total; their
 * sub-limits are not published, so we assume Growth's proportions (inference, unverified).
 */
export const PLAN_LIMITS: Record<FreshdeskPlan, PlanLimits> = {
  trial: { total: 50, ticket_create: 20, ticket_update: 20, tickets_list: 5, contacts_list: 5 },
  growth: { total: 200, ticket_create: 80, ticket_update: 80, tickets_list: 20, contacts_list: 20 },
  pro: { total: 400, ticket_create: 160, ticket_update: 160, tickets_list: 100, contacts_list: 100 },
  enterprise: { total: 700, ticket_create: 280, ticket_update: 280, tickets_list: 200, contacts_list: 200 },
  'addon-1000': { total: 1000, ticket_create: 400, ticket_update: 400, tickets_list: 300, contacts_list: 300 },
  'addon-2000': { total: 2000, ticket_create: 800, ticket_update: 800, tickets_list: 400, contacts_list: 400 },
};

/** Which sub-limit a request falls under, if any. */
export function subLimitOf(method: string, path: string): SubLimit | undefined {
  const p = path.split('?')[0]!.replace(/\/+$/, '');
  if (method === 'POST' && p === '/api/v2/tickets') return 'ticket_create';
  if (method === 'PUT' && /^\/api\/v2\/tickets\/\d+$/.test(p)) return 'ticket_update';
  if (method === 'GET' && p === '/api/v2/tickets') return 'tickets_list';
  if (method === 'GET' && p === '/api/v2/contacts') return 'contacts_list';
  return undefined;
}

/** Credits one request costs (FACTS.md §2 "Embeds cost extra"). */
export function creditsOf(method: string, path: string): number {
  if (method !== 'GET') return 1;
  const [p, query] = path.split('?') as [string, string | undefined];
  const include = new URLSearchParams(query ?? '').get('include');
  if (!include) return 1;
  const embeds = include.split(',').filter(Boolean).length;
  return 1 + (p === '/api/v2/tickets' ? 2 * embeds : embeds);
}

/** The buckets of one account: the total and each sub-limit. */
export class FreshdeskBudget {
  readonly total: RateBudget;
  private readonly sub: Record<SubLimit, RateBudget>;

  constructor(readonly limits: PlanLimits, now?: () => number) {
    const headroom = (n: number) => Math.max(1, Math.floor(n * 0.9));
    this.total = new RateBudget(headroom(limits.total), now);
    this.sub = {
      ticket_create: new RateBudget(headroom(limits.ticket_create), now),
      ticket_update: new RateBudget(headroom(limits.ticket_update), now),
      tickets_list: new RateBudget(headroom(limits.tickets_list), now),
      contacts_list: new RateBudget(headroom(limits.contacts_list), now),
    };
  }

  /** Resolves when `method path` may be sent under every limit it counts against. */
  async take(method: string, path: string): Promise<void> {
    const sub = subLimitOf(method, path);
    if (sub) await this.sub[sub].take();
    for (let i = creditsOf(method, path); i > 0; i--) await this.total.take();
  }

  /** A 429: pause everything (Retry-After tells the gateway how long to wait). */
  drain(): void {
    this.total.drain();
    for (const b of Object.values(this.sub)) b.drain();
  }
}

const budgets = new Map<string, FreshdeskBudget>();

/** One budget per account per process, shared by every gateway of that account. */
export function freshdeskBudgetFor(account: string, limits: PlanLimits): FreshdeskBudget {
  const key = `${account}|${JSON.stringify(limits)}`;
  let b = budgets.get(key);
  if (!b) budgets.set(key, (b = new FreshdeskBudget(limits)));
  return b;
}
