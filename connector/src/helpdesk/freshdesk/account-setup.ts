/**
 * The Freshdesk reads behind `baton doctor` (see ../account-setup.ts). Sources: FACTS.md §1
 * (the API key's agent at /agents/me, any role; every other Agent API is admin-only), §2 (the
 * plan's limit in X-RateLimit-Total on every response), §7 and api-endpoints.md §8 (automation
 * rules per type: 1 ticket creation, 3 hourly, 4 ticket updates; `performer.type` 1 Agent,
 * 2 Requester, 3 Agent or Requester, 4 System; webhook action attributes), api-endpoints.md §2
 * (status choices in ticket_fields) and §7 (solution search).
 */
import { answer, type Answer, type RuleAccountSetup, type SetupAutomationRule, type SetupCondition, type SetupStatus, type SetupUser } from '../account-setup.js';
import { FreshdeskGateway, type FreshdeskGatewayOptions } from './gateway.js';
import type { FdAgent } from './types.js';

interface FdRuleProperty {
  field_name: string;
  operator: string;
  value?: unknown;
}

interface FdAutomationRule {
  id: number;
  name: string;
  active: boolean;
  performer?: { type: number; members?: number[] } | null;
  events?: { field_name: string }[];
  conditions?: { name?: string; match_type?: 'all' | 'any'; properties?: FdRuleProperty[] }[];
  actions?: { field_name: string; request_type?: string; url?: string; custom_headers?: Record<string, string>; content?: { content_type?: string; body?: string } }[];
}

const RUNS_ON: Record<number, SetupAutomationRule['runsOn']> = { 1: 'ticket_created', 3: 'time', 4: 'ticket_updated' };
const PERFORMERS: Record<number, NonNullable<SetupAutomationRule['performer']>['type']> = { 1: 'agent', 2: 'requester', 3: 'agent_or_requester', 4: 'system' };

const toUser = (a: FdAgent, role: string): SetupUser => ({ id: String(a.id), name: a.contact.name, email: a.contact.email, role });

/** Conditions that must all hold: every property of an "all" set, and an "any" set of one. */
function requiredConditions(rule: FdAutomationRule): SetupCondition[] {
  return (rule.conditions ?? [])
    .filter((set) => set.match_type !== 'any' || (set.properties ?? []).length === 1)
    .flatMap((set) => (set.properties ?? []).map((p) => ({ field: p.field_name, operator: p.operator, value: p.value })));
}

export function toSetupRule(rule: FdAutomationRule, type: number): SetupAutomationRule {
  return {
    id: String(rule.id),
    name: rule.name,
    active: rule.active,
    runsOn: RUNS_ON[type] ?? 'ticket_updated',
    performer: rule.performer ? { type: PERFORMERS[rule.performer.type] ?? 'system', members: (rule.performer.members ?? []).map(String) } : null,
    events: (rule.events ?? []).map((e) => e.field_name),
    conditions: requiredConditions(rule),
    webhooks: (rule.actions ?? [])
      .filter((a) => a.field_name === 'trigger_webhook' && a.url)
      .map((a) => ({ method: a.request_type ?? 'POST', url: a.url!, headers: a.custom_headers ?? {}, contentType: a.content?.content_type ?? 'json', body: a.content?.body ?? '' })),
  };
}

export class FreshdeskAccountSetup implements RuleAccountSetup {
  private admin?: Promise<boolean>;

  constructor(
    private readonly gateway: FreshdeskGateway,
    /** The per-minute limit of the plan the connector is configured for (FRESHDESK_PLAN). */
    readonly configuredRateLimit: number,
  ) {}

  static connect(opts: FreshdeskGatewayOptions): FreshdeskAccountSetup {
    return new FreshdeskAccountSetup(new FreshdeskGateway(opts), opts.limits.total);
  }

  get baseUrl(): string {
    return this.gateway.baseUrl;
  }

  async me(): Promise<SetupUser> {
    const agent = await this.gateway.me();
    return toUser(agent, (await this.isAdmin()) ? 'admin' : 'agent');
  }

  /** Role ids are the account's own, so the role is what the key may do: list agents (admin only). */
  isAdmin(): Promise<boolean> {
    this.admin ??= answer(() => this.gateway.request('GET', '/api/v2/agents?per_page=1')).then((a) => {
      if (a.ok) return true;
      if (a.status === 403) return false;
      throw new Error(`Freshdesk answered ${a.status} to listing agents: ${a.message}`);
    });
    return this.admin;
  }

  async groups() {
    return (await this.gateway.listGroups()).map((g) => ({ id: String(g.id), name: g.name }));
  }

  async memberships() {
    return (await this.gateway.listAgents()).flatMap((a) => (a.group_ids ?? []).map((g) => ({ groupId: String(g), userId: String(a.id) })));
  }

  /** Freshdesk lists agents only (contacts are elsewhere), so each is an agent who may take tickets. */
  async agents() {
    return (await this.gateway.listAgents()).map((a) => toUser(a, 'agent'));
  }

  automationRules(): Promise<Answer<SetupAutomationRule[]>> {
    return answer(async () => {
      const out: SetupAutomationRule[] = [];
      for (const type of [1, 4]) for (const r of await this.gateway.list<FdAutomationRule>(`/api/v2/automations/${type}/rules`)) out.push(toSetupRule(r, type));
      return out;
    });
  }

  ticketStatuses(): Promise<Answer<SetupStatus[]>> {
    return answer(async () => (await this.gateway.statuses()).all().map((c) => ({ id: String(c.id), label: c.agentLabel, neutral: c.neutral })));
  }

  articleCount(term: string): Promise<Answer<number>> {
    return answer(async () => (await this.gateway.searchArticles(term)).filter((a) => a.status === 2).length);
  }

  async planRateLimit(): Promise<number | null> {
    if (this.gateway.rateLimitSeen === null) await this.gateway.me();
    return this.gateway.rateLimitSeen;
  }

  /**
   * Freshdesk has no "test this webhook" API: the doctor sends what the rule would, from here.
   * It waits as long as for Freshdesk itself (FRESHDESK_TIMEOUT_MS), as Zendesk's own test
   * delivery is bounded by ZENDESK_TIMEOUT_MS: one setting bounds every call the doctor makes.
   * A connector answers a test body at once (it only checks the secret), so that is ample.
   */
  async deliver(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
    const timeoutMs = this.gateway.timeoutMs;
    try {
      const res = await fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(timeoutMs) });
      return { status: res.status, body: await res.text() };
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') return { status: 0, body: `no answer within ${timeoutMs} ms (FRESHDESK_TIMEOUT_MS; raise it if the connector is slow rather than down)` };
      return { status: 0, body: (err as Error).message };
    }
  }
}
