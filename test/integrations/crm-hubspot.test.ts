/**
 * The HubSpot adapter against a loopback server speaking HubSpot's CRM v3 shapes:
 * contact search (filterGroups / results[].properties), company by id, owners.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { hubspotCrm } from '../../connector/src/integrations/crm/hubspot.js';
import { IntegrationError } from '../../connector/src/integrations/errors.js';
import { closeAll, hang, serve } from './loopback.js';

afterEach(closeAll);

const TOKEN = 'pat-na1-test-token';

interface Seen {
  searches: { object: string; body: any; auth?: string }[];
  companyGets: { id: string; properties: string; auth?: string }[];
}

function fakeHubSpot(seen: Seen) {
  const app = express();
  app.use(express.json());
  app.post('/crm/v3/objects/:object/search', (req, res) => {
    seen.searches.push({ object: req.params.object, body: req.body, auth: req.header('authorization') });
    if (req.header('authorization') !== `Bearer ${TOKEN}`) return void res.status(401).json({ status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' });
    const filter = req.body.filterGroups?.[0]?.filters?.[0];
    if (req.params.object === 'contacts' && filter?.propertyName === 'email' && filter.operator === 'EQ' && filter.value === 'dana@acme.example') {
      return void res.json({
        total: 1,
        results: [{ id: '501', properties: { email: 'dana@acme.example', company: 'Acme', associatedcompanyid: '9001', hubspot_owner_id: '77', hs_object_id: '501' }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-02-01T00:00:00Z', archived: false }],
      });
    }
    if (req.params.object === 'contacts' && filter?.value === 'solo@freelance.example') {
      return void res.json({ total: 1, results: [{ id: '502', properties: { email: 'solo@freelance.example', company: 'Solo Studio', associatedcompanyid: null, hubspot_owner_id: null } }] });
    }
    if (req.params.object === 'companies' && filter?.propertyName === 'name' && filter.value === 'Globex') {
      return void res.json({ total: 1, results: [{ id: '9002', properties: { name: 'Globex', type: 'PROSPECT', hs_num_open_deals: '0', plan: 'starter', arr: '4800' } }] });
    }
    res.json({ total: 0, results: [] });
  });
  app.get('/crm/v3/objects/companies/:id', (req, res) => {
    seen.companyGets.push({ id: req.params.id, properties: String(req.query.properties), auth: req.header('authorization') });
    if (req.params.id !== '9001') return void res.status(404).json({ status: 'error', message: 'Object not found', category: 'OBJECT_NOT_FOUND' });
    res.json({ id: '9001', properties: { name: 'Acme Corp', domain: 'acme.example', type: 'Enterprise Customer', hubspot_owner_id: '77', hs_num_open_deals: '2', plan: 'enterprise', arr: '120000' }, archived: false });
  });
  app.get('/crm/v3/owners/:id', (req, res) => {
    if (req.params.id !== '77') return void res.status(404).json({ status: 'error' });
    res.json({ id: '77', email: 'sam.owner@vendor.example', firstName: 'Sam', lastName: 'Okafor', userId: 1, archived: false });
  });
  return app;
}

describe('HubSpot CRM adapter', () => {
  it('finds the contact by e-mail, reads its company and owner, and sends the bearer token', async () => {
    const seen: Seen = { searches: [], companyGets: [] };
    const base = await serve(fakeHubSpot(seen));
    const crm = hubspotCrm({ baseUrl: base, token: TOKEN, recordUrl: 'https://app.hubspot.com/contacts/123/company/{id}' });
    const record = await crm.lookup({ email: 'dana@acme.example' });
    expect(record).toEqual({
      accountName: 'Acme Corp',
      plan: 'enterprise',
      arr: 120000,
      openOpportunity: true,
      owner: 'Sam Okafor',
      recordUrl: 'https://app.hubspot.com/contacts/123/company/9001',
      tags: ['enterprise_customer'],
    });
    expect(seen.searches[0]).toMatchObject({
      object: 'contacts',
      auth: `Bearer ${TOKEN}`,
      body: { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'dana@acme.example' }] }], limit: 1 },
    });
    expect(seen.searches[0]!.body.properties).toContain('associatedcompanyid');
    expect(seen.companyGets[0]!.auth).toBe(`Bearer ${TOKEN}`);
    expect(seen.companyGets[0]!.properties.split(',')).toEqual(expect.arrayContaining(['name', 'hs_num_open_deals', 'plan', 'arr', 'hubspot_owner_id']));
  });

  it('reads custom plan and ARR property names', async () => {
    const seen: Seen = { searches: [], companyGets: [] };
    const crm = hubspotCrm({ baseUrl: await serve(fakeHubSpot(seen)), token: TOKEN, fields: { plan: 'subscription_tier', arr: 'contract_arr' } });
    await crm.lookup({ email: 'dana@acme.example' });
    expect(seen.companyGets[0]!.properties.split(',')).toEqual(expect.arrayContaining(['subscription_tier', 'contract_arr']));
  });

  it('falls back to the contact’s own company text when it has no associated company', async () => {
    const crm = hubspotCrm({ baseUrl: await serve(fakeHubSpot({ searches: [], companyGets: [] })), token: TOKEN });
    expect(await crm.lookup({ email: 'solo@freelance.example' })).toEqual({ accountName: 'Solo Studio' });
  });

  it('searches companies by name when there is no e-mail, and returns null for unknown customers', async () => {
    const seen: Seen = { searches: [], companyGets: [] };
    const crm = hubspotCrm({ baseUrl: await serve(fakeHubSpot(seen)), token: TOKEN });
    expect(await crm.lookup({ organizationName: 'Globex' })).toEqual({ accountName: 'Globex', plan: 'starter', arr: 4800, openOpportunity: false, tags: ['prospect'] });
    expect(seen.searches[0]!.object).toBe('companies');
    expect(await crm.lookup({ email: 'nobody@nowhere.example' })).toBeNull();
  });

  it('reports a rejected token as an HTTP error naming HubSpot and the route', async () => {
    const crm = hubspotCrm({ baseUrl: await serve(fakeHubSpot({ searches: [], companyGets: [] })), token: 'wrong' });
    const err = await crm.lookup({ email: 'dana@acme.example' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrationError);
    expect((err as IntegrationError).status).toBe(401);
    expect((err as IntegrationError).short).toBe('access denied');
    expect((err as IntegrationError).message).toContain('POST /crm/v3/objects/contacts/search');
    expect((err as IntegrationError).message).not.toContain('dana@acme.example');
  });

  it('times out a HubSpot that does not answer', async () => {
    const app = express();
    app.post('/crm/v3/objects/contacts/search', hang);
    const crm = hubspotCrm({ baseUrl: await serve(app), token: TOKEN, timeoutMs: 50 });
    const err = await crm.lookup({ email: 'dana@acme.example' }).catch((e: unknown) => e);
    expect((err as IntegrationError).kind).toBe('timeout');
  });

  it('rejects a body that is not HubSpot’s shape', async () => {
    const app = express();
    app.post('/crm/v3/objects/contacts/search', (_req, res) => void res.json({ contacts: [] }));
    const crm = hubspotCrm({ baseUrl: await serve(app), token: TOKEN });
    const err = await crm.lookup({ email: 'dana@acme.example' }).catch((e: unknown) => e);
    expect((err as IntegrationError).kind).toBe('invalid_response');
  });
});
