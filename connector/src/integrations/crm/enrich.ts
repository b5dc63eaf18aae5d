/**
 * Add what the CRM knows (plan, ARR, open opportunity, owner, link) to the customer's
 * organization before triage, so VIP rules see it. Never throws: when the CRM cannot
 * answer, triage goes on with Zendesk's data and the reason tells the agent so.
 */
import { isIntegrationError } from '../errors.js';
import type { CustomerContext } from '../../triage/types.js';
import { toTag, type CrmAdapter, type CrmCustomer, type CrmRecord } from './types.js';

type Org = NonNullable<CustomerContext['organization']>;

/** Organization field keys written; plan/arr/open_opportunity should match the policy's vip.fields. */
export interface EnrichFieldNames {
  plan: string;
  arr: string;
  open_opportunity: string;
  crm_url: string;
  owner: string;
}

export const DEFAULT_ENRICH_FIELDS: EnrichFieldNames = { plan: 'plan', arr: 'arr', open_opportunity: 'open_opportunity', crm_url: 'crm_url', owner: 'owner' };

export function crmQueryFor(customer: CustomerContext): CrmCustomer {
  return {
    email: customer.email || undefined,
    organizationName: customer.organization?.name || undefined,
    organizationId: customer.organization?.id && !customer.organization.id.startsWith('crm:') ? customer.organization.id : undefined,
  };
}

/** "CRM unavailable (timeout); triage used helpdesk data only". */
export function unavailableMessage(err: unknown): string {
  const why = isIntegrationError(err) ? err.short : 'unexpected error';
  return `CRM unavailable (${why}); triage used helpdesk data only`;
}

export async function enrichCustomer(customer: CustomerContext, crm: CrmAdapter | null | undefined, opts: { fields?: Partial<EnrichFieldNames> } = {}): Promise<CustomerContext> {
  if (!crm) return customer;
  const query = crmQueryFor(customer);
  if (!query.email && !query.organizationName) return customer; // nothing to look up by
  let record: CrmRecord | null;
  try {
    record = await crm.lookup(query);
  } catch (err) {
    const message = unavailableMessage(err);
    return { ...customer, enrichmentError: customer.enrichmentError ? `${customer.enrichmentError}; ${message}` : message };
  }
  if (!record) return customer;
  try {
    return { ...customer, organization: mergeRecord(customer.organization, record, { ...DEFAULT_ENRICH_FIELDS, ...opts.fields }) };
  } catch (err) {
    // A record we cannot merge is treated like an unavailable CRM, never a failed ticket.
    return { ...customer, enrichmentError: unavailableMessage(err) };
  }
}

/** CRM values win over the helpdesk's where the CRM has one; tags are unioned. */
export function mergeRecord(org: Org | undefined, record: CrmRecord, names: EnrichFieldNames): Org | undefined {
  const fields: Org['fields'] = {};
  if (record.plan !== undefined) fields[names.plan] = record.plan;
  if (record.arr !== undefined) fields[names.arr] = record.arr;
  if (record.openOpportunity !== undefined) fields[names.open_opportunity] = record.openOpportunity;
  if (record.recordUrl !== undefined) fields[names.crm_url] = record.recordUrl;
  if (record.owner !== undefined) fields[names.owner] = record.owner;
  const tags = record.tags ?? [];
  if (!org) {
    if (!record.accountName) return undefined; // nothing to hang the fields on
    // Not a helpdesk organization: the id says where it came from.
    return { id: `crm:${toTag(record.accountName) ?? 'account'}`, name: record.accountName, tags: [...new Set(tags)], fields };
  }
  return { ...org, tags: [...new Set([...org.tags, ...tags])], fields: { ...org.fields, ...fields } };
}
