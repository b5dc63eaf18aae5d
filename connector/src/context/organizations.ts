/**
 * Organization context for triage (VIP tags, plan, ARR, open opportunity) from Zendesk
 * organization fields (read through the helpdesk port), cached per organization: the trigger body carries only the name
 * and tags, and reading the organization for every message would spend the API budget.
 * When the lookup fails, triage goes on without it and the reasons say so.
 */
import type { HelpdeskPort } from '../helpdesk/port.js';
import type { CustomerContext } from '../triage/types.js';

type Org = NonNullable<CustomerContext['organization']>;

export class OrganizationDirectory {
  private readonly cache = new Map<string, { at: number; org: Org }>();

  constructor(private readonly helpdesk: Pick<HelpdeskPort, 'getOrganization'>, private readonly ttlMs = 10 * 60_000, private readonly maxEntries = 5000) {}

  /** Fill in the organization's fields; never throws. */
  async enrich(customer: CustomerContext): Promise<CustomerContext> {
    const id = customer.organization?.id;
    if (!id) return customer;
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < this.ttlMs) return { ...customer, organization: hit.org };
    try {
      const o = await this.helpdesk.getOrganization(id);
      const org: Org = { id, name: o.name, tags: o.tags, fields: o.fields };
      if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(id, { at: Date.now(), org });
      return { ...customer, organization: org };
    } catch (err) {
      return { ...customer, enrichmentError: `organization details unavailable (${(err as Error).message.slice(0, 120)})` };
    }
  }
}
