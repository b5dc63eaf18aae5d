/**
 * Team keys (policy) → helpdesk groups (by name), resolved once per account and cached:
 * groups rarely change, and a lookup per ticket would spend the API budget.
 */
import type { HelpdeskPort } from '../helpdesk/port.js';

/** How a team is named to customers ("a specialist from our billing team"). */
export const TEAM_LABELS: Record<string, string> = {
  general_support: 'support',
  finance: 'billing',
  product_support: 'product support',
  revenue: 'sales',
  trust_safety: 'trust & safety',
  senior_support: 'senior support',
};

export class GroupDirectory {
  private cache: { at: number; byName: Map<string, string> } | null = null;

  /** `teamGroups`: team key → group name, from the policy's `groups`. */
  constructor(
    private readonly helpdesk: Pick<HelpdeskPort, 'listGroups'>,
    private readonly teamGroups: Record<string, string>,
    private readonly fallbackTeam: string,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  async groupIdFor(team: string | null): Promise<string | undefined> {
    if (!team) return undefined;
    if (!this.cache || Date.now() - this.cache.at > this.ttlMs) {
      const groups = await this.helpdesk.listGroups();
      this.cache = { at: Date.now(), byName: new Map(groups.map((g) => [g.name.toLowerCase(), g.id])) };
    }
    const name = (this.teamGroups[team] ?? team).toLowerCase();
    return this.cache.byName.get(name) ?? this.cache.byName.get((this.teamGroups[this.fallbackTeam] ?? '').toLowerCase());
  }
}
