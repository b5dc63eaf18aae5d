/**
 * Reading integration settings from the environment: the defaults, and errors that name
 * the variable and say what to put in it (never echoing a secret).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCrm, crmFromEnv } from '../../connector/src/integrations/crm/config.js';
import { lookupsFromEnv } from '../../connector/src/integrations/lookups/config.js';
import { notifyFromEnv } from '../../connector/src/integrations/notify/config.js';
import { BatonError } from '../../connector/src/errors.js';

function configError(fn: () => unknown): BatonError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BatonError);
    expect((err as BatonError).code).toBe('CONFIG_INVALID');
    return err as BatonError;
  }
  throw new Error('expected a configuration error');
}

describe('crmFromEnv', () => {
  it('is off by default', () => {
    expect(crmFromEnv({})).toEqual({ kind: 'none' });
  });

  it('reads HubSpot with its default API URL and a 2 s timeout', () => {
    expect(crmFromEnv({ BATON_CRM: 'hubspot', BATON_CRM_TOKEN: 'pat-1' })).toEqual({
      kind: 'hubspot',
      url: 'https://api.hubapi.com',
      token: 'pat-1',
      timeoutMs: 2000,
      recordUrl: undefined,
      fields: { plan: undefined, arr: undefined },
    });
  });

  it('names each missing or wrong variable, and hides the token', () => {
    const err = configError(() => crmFromEnv({ BATON_CRM: 'salesforce', BATON_CRM_TIMEOUT_MS: 'soon' }));
    expect(err.message).toContain('BATON_CRM_TOKEN: is required when BATON_CRM=salesforce');
    expect(err.message).toContain('BATON_CRM_URL: is required when BATON_CRM=salesforce');
    expect(err.message).toContain('BATON_CRM_TIMEOUT_MS (got "soon"): must be a whole number of milliseconds');
    expect(configError(() => crmFromEnv({ BATON_CRM: 'pipedrive' })).message).toContain('BATON_CRM (got "pipedrive"): must be one of hubspot, salesforce, csv, none');
    expect(configError(() => crmFromEnv({ BATON_CRM: 'csv' })).message).toContain('BATON_CRM_CSV: is required when BATON_CRM=csv');
    const bad = configError(() => crmFromEnv({ BATON_CRM: 'salesforce', BATON_CRM_URL: 'acme.my.salesforce.com', BATON_CRM_TOKEN: 'sekrit', BATON_CRM_PLAN_FIELD: 'Plan__c;DROP' }));
    expect(bad.message).toContain('BATON_CRM_URL (got "acme.my.salesforce.com"): must be an http:// or https:// URL');
    expect(bad.message).toContain('BATON_CRM_PLAN_FIELD');
    expect(bad.message).not.toContain('sekrit');
  });

  it('builds a resilient CSV CRM and passes on the file’s problems', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-crm-'));
    const file = path.join(dir, 'accounts.csv');
    fs.writeFileSync(file, 'domain,account,arr\nacme.example,Acme,120000\nbad.example,Bad,lots\n');
    try {
      const { crm, problems } = await createCrm(crmFromEnv({ BATON_CRM: 'csv', BATON_CRM_CSV: file }));
      expect(problems).toEqual(['accounts.csv line 3 skipped: arr "lots" is not a number']);
      expect(await crm!.lookup({ email: 'x@acme.example' })).toEqual({ accountName: 'Acme', arr: 120000 });
      expect(crm!.breakerState()).toBe('closed');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lookupsFromEnv', () => {
  it('is empty by default, and picks Shopify or the order contract', () => {
    expect(lookupsFromEnv({})).toEqual({ accounts: null, orders: null });
    expect(lookupsFromEnv({ BATON_SHOPIFY_SHOP_URL: 'https://nw.myshopify.com', BATON_SHOPIFY_ACCESS_TOKEN: 'shpat_1' }).orders?.name).toBe('Shopify');
    const both = lookupsFromEnv({ BATON_ORDER_LOOKUP_URL: 'https://lookups.internal', BATON_ACCOUNT_LOOKUP_URL: 'https://lookups.internal' });
    expect([both.orders?.name, both.accounts?.name]).toEqual(['order lookup', 'account lookup']);
  });

  it('refuses two order sources and Shopify without its token', () => {
    const err = configError(() => lookupsFromEnv({ BATON_SHOPIFY_SHOP_URL: 'https://nw.myshopify.com', BATON_ORDER_LOOKUP_URL: 'https://lookups.internal' }));
    expect(err.message).toContain('BATON_ORDER_LOOKUP_URL');
    expect(err.message).toContain('not both');
    expect(err.message).toContain('BATON_SHOPIFY_ACCESS_TOKEN: is required with BATON_SHOPIFY_SHOP_URL');
  });
});

describe('notifyFromEnv', () => {
  it('lists the configured targets', () => {
    expect(notifyFromEnv({})).toEqual([]);
    expect(notifyFromEnv({ BATON_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/x', BATON_NOTIFY_WEBHOOK_URL: 'https://ops.example/hooks/baton', BATON_NOTIFY_WEBHOOK_SECRET: '0123456789abcdef0123' })).toEqual([
      { name: 'slack', kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/x' },
      { name: 'webhook', kind: 'webhook', url: 'https://ops.example/hooks/baton', secret: '0123456789abcdef0123' },
    ]);
  });

  it('requires a long enough secret with the webhook URL, and hides it', () => {
    expect(configError(() => notifyFromEnv({ BATON_NOTIFY_WEBHOOK_URL: 'https://ops.example/h' })).message).toContain('BATON_NOTIFY_WEBHOOK_SECRET: is required with BATON_NOTIFY_WEBHOOK_URL');
    const short = configError(() => notifyFromEnv({ BATON_NOTIFY_WEBHOOK_URL: 'https://ops.example/h', BATON_NOTIFY_WEBHOOK_SECRET: 'tiny-secret' }));
    expect(short.message).toContain('BATON_NOTIFY_WEBHOOK_SECRET (got "***"): must be at least 16 characters');
    expect(configError(() => notifyFromEnv({ BATON_SLACK_WEBHOOK_URL: 'hooks.slack.com/x' })).message).toContain('BATON_SLACK_WEBHOOK_URL');
  });
});
