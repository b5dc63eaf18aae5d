/**
 * enrichCustomer: CRM facts merged into the organization so VIP rules see them, and a
 * CRM that is down, slow or paused never stops triage: the customer comes back with
 * enrichmentError in words an agent understands.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { enrichCustomer } from '../../connector/src/integrations/crm/enrich.js';
import { hubspotCrm } from '../../connector/src/integrations/crm/hubspot.js';
import { resilientCrm } from '../../connector/src/integrations/crm/resilient.js';
import type { CrmAdapter } from '../../connector/src/integrations/crm/types.js';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { readVip } from '../../connector/src/triage/signals/vip.js';
import type { CustomerContext } from '../../connector/src/triage/types.js';
import { closeAll, hang, serve } from './loopback.js';

afterEach(closeAll);

const dana = (): CustomerContext => ({
  id: '42',
  name: 'Dana Reyes',
  email: 'dana@acme.example',
  tags: [],
  organization: { id: '900', name: 'Acme Corp', tags: ['emea'], fields: { region: 'EU', plan: 'team' } },
});

const fixed = (record: Awaited<ReturnType<CrmAdapter['lookup']>>): CrmAdapter => ({ name: 'Test CRM', lookup: async () => record });

async function failingHubSpot(status: number | 'hang') {
  const app = express();
  app.post('/crm/v3/objects/contacts/search', status === 'hang' ? hang : (_req, res) => void res.status(status).json({ status: 'error', message: 'unavailable' }));
  return hubspotCrm({ baseUrl: await serve(app), token: 't' });
}

describe('enrichCustomer', () => {
  it('merges plan, ARR, open opportunity, owner and link into the organization, and unions tags', async () => {
    const out = await enrichCustomer(dana(), fixed({ accountName: 'Acme Corp', plan: 'enterprise', arr: 120000, openOpportunity: true, owner: 'Sam Okafor', recordUrl: 'https://crm.example/a/1', tags: ['enterprise', 'emea'] }));
    expect(out.organization).toEqual({
      id: '900',
      name: 'Acme Corp',
      tags: ['emea', 'enterprise'],
      fields: { region: 'EU', plan: 'enterprise', arr: 120000, open_opportunity: true, owner: 'Sam Okafor', crm_url: 'https://crm.example/a/1' },
    });
    expect(out.enrichmentError).toBeUndefined();
  });

  it('makes the policy’s VIP rule see what only the CRM knows', async () => {
    const policy = loadPolicy();
    expect(readVip(policy, dana()).vip).toBe(false);
    const out = await enrichCustomer(dana(), fixed({ arr: 250000 }), { fields: policy.vip.fields });
    expect(readVip(policy, out)).toMatchObject({ vip: true, because: ['ARR $250k'] });
  });

  it('creates the organization from the CRM account when Zendesk has none', async () => {
    const out = await enrichCustomer({ id: '7', name: 'Lee', email: 'lee@globex.example', tags: [] }, fixed({ accountName: 'Globex Ltd', plan: 'starter' }));
    expect(out.organization).toEqual({ id: 'crm:globex_ltd', name: 'Globex Ltd', tags: [], fields: { plan: 'starter' } });
  });

  it('leaves the customer as it was when the CRM does not know them', async () => {
    const before = dana();
    expect(await enrichCustomer(before, fixed(null))).toEqual(before);
  });

  it('does not call the CRM when there is nothing to look up by', async () => {
    let calls = 0;
    const crm: CrmAdapter = { name: 'Test CRM', lookup: async () => (calls++, null) };
    await enrichCustomer({ id: '1', name: 'Anon', tags: [] }, crm);
    expect(calls).toBe(0);
  });

  it('returns the customer with an agent-readable error when the CRM times out', async () => {
    const crm = resilientCrm(await failingHubSpot('hang'), { timeoutMs: 50, cacheTtlMs: 60_000, breaker: { failures: 5, cooldownMs: 60_000 } });
    const out = await enrichCustomer(dana(), crm);
    expect(out.enrichmentError).toBe('CRM unavailable (timeout); triage used helpdesk data only');
    expect(out.organization).toEqual(dana().organization);
  });

  it('says so when the CRM answers 503, and when the breaker has paused calls', async () => {
    const crm = resilientCrm(await failingHubSpot(503), { timeoutMs: 2000, cacheTtlMs: 60_000, breaker: { failures: 1, cooldownMs: 60_000 }, now: () => 0 });
    expect((await enrichCustomer(dana(), crm)).enrichmentError).toBe('CRM unavailable (HTTP 503); triage used helpdesk data only');
    expect((await enrichCustomer(dana(), crm)).enrichmentError).toBe('CRM unavailable (paused after repeated failures); triage used helpdesk data only');
  });

  it('keeps an earlier enrichment problem and never throws, whatever the adapter does', async () => {
    const broken: CrmAdapter = { name: 'Broken', lookup: () => { throw new TypeError('boom'); } };
    const out = await enrichCustomer({ ...dana(), enrichmentError: 'organization details unavailable (HTTP 500)' }, resilientCrm(broken, { timeoutMs: 100, cacheTtlMs: 1, breaker: { failures: 5, cooldownMs: 1 } }));
    expect(out.enrichmentError).toBe('organization details unavailable (HTTP 500); CRM unavailable (unexpected response); triage used helpdesk data only');
    const raw = await enrichCustomer(dana(), broken);
    expect(raw.enrichmentError).toBe('CRM unavailable (unexpected error); triage used helpdesk data only');
  });

  it('does nothing without a CRM', async () => {
    expect(await enrichCustomer(dana(), null)).toEqual(dana());
  });
});
