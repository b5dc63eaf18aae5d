/**
 * `baton doctor` for a helpdesk whose automation rules call Baton unsigned (Freshdesk): the
 * context from the connector's own configuration, and the checks in order.
 */
import type { Config } from '../../config/load.js';
import type { RuleAccountSetup } from '../../helpdesk/account-setup.js';
import { openRuleAccountSetup } from '../../helpdesk/open.js';
import { loadPolicy } from '../../triage/policy/load.js';
import type { Check, DoctorContext } from '../types.js';
import { ruleAutomationCheck } from './automation-rules.js';
import { ruleCredentialsCheck } from './credentials.js';
import { ruleKnowledgeBaseCheck } from './knowledge-base.js';
import { ruleRateLimitCheck } from './rate-limit.js';
import { ruleStatusesCheck } from './statuses.js';
import { ruleTeamsCheck } from './teams.js';
import { ruleTestDeliveryCheck } from './test-delivery.js';

export type RuleAccount = RuleAccountSetup & { readonly configuredRateLimit: number };

export const RULE_ACCOUNT_CHECKS: Check<RuleAccount>[] = [ruleCredentialsCheck, ruleRateLimitCheck, ruleAutomationCheck, ruleStatusesCheck, ruleTeamsCheck, ruleKnowledgeBaseCheck, ruleTestDeliveryCheck];

export function ruleDoctorContext(config: Config, opts: { connectorUrl?: string; account?: RuleAccount } = {}): DoctorContext<RuleAccount> {
  return {
    account: opts.account ?? openRuleAccountSetup(config),
    config,
    policy: loadPolicy(config.BATON_POLICY_PATH),
    connectorUrl: opts.connectorUrl?.replace(/\/+$/, ''),
    locales: [],
    triggers: [],
    found: {},
  };
}
