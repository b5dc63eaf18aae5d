/**
 * The CRM seam: any CRM that can answer "who is this customer's account?" plugs in as a
 * CrmAdapter. Triage never sees a CRM's own shapes, only CrmRecord.
 */

/** What the ticket tells us about the customer; an adapter uses what it can. */
export interface CrmCustomer {
  email?: string;
  organizationName?: string;
  /** The helpdesk's organization id (used for caching; CRMs rarely know it). */
  organizationId?: string;
}

export interface CrmRecord {
  accountName?: string;
  plan?: string;
  /** Annual recurring revenue, in the account's currency. */
  arr?: number;
  openOpportunity?: boolean;
  /** Account owner's name (the account manager an agent can ask). */
  owner?: string;
  /** Link to the account in the CRM, for the agent. */
  recordUrl?: string;
  tags?: string[];
}

export interface CrmAdapter {
  readonly name: string;
  /** null when the CRM has no such customer; throws when the CRM cannot answer. */
  lookup(customer: CrmCustomer, opts?: { signal?: AbortSignal }): Promise<CrmRecord | null>;
}

/** Which account fields an adapter reads for plan and ARR (CRMs name them differently). */
export interface CrmFieldNames {
  plan?: string;
  arr?: string;
}

/** "https://crm.example.com/accounts/{id}" -> the account's link. */
export function fillRecordUrl(template: string | undefined, id: string | undefined): string | undefined {
  if (!template || !id) return undefined;
  return template.replaceAll('{id}', encodeURIComponent(id));
}

/** CRM numbers arrive as numbers or strings ("120000", "$120,000"). */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.replace(/[$€£,\s]/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** "Customer - Direct" -> "customer_direct": CRM picklist values as helpdesk-style tags. */
export function toTag(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const tag = v.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '');
  return tag === '' ? undefined : tag;
}

/** Drop undefined keys so merges never overwrite a value with nothing. */
export function compact(record: CrmRecord): CrmRecord {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== '')) as CrmRecord;
}
