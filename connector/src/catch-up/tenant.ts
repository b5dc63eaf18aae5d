/**
 * Which account the sweep reads. The connector serves one helpdesk account: the one the
 * configuration names, or else the one its webhooks came from (the tenant key is what the
 * deliveries carry, e.g. the subdomain in a Zendesk ticket URL). Before either is known
 * there is nothing to catch up on.
 */
import type { Provider } from '../events/types.js';
import type { Store } from '../store/db.js';
import type { SweepTenant } from './sweep.js';

export async function sweepTenant(store: Store, provider: Provider, configuredAccount: string | undefined, now: number): Promise<SweepTenant | null> {
  const rows = await store.db.selectFrom('tenants').select(['id', 'account', 'created_at']).where('provider', '=', provider).orderBy('created_at').execute();
  if (configuredAccount) {
    const row = rows.find((r) => r.account === configuredAccount);
    return { tenantId: `${provider}:${configuredAccount}`, accountId: configuredAccount, watchSince: row ? Number(row.created_at) : now };
  }
  // An all-digits account is the numeric account id event subscriptions carry; the
  // subdomain (what triggers carry) is the key the app and the sidebar use.
  const named = rows.filter((r) => !/^\d+$/.test(r.account));
  const row = named[0] ?? rows[0];
  return row ? { tenantId: row.id, accountId: row.account, watchSince: Number(row.created_at) } : null;
}
