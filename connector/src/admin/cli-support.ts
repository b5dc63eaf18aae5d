/** What the admin commands share: a Zendesk gateway from the environment, the tenant, a date range. */
import { BatonError } from '../errors.js';
import { ZendeskGateway } from '../helpdesk/zendesk/gateway.js';
import type { Store } from '../store/db.js';
import { DAY, parseTime } from './time.js';

/**
 * The same variables as the connector (ZENDESK_BASE_URL or ZENDESK_SUBDOMAIN, ZENDESK_EMAIL,
 * ZENDESK_API_TOKEN, ZENDESK_RATE_LIMIT_PER_MINUTE), without the connector's webhook secret,
 * which a read-only admin command does not need.
 */
export function gatewayFromEnv(env: NodeJS.ProcessEnv = process.env): ZendeskGateway {
  const baseUrl = env.ZENDESK_BASE_URL?.trim() || (env.ZENDESK_SUBDOMAIN?.trim() ? `https://${env.ZENDESK_SUBDOMAIN.trim()}.zendesk.com` : '');
  const missing = [!baseUrl && 'ZENDESK_BASE_URL (or ZENDESK_SUBDOMAIN)', !env.ZENDESK_EMAIL && 'ZENDESK_EMAIL', !env.ZENDESK_API_TOKEN && 'ZENDESK_API_TOKEN'].filter(Boolean);
  if (missing.length) throw new BatonError('CONFIG_INVALID', `To read from Zendesk, set ${missing.join(', ')}.`);
  const rate = Number(env.ZENDESK_RATE_LIMIT_PER_MINUTE ?? 200);
  if (!Number.isFinite(rate) || rate <= 0) throw new BatonError('CONFIG_INVALID', `ZENDESK_RATE_LIMIT_PER_MINUTE: expected your plan's limit per minute, got "${env.ZENDESK_RATE_LIMIT_PER_MINUTE}"`);
  return new ZendeskGateway({ baseUrl, email: env.ZENDESK_EMAIL!, apiToken: env.ZENDESK_API_TOKEN!, ratePerMinute: rate });
}

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
