/** What the admin commands share: the helpdesk from the environment, the tenant, a date range. */
import { BatonError } from '../errors.js';
import type { Store } from '../store/db.js';
import { DAY, parseTime } from './time.js';

/** The tenant asked for, else BATON_TENANT, else the store's only tenant. */
export async function resolveTenant(store: Store, asked?: string): Promise<string> {
  const given = asked ?? process.env.BATON_TENANT;
  if (given) return given;
  const rows = await store.db.selectFrom('attempts').select('tenant_id').distinct().limit(5).execute();
  if (rows.length === 1) return rows[0]!.tenant_id;
  if (rows.length === 0) throw new BatonError('BAD_REQUEST', 'No decisions are recorded yet, so the tenant is unknown: pass --tenant zendesk:<subdomain>.');
  throw new BatonError('BAD_REQUEST', `Several tenants in the store (${rows.map((r) => r.tenant_id).join(', ')}): pass --tenant.`);
}

/** --from / --to (dates or ISO times; `to` exclusive), by default the last `days` days up to now. */
export function rangeFromFlags(flags: { from?: string; to?: string }, days: number, now = Date.now()): { from: number; to: number } {
  const to = flags.to ? parseTime(flags.to, '--to') : now;
  const from = flags.from ? parseTime(flags.from, '--from') : to - days * DAY;
  if (from >= to) throw new BatonError('BAD_REQUEST', `--from must be before --to (got ${new Date(from).toISOString()} and ${new Date(to).toISOString()})`);
  return { from, to };
}

export function positiveNumber(raw: string | undefined, flag: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new BatonError('BAD_REQUEST', `${flag}: expected a number above 0, got "${raw}"`);
  return n;
}
