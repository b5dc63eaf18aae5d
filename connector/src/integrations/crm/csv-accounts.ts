/**
 * A CSV export of accounts as the CRM: one row per account, matched by the customer's
 * e-mail, then the e-mail's domain (or a parent domain), then the organization name.
 * Columns (header row, any order, case-insensitive): domain, email, account (at least one
 * of these), plan, arr, open_opportunity, owner, url, and optionally tags (separated by
 * spaces or semicolons). Rows that cannot be read are skipped and reported with their line.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseCsv } from './csv-parse.js';
import { compact, toNumber, type CrmAdapter, type CrmCustomer, type CrmRecord } from './types.js';

export interface CsvCrm {
  adapter: CrmAdapter;
  /** Accounts read. */
  accounts: number;
  /** One line per skipped row or ignored column, e.g. "accounts.csv line 4 skipped: arr "12k" is not a number". */
  problems: string[];
}

const KEY_COLUMNS = ['domain', 'email', 'account'] as const;
const COLUMNS = new Set<string>([...KEY_COLUMNS, 'plan', 'arr', 'open_opportunity', 'owner', 'url', 'tags']);
const TRUE = /^(true|yes|y|1|open)$/i;
const FALSE = /^(false|no|n|0|none|closed)?$/i;

export async function loadCsvCrm(path: string): Promise<CsvCrm> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the accounts CSV ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return csvCrmFromText(text, basename(path));
}

export function csvCrmFromText(text: string, label = 'accounts.csv'): CsvCrm {
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header) throw new Error(`${label} is empty: expected a header row such as domain,email,account,plan,arr,open_opportunity,owner,url`);
  const names = header.values.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  if (!KEY_COLUMNS.some((k) => names.includes(k))) throw new Error(`${label} needs a domain, email or account column; its header is: ${header.values.join(',')}`);
  const problems = names.filter((n) => !COLUMNS.has(n)).map((n) => `${label}: column "${n}" is not used`);

  const byEmail = new Map<string, CrmRecord>();
  const byDomain = new Map<string, CrmRecord>();
  const byAccount = new Map<string, CrmRecord>();
  let accounts = 0;
  for (const row of rows) {
    const skip = (why: string) => problems.push(`${label} line ${row.line} skipped: ${why}`);
    if (row.values.length !== names.length) {
      skip(`expected ${names.length} values, found ${row.values.length}`);
      continue;
    }
    const get = (col: string) => {
      const i = names.indexOf(col);
      return i < 0 ? '' : row.values[i]!.trim();
    };
    const email = get('email').toLowerCase();
    const domain = get('domain').toLowerCase().replace(/^@/, '');
    const account = get('account');
    if (!email && !domain && !account) {
      skip('no domain, email or account');
      continue;
    }
    const arrText = get('arr');
    const arr = arrText === '' ? undefined : toNumber(arrText);
    if (arrText !== '' && arr === undefined) {
      skip(`arr "${arrText}" is not a number`);
      continue;
    }
    const oppText = get('open_opportunity');
    if (!TRUE.test(oppText) && !FALSE.test(oppText)) {
      skip(`open_opportunity "${oppText}" is not true or false`);
      continue;
    }
    const record = compact({
      accountName: account || undefined,
      plan: get('plan') || undefined,
      arr,
      openOpportunity: oppText === '' ? undefined : TRUE.test(oppText),
      owner: get('owner') || undefined,
      recordUrl: get('url') || undefined,
      tags: get('tags') ? get('tags').split(/[;\s]+/).filter(Boolean) : undefined,
    });
    accounts++;
    if (email) byEmail.set(email, record);
    if (domain) byDomain.set(domain, record);
    if (account) byAccount.set(account.toLowerCase(), record);
  }

  const adapter: CrmAdapter = {
    name: 'CSV accounts',
    async lookup(customer: CrmCustomer): Promise<CrmRecord | null> {
      const email = customer.email?.trim().toLowerCase();
      if (email) {
        const exact = byEmail.get(email);
        if (exact) return exact;
        // support@eu.acme.com matches a row for acme.com.
        let domain = email.slice(email.lastIndexOf('@') + 1);
        while (domain.includes('.')) {
          const hit = byDomain.get(domain);
          if (hit) return hit;
          domain = domain.slice(domain.indexOf('.') + 1);
        }
      }
      const name = customer.organizationName?.trim().toLowerCase();
      return (name && byAccount.get(name)) || null;
    },
  };
  return { adapter, accounts, problems };
}
