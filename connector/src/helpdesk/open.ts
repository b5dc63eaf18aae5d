/**
 * The helpdesk a connector serves, from its configuration. One place chooses the adapter,
 * so the composition (connector, CLI) never names a provider's classes.
 */
import type { Config } from '../config/load.js';
import { BatonError } from '../errors.js';
import type { AccountSetup } from './account-setup.js';
import type { HelpdeskPort } from './port.js';
import { ZendeskAccountSetup } from './zendesk/account-setup.js';
import { FreshdeskAccountSetup } from './freshdesk/account-setup.js';
import { FreshdeskHelpdesk } from './freshdesk/helpdesk.js';
import { PLAN_LIMITS, type FreshdeskPlan } from './freshdesk/rate-plan.js';
import { ZendeskHelpdesk } from './zendesk/helpdesk.js';

/** One API call, for metrics: the route has ids replaced (`/tickets/:id`). */
export type HelpdeskCall = { method: string; route: string; status: number };

export function openHelpdesk(config: Config, onCall?: (call: HelpdeskCall) => void): HelpdeskPort {
  if (config.BATON_HELPDESK === 'freshdesk') {
    if (!config.freshdeskUrl || !config.FRESHDESK_API_KEY) throw new Error('No helpdesk configured: set FRESHDESK_DOMAIN (or FRESHDESK_BASE_URL) and FRESHDESK_API_KEY.');
    return FreshdeskHelpdesk.connect({ baseUrl: config.freshdeskUrl, apiKey: config.FRESHDESK_API_KEY, limits: PLAN_LIMITS[config.FRESHDESK_PLAN], timeoutMs: config.FRESHDESK_TIMEOUT_MS, onCall });
  }
  if (!config.zendeskUrl || !config.ZENDESK_EMAIL || !config.ZENDESK_API_TOKEN) {
    throw new Error('No helpdesk configured: set ZENDESK_BASE_URL (or ZENDESK_SUBDOMAIN), ZENDESK_EMAIL and ZENDESK_API_TOKEN.');
  }
  return ZendeskHelpdesk.connect({
    baseUrl: config.zendeskUrl,
    email: config.ZENDESK_EMAIL,
    apiToken: config.ZENDESK_API_TOKEN,
    ratePerMinute: config.ZENDESK_RATE_LIMIT_PER_MINUTE,
    timeoutMs: config.ZENDESK_TIMEOUT_MS,
    onCall,
  });
}

export type HelpdeskName = 'zendesk' | 'freshdesk';

/** `--helpdesk`, else BATON_HELPDESK, else Zendesk; anything else is a clear error. */
export function helpdeskName(asked: string | undefined, env: NodeJS.ProcessEnv = process.env): HelpdeskName {
  const name = (asked ?? env.BATON_HELPDESK ?? 'zendesk').trim().toLowerCase();
  if (name !== 'zendesk' && name !== 'freshdesk') throw new BatonError('BAD_REQUEST', `--helpdesk (or BATON_HELPDESK): expected zendesk or freshdesk, got "${asked ?? env.BATON_HELPDESK}"`);
  return name;
}

/**
 * The helpdesk an admin command reads: the connector's variables (Zendesk: ZENDESK_BASE_URL or
 * ZENDESK_SUBDOMAIN, ZENDESK_EMAIL, ZENDESK_API_TOKEN, ZENDESK_RATE_LIMIT_PER_MINUTE; Freshdesk:
 * FRESHDESK_DOMAIN or FRESHDESK_BASE_URL, FRESHDESK_API_KEY, FRESHDESK_PLAN), without the
 * connector's webhook secret, which a read-only admin command does not need.
 */
