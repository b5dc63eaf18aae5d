/**
 * Which CRM enriches customers, from the environment. BATON_CRM picks the adapter; the
 * result is wrapped in resilientCrm with defaults fit for the triage path (short timeout,
 * 10-minute cache, breaker opening after 5 failures in a row for a minute).
 */
import { z } from 'zod';
import { optionalText, optionalUrl, parseEnv, positiveMs, requireVar, EVEN_WITH_OTHER_ISSUES, type EnvLike } from '../env.js';
import { loadCsvCrm } from './csv-accounts.js';
import { hubspotCrm } from './hubspot.js';
import { resilientCrm, type ResilienceOptions, type ResilientCrm } from './resilient.js';
import { salesforceCrm } from './salesforce.js';
import type { CrmFieldNames } from './types.js';

export type CrmSettings =
  | { kind: 'none' }
  | { kind: 'hubspot'; url: string; token: string; timeoutMs: number; recordUrl?: string; fields: CrmFieldNames }
  | { kind: 'salesforce'; url: string; token: string; timeoutMs: number; recordUrl?: string; fields: CrmFieldNames }
  | { kind: 'csv'; path: string; timeoutMs: number };

const schema = z
  .object({
    BATON_CRM: optionalText.pipe(z.enum(['hubspot', 'salesforce', 'csv', 'none'], { error: 'must be one of hubspot, salesforce, csv, none' }).optional()),
    BATON_CRM_URL: optionalUrl,
    BATON_CRM_TOKEN: optionalText,
    BATON_CRM_CSV: optionalText,
    BATON_CRM_TIMEOUT_MS: positiveMs(2000),
    BATON_CRM_RECORD_URL: optionalUrl.refine((v) => v === undefined || v.includes('{id}'), 'must contain {id} where the account id goes'),
    BATON_CRM_PLAN_FIELD: optionalText,
    BATON_CRM_ARR_FIELD: optionalText,
  })
  .superRefine((v, ctx) => {
    const kind = v.BATON_CRM ?? 'none';
    if ((kind === 'hubspot' || kind === 'salesforce') && !v.BATON_CRM_TOKEN) {
      requireVar(ctx, 'BATON_CRM_TOKEN', `is required when BATON_CRM=${kind}: ${kind === 'hubspot' ? 'a HubSpot private app access token' : 'a Salesforce OAuth access token'}`);
    }
    if (kind === 'salesforce' && !v.BATON_CRM_URL) requireVar(ctx, 'BATON_CRM_URL', 'is required when BATON_CRM=salesforce: your instance URL, e.g. https://acme.my.salesforce.com');
    if (kind === 'csv' && !v.BATON_CRM_CSV) requireVar(ctx, 'BATON_CRM_CSV', 'is required when BATON_CRM=csv: the path of the accounts CSV file');
    for (const name of ['BATON_CRM_PLAN_FIELD', 'BATON_CRM_ARR_FIELD'] as const) {
      const f = v[name];
      if (f && !/^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(f)) requireVar(ctx, name, 'must be a field name (letters, digits, underscores), e.g. Plan__c');
    }
  }, EVEN_WITH_OTHER_ISSUES);

export function crmFromEnv(env: EnvLike): CrmSettings {
  const v = parseEnv(schema, env, 'CRM');
  const kind = v.BATON_CRM ?? 'none';
  const fields = { plan: v.BATON_CRM_PLAN_FIELD, arr: v.BATON_CRM_ARR_FIELD };
  switch (kind) {
    case 'none':
      return { kind };
    case 'csv':
      return { kind, path: v.BATON_CRM_CSV!, timeoutMs: v.BATON_CRM_TIMEOUT_MS };
    case 'hubspot':
      return { kind, url: v.BATON_CRM_URL ?? 'https://api.hubapi.com', token: v.BATON_CRM_TOKEN!, timeoutMs: v.BATON_CRM_TIMEOUT_MS, recordUrl: v.BATON_CRM_RECORD_URL, fields };
    case 'salesforce':
      return { kind, url: v.BATON_CRM_URL!, token: v.BATON_CRM_TOKEN!, timeoutMs: v.BATON_CRM_TIMEOUT_MS, recordUrl: v.BATON_CRM_RECORD_URL, fields };
  }
}

/** Build the CRM the settings describe, already resilient; null for BATON_CRM=none. */
export async function createCrm(settings: CrmSettings, overrides: Partial<ResilienceOptions> = {}): Promise<{ crm: ResilientCrm | null; problems: string[] }> {
  if (settings.kind === 'none') return { crm: null, problems: [] };
  const resilience: ResilienceOptions = { timeoutMs: settings.timeoutMs, cacheTtlMs: 10 * 60_000, breaker: { failures: 5, cooldownMs: 60_000 }, ...overrides };
  if (settings.kind === 'csv') {
    const csv = await loadCsvCrm(settings.path);
    return { crm: resilientCrm(csv.adapter, resilience), problems: csv.problems };
  }
  // Each HTTP call gets the whole budget too; the wrapper's deadline bounds the sum.
  const adapter =
    settings.kind === 'hubspot'
      ? hubspotCrm({ baseUrl: settings.url, token: settings.token, timeoutMs: settings.timeoutMs, recordUrl: settings.recordUrl, fields: settings.fields })
      : salesforceCrm({ instanceUrl: settings.url, token: settings.token, timeoutMs: settings.timeoutMs, recordUrl: settings.recordUrl, fields: settings.fields });
  return { crm: resilientCrm(adapter, resilience), problems: [] };
}
