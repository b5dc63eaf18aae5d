/**
 * Accounts from a CSV export: RFC 4180 quoting, matching by e-mail, domain and account
 * name, and bad rows skipped with their line number.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCrmFromText, loadCsvCrm } from '../../connector/src/integrations/crm/csv-accounts.js';
import { CsvSyntaxError, parseCsv } from '../../connector/src/integrations/crm/csv-parse.js';

const ACCOUNTS = [
  'domain,email,account,plan,arr,open_opportunity,owner,url',
  'acme.example,,"Acme Corp, Inc.",enterprise,"120,000",yes,Sam Okafor,https://crm.example/a/1',
  ',cfo@globex.example,Globex,starter,4800,no,,',
  'initech.example,,"Initech ""Labs""",growth,abc,no,,', // bad arr: line 4
  'umbrella.example,,Umbrella,"pro',
  'edition",36000,true,"Lee,\nJordan",https://crm.example/a/4', // quoted line breaks: one row over lines 5-7
  'hooli.example,,Hooli,pro,9000,maybe,,', // bad open_opportunity: line 8
  'too,few,values', // line 9
  '',
  ',,,enterprise,1,no,,', // no key: line 11
].join('\r\n');

describe('CSV parsing', () => {
  it('handles quoted commas, doubled quotes and line breaks inside quotes, and reports where a row starts', () => {
    const rows = parseCsv('a,b\n"x, y","say ""hi"""\n"multi\nline",z\n');
    expect(rows).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['x, y', 'say "hi"'] },
      { line: 3, values: ['multi\nline', 'z'] },
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n1,2\n"open,3\n4,5')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,2\n"open,3\n4,5')).toThrow(/line 3/);
  });
});

describe('CSV accounts as a CRM', () => {
  const csv = csvCrmFromText(ACCOUNTS, 'accounts.csv');

  it('reads good rows and reports each bad row with its line and what is wrong', () => {
    expect(csv.accounts).toBe(3);
    expect(csv.problems).toEqual([
      'accounts.csv line 4 skipped: arr "abc" is not a number',
      'accounts.csv line 8 skipped: open_opportunity "maybe" is not true or false',
      'accounts.csv line 9 skipped: expected 8 values, found 3',
      'accounts.csv line 11 skipped: no domain, email or account',
    ]);
  });

  it('matches by exact e-mail, by the e-mail’s domain or a parent domain, and by account name', async () => {
    expect(await csv.adapter.lookup({ email: 'CFO@globex.example' })).toEqual({ accountName: 'Globex', plan: 'starter', arr: 4800, openOpportunity: false });
    const acme = { accountName: 'Acme Corp, Inc.', plan: 'enterprise', arr: 120000, openOpportunity: true, owner: 'Sam Okafor', recordUrl: 'https://crm.example/a/1' };
    expect(await csv.adapter.lookup({ email: 'dana@acme.example' })).toEqual(acme);
    expect(await csv.adapter.lookup({ email: 'ops@eu.acme.example' })).toEqual(acme);
    expect(await csv.adapter.lookup({ organizationName: 'acme corp, inc.' })).toEqual(acme);
    expect(await csv.adapter.lookup({ email: 'x@umbrella.example' })).toMatchObject({ plan: 'pro\r\nedition', owner: 'Lee,\nJordan', openOpportunity: true });
  });

  it('does not match unknown customers or a bare top-level domain', async () => {
    expect(await csv.adapter.lookup({ email: 'someone@example' })).toBeNull();
    expect(await csv.adapter.lookup({ email: 'a@b.com', organizationName: 'Nobody' })).toBeNull();
  });

  it('refuses a file without a key column, and names a missing file', async () => {
    expect(() => csvCrmFromText('name,plan\nAcme,pro\n')).toThrow(/needs a domain, email or account column/);
    await expect(loadCsvCrm(path.join(os.tmpdir(), 'baton-no-such-accounts.csv'))).rejects.toThrow(/cannot read the accounts CSV .*ENOENT/);
  });

  it('loads from a file and reports unused columns', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-csv-'));
    const file = path.join(dir, 'accounts.csv');
    fs.writeFileSync(file, '\ufeffDomain,Account,Plan,Region\nacme.example,Acme,enterprise,EU\n');
    try {
      const loaded = await loadCsvCrm(file);
      expect(loaded.problems).toEqual(['accounts.csv: column "region" is not used']);
      expect(await loaded.adapter.lookup({ email: 'a@acme.example' })).toEqual({ accountName: 'Acme', plan: 'enterprise' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
