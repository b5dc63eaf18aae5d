/**
 * The Salesforce adapter against a loopback server answering the REST query resource
 * (GET /services/data/vXX.X/query?q=SOQL) with Salesforce's shapes: totalSize, done,
 * records[] with attributes and relationship objects.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { salesforceCrm, soqlString } from '../../connector/src/integrations/crm/salesforce.js';
import { IntegrationError } from '../../connector/src/integrations/errors.js';
import { closeAll, serve } from './loopback.js';

afterEach(closeAll);

const TOKEN = '00Dxx0000001gEF!AQ4AQFakeAccessToken';
const attrs = (type: string, id: string) => ({ type, url: `/services/data/v60.0/sobjects/${type}/${id}` });

function fakeSalesforce(queries: string[], auths: string[]) {
  const app = express();
  app.get('/services/data/:version/query', (req, res) => {
    auths.push(req.header('authorization') ?? '');
    const q = String(req.query.q);
    queries.push(q);
    if (req.header('authorization') !== `Bearer ${TOKEN}`) return void res.status(401).json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    if (q.startsWith('SELECT COUNT() FROM Opportunity')) {
      return void res.json({ totalSize: q.includes("'001A'") ? 3 : 0, done: true, records: [] });
    }
    if (q.includes('FROM Contact') && q.includes("Email = 'dana@acme.example'")) {
      return void res.json({
        totalSize: 1,
        done: true,
        records: [
          {
            attributes: attrs('Contact', '003A'),
            Id: '003A',
            Account: { attributes: attrs('Account', '001A'), Id: '001A', Name: 'Acme Corp', Type: 'Customer - Direct', Owner: { attributes: attrs('User', '005A'), Name: 'Priya Natarajan' }, Plan__c: 'Enterprise', ARR__c: 250000 },
          },
        ],
      });
    }
    if (q.includes('FROM Account') && q.includes("Name = 'Initech'")) {
      return void res.json({ totalSize: 1, done: true, records: [{ attributes: attrs('Account', '001B'), Id: '001B', Name: 'Initech', Type: null, Owner: null }] });
    }
    res.json({ totalSize: 0, done: true, records: [] });
  });
  return app;
}

describe('Salesforce CRM adapter', () => {
  it('queries Contact with its Account by e-mail, counts open opportunities, and sends the bearer token', async () => {
    const queries: string[] = [];
    const auths: string[] = [];
    const base = await serve(fakeSalesforce(queries, auths));
    const crm = salesforceCrm({ instanceUrl: base, token: TOKEN, apiVersion: 'v60.0', fields: { plan: 'Plan__c', arr: 'ARR__c' } });
    const record = await crm.lookup({ email: 'dana@acme.example' });
    expect(record).toEqual({
      accountName: 'Acme Corp',
      plan: 'Enterprise',
      arr: 250000,
      openOpportunity: true,
      owner: 'Priya Natarajan',
      recordUrl: `${base}/lightning/r/Account/001A/view`,
      tags: ['customer_direct'],
    });
    expect(auths.every((a) => a === `Bearer ${TOKEN}`)).toBe(true);
    expect(queries[0]).toBe(
      "SELECT Id, Account.Id, Account.Name, Account.Type, Account.Owner.Name, Account.Plan__c, Account.ARR__c FROM Contact WHERE Email = 'dana@acme.example' ORDER BY LastModifiedDate DESC LIMIT 1",
    );
    expect(queries[1]).toBe("SELECT COUNT() FROM Opportunity WHERE AccountId = '001A' AND IsClosed = false");
  });

  it('looks the Account up by name when the ticket has only an organization', async () => {
    const queries: string[] = [];
    const crm = salesforceCrm({ instanceUrl: await serve(fakeSalesforce(queries, [])), token: TOKEN, recordUrl: 'https://acme.lightning.force.com/{id}' });
    expect(await crm.lookup({ organizationName: 'Initech' })).toEqual({ accountName: 'Initech', openOpportunity: false, recordUrl: 'https://acme.lightning.force.com/001B' });
    expect(queries[0]).toBe("SELECT Id, Name, Type, Owner.Name FROM Account WHERE Name = 'Initech' LIMIT 1");
  });

  it('returns null for an unknown customer', async () => {
    const crm = salesforceCrm({ instanceUrl: await serve(fakeSalesforce([], [])), token: TOKEN });
    expect(await crm.lookup({ email: 'who@nowhere.example' })).toBeNull();
  });

  it('escapes quotes and backslashes so an address cannot change the query', async () => {
    expect(soqlString("o'brien@x.example")).toBe("'o\\'brien@x.example'");
    expect(soqlString("a\\' OR Name != '")).toBe("'a\\\\\\' OR Name != \\''");
    const queries: string[] = [];
    const crm = salesforceCrm({ instanceUrl: await serve(fakeSalesforce(queries, [])), token: TOKEN });
    await crm.lookup({ email: "x' OR Email != 'y" });
    expect(queries[0]).toContain("WHERE Email = 'x\\' OR Email != \\'y'");
  });

  it('reports an expired session as access denied', async () => {
    const crm = salesforceCrm({ instanceUrl: await serve(fakeSalesforce([], [])), token: 'expired' });
    const err = (await crm.lookup({ email: 'dana@acme.example' }).catch((e: unknown) => e)) as IntegrationError;
    expect(err.short).toBe('access denied');
    expect(err.message).toContain('INVALID_SESSION_ID');
  });

  it('refuses field names that are not Salesforce identifiers', () => {
    expect(() => salesforceCrm({ instanceUrl: 'http://127.0.0.1:1', token: TOKEN, fields: { plan: 'Plan__c FROM User --' } })).toThrow(/not a Salesforce field name/);
  });
});
