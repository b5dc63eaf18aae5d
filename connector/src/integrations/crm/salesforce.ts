/**
 * Salesforce (REST query resource, OAuth access token as Bearer). By e-mail: one SOQL query
 * for the Contact and its Account (relationship fields), then a COUNT() of the account's
 * open Opportunities. By organization name alone: the Account by Name. Plan and ARR are
 * custom Account fields in most orgs, so they are read only when named (e.g. Plan__c).
 */
import { z } from 'zod';
import { IntegrationError } from '../errors.js';
import { requestJson, trimBase } from '../http.js';
import { compact, fillRecordUrl, toNumber, toTag, type CrmAdapter, type CrmCustomer, type CrmFieldNames, type CrmRecord } from './types.js';

export interface SalesforceOptions {
  /** https://MyDomain.my.salesforce.com, or a test server. */
  instanceUrl: string;
  /** OAuth access token. */
  token: string;
  apiVersion?: string;
  timeoutMs?: number;
  /** Account fields holding plan and ARR (e.g. Plan__c, ARR__c); unread when absent. */
  fields?: CrmFieldNames;
  /** Link template; defaults to the Lightning account page. */
  recordUrl?: string;
}

const SERVICE = 'Salesforce';
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

const owner = z.object({ Name: z.string().nullish() }).passthrough().nullish();
const account = z.object({ Id: z.string(), Name: z.string().nullish(), Type: z.string().nullish(), Owner: owner }).passthrough();
const queryResult = <T extends z.ZodTypeAny>(record: T) => z.object({ totalSize: z.number(), done: z.boolean(), records: z.array(record) });
const contactResult = queryResult(z.object({ Id: z.string(), Account: account.nullish() }).passthrough());
const accountResult = queryResult(account);
const countResult = queryResult(z.unknown());

/** A SOQL string literal: backslash and quote escaped, so an e-mail cannot change the query. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

export function salesforceCrm(opts: SalesforceOptions): CrmAdapter {
  const base = trimBase(opts.instanceUrl);
  const version = opts.apiVersion ?? 'v60.0';
  if (!/^v\d+\.\d$/.test(version)) throw new Error(`Salesforce API version must look like v60.0, not "${version}"`);
  const extra = [opts.fields?.plan, opts.fields?.arr].filter((f): f is string => Boolean(f));
  for (const f of extra) if (!FIELD_NAME.test(f)) throw new Error(`"${f}" is not a Salesforce field name`);
  const accountFields = ['Id', 'Name', 'Type', 'Owner.Name', ...extra];
  const recordUrl = opts.recordUrl ?? `${base}/lightning/r/Account/{id}/view`;
  const timeoutMs = opts.timeoutMs ?? 5000;

  async function query<T>(schema: z.ZodType<T>, soql: string, signal?: AbortSignal): Promise<T> {
    const url = `${base}/services/data/${version}/query?q=${encodeURIComponent(soql)}`;
    const res = await requestJson({ service: SERVICE, url, headers: { Authorization: `Bearer ${opts.token}` }, timeoutMs, signal });
    const parsed = schema.safeParse(res.data);
    if (!parsed.success) throw new IntegrationError(SERVICE, 'invalid_response', `${SERVICE} query answered with an unexpected shape: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  async function toRecord(acc: z.infer<typeof account>, signal?: AbortSignal): Promise<CrmRecord> {
    const open = await query(countResult, `SELECT COUNT() FROM Opportunity WHERE AccountId = ${soqlString(acc.Id)} AND IsClosed = false`, signal);
    const a = acc as Record<string, unknown>;
    const plan = opts.fields?.plan ? a[opts.fields.plan] : undefined;
    const type = toTag(acc.Type);
    return compact({
      accountName: acc.Name ?? undefined,
      plan: typeof plan === 'string' ? plan : undefined,
      arr: opts.fields?.arr ? toNumber(a[opts.fields.arr]) : undefined,
      openOpportunity: open.totalSize > 0,
      owner: acc.Owner?.Name ?? undefined,
      recordUrl: fillRecordUrl(recordUrl, acc.Id),
      tags: type ? [type] : undefined,
    });
  }

  return {
    name: SERVICE,
    async lookup(customer: CrmCustomer, o?: { signal?: AbortSignal }): Promise<CrmRecord | null> {
      const signal = o?.signal;
      if (customer.email) {
        const soql = `SELECT Id, ${accountFields.map((f) => `Account.${f}`).join(', ')} FROM Contact WHERE Email = ${soqlString(customer.email.trim())} ORDER BY LastModifiedDate DESC LIMIT 1`;
        const contacts = await query(contactResult, soql, signal);
        const acc = contacts.records[0]?.Account;
        if (acc) return toRecord(acc, signal);
      }
      if (customer.organizationName) {
        const soql = `SELECT ${accountFields.join(', ')} FROM Account WHERE Name = ${soqlString(customer.organizationName.trim())} LIMIT 1`;
        const accounts = await query(accountResult, soql, signal);
        if (accounts.records[0]) return toRecord(accounts.records[0], signal);
      }
      return null;
    },
  };
}
