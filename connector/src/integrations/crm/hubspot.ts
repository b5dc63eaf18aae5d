/**
 * HubSpot CRM (v3 REST, private-app token as Bearer). By e-mail: search contacts
 * (POST /crm/v3/objects/contacts/search, filter email EQ), then read the contact's primary
 * company (the read-only `associatedcompanyid` property) with GET /crm/v3/objects/companies/{id}.
 * By organization name alone: search companies by name. The owner's name comes from
 * GET /crm/v3/owners/{id}. Open opportunity = the company's `hs_num_open_deals` > 0;
 * plan and ARR are properties the portal defines (names configurable, default plan / arr).
 */
import { z } from 'zod';
import { IntegrationError } from '../errors.js';
import { requestJson, trimBase } from '../http.js';
import { compact, fillRecordUrl, toNumber, toTag, type CrmAdapter, type CrmCustomer, type CrmFieldNames, type CrmRecord } from './types.js';

export interface HubSpotOptions {
  /** https://api.hubapi.com, or a test server. */
  baseUrl?: string;
  /** Private app access token (scopes crm.objects.contacts.read, crm.objects.companies.read, crm.objects.owners.read). */
  token: string;
  timeoutMs?: number;
  fields?: CrmFieldNames;
  /** Link template for the company, e.g. https://app.hubspot.com/contacts/PORTAL_ID/company/{id}. */
  recordUrl?: string;
}

const props = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]).optional());
const simpleObject = z.object({ id: z.coerce.string(), properties: props.default({}) });
const searchResponse = z.object({ total: z.number().optional(), results: z.array(simpleObject) });
const ownerResponse = z.object({ firstName: z.string().nullish(), lastName: z.string().nullish() });

const SERVICE = 'HubSpot';

export function hubspotCrm(opts: HubSpotOptions): CrmAdapter {
  const base = trimBase(opts.baseUrl ?? 'https://api.hubapi.com');
  const timeoutMs = opts.timeoutMs ?? 5000;
  const planProp = opts.fields?.plan ?? 'plan';
  const arrProp = opts.fields?.arr ?? 'arr';
  const companyProps = ['name', 'domain', 'type', 'hubspot_owner_id', 'hs_num_open_deals', planProp, arrProp];
  const headers = { Authorization: `Bearer ${opts.token}` };

  async function call<T>(schema: z.ZodType<T>, path: string, signal: AbortSignal | undefined, body?: unknown, accept404 = false): Promise<T | null> {
    const res = await requestJson({ service: SERVICE, url: base + path, method: body === undefined ? 'GET' : 'POST', headers, body, timeoutMs, signal, acceptStatuses: accept404 ? [404] : [] });
    if (res.status === 404) return null;
    const parsed = schema.safeParse(res.data);
    if (!parsed.success) throw new IntegrationError(SERVICE, 'invalid_response', `${SERVICE} answered ${path} with an unexpected shape: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  const search = (object: 'contacts' | 'companies', propertyName: string, value: string, properties: string[], signal?: AbortSignal) =>
    call(searchResponse, `/crm/v3/objects/${object}/search`, signal, {
      filterGroups: [{ filters: [{ propertyName, operator: 'EQ', value }] }],
      properties,
      limit: 1,
    });

  async function ownerName(id: unknown, signal?: AbortSignal): Promise<string | undefined> {
    if (typeof id !== 'string' && typeof id !== 'number') return undefined;
    if (String(id).trim() === '') return undefined;
    try {
      const owner = await call(ownerResponse, `/crm/v3/owners/${encodeURIComponent(String(id))}`, signal, undefined, true);
      const name = [owner?.firstName, owner?.lastName].filter(Boolean).join(' ');
      return name || undefined;
    } catch (err) {
      // The owner is a nicety: without the owners scope we still return the account.
      if (err instanceof IntegrationError && err.kind === 'timeout') throw err;
      return undefined;
    }
  }

  async function companyRecord(company: z.infer<typeof simpleObject>, signal?: AbortSignal): Promise<CrmRecord> {
    const p = company.properties;
    const openDeals = toNumber(p.hs_num_open_deals);
    const type = toTag(p.type);
    return compact({
      accountName: typeof p.name === 'string' ? p.name : undefined,
      plan: typeof p[planProp] === 'string' ? (p[planProp] as string) : undefined,
      arr: toNumber(p[arrProp]),
      openOpportunity: openDeals === undefined ? undefined : openDeals > 0,
      owner: await ownerName(p.hubspot_owner_id, signal),
      recordUrl: fillRecordUrl(opts.recordUrl, company.id),
      tags: type ? [type] : undefined,
    });
  }

  return {
    name: SERVICE,
    async lookup(customer: CrmCustomer, o?: { signal?: AbortSignal }): Promise<CrmRecord | null> {
      const signal = o?.signal;
      if (customer.email) {
        const found = await search('contacts', 'email', customer.email.trim(), ['email', 'company', 'associatedcompanyid', 'hubspot_owner_id'], signal);
        const contact = found?.results[0];
        if (contact) {
          const companyId = contact.properties.associatedcompanyid;
          if (companyId !== null && companyId !== undefined && String(companyId) !== '') {
            const company = await call(simpleObject, `/crm/v3/objects/companies/${encodeURIComponent(String(companyId))}?properties=${companyProps.map(encodeURIComponent).join(',')}`, signal, undefined, true);
            if (company) return companyRecord(company, signal);
          }
          // A contact without a company: its free-text company and owner are still useful.
          return compact({
            accountName: typeof contact.properties.company === 'string' ? contact.properties.company : undefined,
            owner: await ownerName(contact.properties.hubspot_owner_id, signal),
          });
        }
      }
      if (customer.organizationName) {
        const found = await search('companies', 'name', customer.organizationName.trim(), companyProps, signal);
        const company = found?.results[0];
        if (company) return companyRecord(company, signal);
      }
      return null;
    },
  };
}
