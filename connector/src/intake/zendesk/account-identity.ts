/**
 * One tenant per Zendesk account, whichever way a delivery names it. Trigger bodies and the
 * app's tokens name the subdomain ("acme", from `{{ticket.url}}` and the app's context);
 * event-subscription deliveries only carry the numeric account id (`account_id`, and the
 * `X-Zendesk-Account-Id` header every webhook request has — developer.zendesk.com → Webhooks →
 * "Anatomy of a webhook request"). The subdomain is the tenant key; a numeric id is mapped to
 * it: from the account this connector is configured for, or learnt from a trigger delivery,
 * which carries both.
 */
export class ZendeskAccountIdentity {
  private readonly subdomainById = new Map<string, string>();

  /** `servedSubdomain`: the one account this connector is configured for, when known. */
  constructor(private readonly servedSubdomain?: string) {}

  /** A delivery that names both (a trigger body with the account header). */
  learn(numericId: string | undefined, subdomain: string | undefined): void {
    if (numericId && /^\d+$/.test(numericId) && subdomain) this.subdomainById.set(numericId, subdomain);
  }

  /** The tenant's account key for how a delivery named it. */
  accountKey(named: string): string {
    if (!/^\d+$/.test(named)) return named;
    return this.subdomainById.get(named) ?? this.servedSubdomain ?? named;
  }
}