export function helpdeskFromEnv(env: NodeJS.ProcessEnv = process.env, provider?: string): HelpdeskPort {
  if (helpdeskName(provider, env) === 'freshdesk') return freshdeskFromEnv(env);
  const baseUrl = env.ZENDESK_BASE_URL?.trim() || (env.ZENDESK_SUBDOMAIN?.trim() ? `https://${env.ZENDESK_SUBDOMAIN.trim()}.zendesk.com` : '');
  const missing = [!baseUrl && 'ZENDESK_BASE_URL (or ZENDESK_SUBDOMAIN)', !env.ZENDESK_EMAIL && 'ZENDESK_EMAIL', !env.ZENDESK_API_TOKEN && 'ZENDESK_API_TOKEN'].filter(Boolean);
  if (missing.length) throw new BatonError('CONFIG_INVALID', `To read from Zendesk, set ${missing.join(', ')}.`);
  const rate = Number(env.ZENDESK_RATE_LIMIT_PER_MINUTE ?? 200);
  if (!Number.isFinite(rate) || rate <= 0) throw new BatonError('CONFIG_INVALID', `ZENDESK_RATE_LIMIT_PER_MINUTE: expected your plan's limit per minute, got "${env.ZENDESK_RATE_LIMIT_PER_MINUTE}"`);
  return ZendeskHelpdesk.connect({ baseUrl, email: env.ZENDESK_EMAIL!, apiToken: env.ZENDESK_API_TOKEN!, ratePerMinute: rate, timeoutMs: timeoutFromEnv(env, 'ZENDESK_TIMEOUT_MS') });
}

/** The same timeout the connector uses, so an admin command against a slow account can be given longer. */
function timeoutFromEnv(env: NodeJS.ProcessEnv, name: 'ZENDESK_TIMEOUT_MS' | 'FRESHDESK_TIMEOUT_MS'): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) throw new BatonError('CONFIG_INVALID', `${name}: expected a positive number of milliseconds, got "${raw}"`);
  return ms;
}

function freshdeskFromEnv(env: NodeJS.ProcessEnv): HelpdeskPort {
  const account = env.FRESHDESK_DOMAIN?.trim().toLowerCase().replace(/\.freshdesk\.com$/, '');
  const baseUrl = env.FRESHDESK_BASE_URL?.trim() || (account ? `https://${account}.freshdesk.com` : '');
  const missing = [!baseUrl && 'FRESHDESK_DOMAIN (or FRESHDESK_BASE_URL)', !env.FRESHDESK_API_KEY && 'FRESHDESK_API_KEY'].filter(Boolean);
  if (missing.length) throw new BatonError('CONFIG_INVALID', `To read from Freshdesk, set ${missing.join(', ')}.`);
  const plan = (env.FRESHDESK_PLAN?.trim() || 'growth') as FreshdeskPlan;
  if (!(plan in PLAN_LIMITS)) throw new BatonError('CONFIG_INVALID', `FRESHDESK_PLAN: expected one of ${Object.keys(PLAN_LIMITS).join(', ')}, got "${env.FRESHDESK_PLAN}"`);
  return FreshdeskHelpdesk.connect({ baseUrl, apiKey: env.FRESHDESK_API_KEY!, limits: PLAN_LIMITS[plan], timeoutMs: timeoutFromEnv(env, 'FRESHDESK_TIMEOUT_MS') });
}

/** The account's setup reads for `baton doctor` on Freshdesk: the connector's own variables, one retry. */
export function openRuleAccountSetup(config: Config): FreshdeskAccountSetup {
  if (!config.freshdeskUrl || !config.FRESHDESK_API_KEY) {
    throw new BatonError('CONFIG_INVALID', 'baton doctor --helpdesk freshdesk checks a Freshdesk account: set BATON_HELPDESK=freshdesk, FRESHDESK_DOMAIN (or FRESHDESK_BASE_URL) and FRESHDESK_API_KEY.');
  }
  return FreshdeskAccountSetup.connect({ baseUrl: config.freshdeskUrl, apiKey: config.FRESHDESK_API_KEY, limits: PLAN_LIMITS[config.FRESHDESK_PLAN], timeoutMs: config.FRESHDESK_TIMEOUT_MS, maxRetries: 1 });
}

/** The account's setup reads for `baton doctor`: the connector's own helpdesk variables, one retry. */
export function openAccountSetup(config: Config): AccountSetup {
  if (!config.zendeskUrl || !config.ZENDESK_EMAIL || !config.ZENDESK_API_TOKEN) {
    throw new BatonError('CONFIG_INVALID', 'baton doctor checks a Zendesk account: set ZENDESK_SUBDOMAIN (or ZENDESK_BASE_URL), ZENDESK_EMAIL and ZENDESK_API_TOKEN.');
  }
  return ZendeskAccountSetup.connect({
    baseUrl: config.zendeskUrl,
    email: config.ZENDESK_EMAIL,
    apiToken: config.ZENDESK_API_TOKEN,
    ratePerMinute: config.ZENDESK_RATE_LIMIT_PER_MINUTE,
    timeoutMs: config.ZENDESK_TIMEOUT_MS,
    maxRetries: 1,
  });
}
