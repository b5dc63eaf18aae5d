/** The doctor's context from the connector's own configuration: the same account, secrets and policy `baton serve` uses. */
import type { Config } from '../config/load.js';
import type { AccountSetup } from '../helpdesk/account-setup.js';
import { openAccountSetup } from '../helpdesk/open.js';
import { loadReplies } from '../playbooks/replies.js';
import { loadPolicy } from '../triage/policy/load.js';
import { loadTriggerRequirements } from './requirements.js';
import type { DoctorContext } from './types.js';

/** Help Center locales of the languages Baton replies in ("en" is Help Center's "en-us"). */
export function replyLocales(path?: string): string[] {
  const langs = new Set(Object.values(loadReplies(path)).flatMap((byLang) => Object.keys(byLang)));
  return [...langs].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b))).map((l) => (l === 'en' ? 'en-us' : l));
}

export function doctorContext(config: Config, opts: { connectorUrl?: string; locales?: string[]; account?: AccountSetup } = {}): DoctorContext {
  return {
    account: opts.account ?? openAccountSetup(config),
    config,
    policy: loadPolicy(config.BATON_POLICY_PATH),
    connectorUrl: opts.connectorUrl?.replace(/\/+$/, ''),
    locales: opts.locales ?? replyLocales(config.BATON_REPLIES_PATH),
    triggers: loadTriggerRequirements(),
    found: {},
  };
}
