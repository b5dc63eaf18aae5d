/**
 * `baton doctor`: checks of a real helpdesk account, each saying what is wrong and how to fix it.
 * A check reads through the account's setup reads (helpdesk/account-setup.ts: AccountSetup for
 * Zendesk, RuleAccountSetup for Freshdesk), never changes the account.
 */
import type { Config } from '../config/load.js';
import { isBatonError } from '../errors.js';
import type { AccountSetup, SetupAutomationRule, SetupTrigger, SetupUser, SetupWebhook } from '../helpdesk/account-setup.js';
import type { Policy } from '../triage/policy/schema.js';
import type { TriggerRequirement } from './requirements.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  /** What was found, one line each. */
  details: string[];
  /** What to do, when something is wrong. */
  fix?: string;
}

export interface DoctorContext<A = AccountSetup> {
  account: A;
  config: Config;
  policy: Policy;
  /** The connector's URL as Zendesk reaches it (the app's connector_url setting). */
  connectorUrl?: string;
  /** Help Center locales customers write in. */
  locales: string[];
  /** The triggers requirements.json creates. */
  triggers: TriggerRequirement[];
  /** What earlier checks found, for later ones. */
  found: { role?: string; selfId?: string; webhook?: SetupWebhook; triggers?: SetupTrigger[]; rules?: SetupAutomationRule[] };
}

export interface Check<A = AccountSetup> {
  id: string;
  title: string;
  run(ctx: DoctorContext<A>): Promise<Omit<CheckResult, 'id' | 'title'>>;
}

/** A check that needs an admin token, run with an agent's: skipped with the reason. */
export const needsAdmin = (what: string): Omit<CheckResult, 'id' | 'title'> => ({
  status: 'skip',
  details: [`Zendesk refused to show ${what} to the API user (403): only admins can read it.`],
  fix: 'Run `baton doctor` with an admin\'s e-mail and API token (ZENDESK_EMAIL, ZENDESK_API_TOKEN) to check this.',
});

/** The same URL however it was typed: no trailing or repeated slashes, lower-case host. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '')}`;
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}

type Outcome = Omit<CheckResult, 'id' | 'title'>;

/** The API user, or the failed check: `refused` when the helpdesk answers 401, `unreachable` otherwise. */
export async function apiUserOrFailure(account: { me(): Promise<SetupUser> }, fail: { refused: Outcome; unreachable: (message: string) => Outcome }): Promise<{ me: SetupUser } | { failure: Outcome }> {
  try {
    return { me: await account.me() };
  } catch (err) {
    const status = isBatonError(err) ? (err.details as { httpStatus?: number } | undefined)?.httpStatus : undefined;
    return { failure: status === 401 ? fail.refused : fail.unreachable((err as Error).message) };
  }
}
