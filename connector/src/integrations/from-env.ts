/**
 * The optional integrations (CRM, account/order lookups, handoff notifications), read once
 * from the environment at start-up. Each is off unless its variables are set.
 */
import type { Logger } from 'pino';
import { createCrm, crmFromEnv, type ResilientCrm } from './crm/index.js';
import { lookupsFromEnv, type Lookups } from './lookups/index.js';
import { notifyFromEnv, type NotifyTarget } from './notify/index.js';

export interface Integrations {
  crm: ResilientCrm | null;
  lookups: Lookups;
  notifyTargets: NotifyTarget[];
}

export const NO_INTEGRATIONS: Integrations = { crm: null, lookups: { accounts: null, orders: null }, notifyTargets: [] };

export async function integrationsFromEnv(env: Record<string, string | undefined>, log: Logger): Promise<Integrations> {
  const { crm, problems } = await createCrm(crmFromEnv(env));
  for (const p of problems) log.warn(p);
  return { crm, lookups: lookupsFromEnv(env), notifyTargets: notifyFromEnv(env) };
}
