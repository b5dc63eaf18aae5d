/** FRESHDESK_PLAN against the per-minute limit Freshdesk reports on every response (X-RateLimit-Total, FACTS.md §2). */
import type { RuleAccountSetup } from '../../helpdesk/account-setup.js';
import type { Check } from '../types.js';

export const ruleRateLimitCheck: Check<RuleAccountSetup & { readonly configuredRateLimit: number }> = {
  id: 'rate_limit',
  title: 'Plan rate limit (X-RateLimit-Total)',
  async run(ctx) {
    const configured = ctx.account.configuredRateLimit;
    const plan = await ctx.account.planRateLimit();
    const named = `FRESHDESK_PLAN=${ctx.config.FRESHDESK_PLAN} (${configured}/min)`;
    if (plan === null) return { status: 'warn', details: [`Freshdesk sent no X-RateLimit-Total header; configured ${named}.`], fix: 'Check the plan in Admin > Account > Plans & Billing and set FRESHDESK_PLAN to it.' };
    if (configured > plan) return { status: 'fail', details: [`${named}, but the account's limit is ${plan}/min: Baton would run into 429s.`], fix: 'Set FRESHDESK_PLAN to the account\'s plan (trial, growth, pro, enterprise, addon-1000, addon-2000).' };
    if (configured < plan) return { status: 'warn', details: [`${named}, the account allows ${plan}/min: Baton leaves capacity unused.`], fix: 'Set FRESHDESK_PLAN to the account\'s plan.' };
    return { status: 'ok', details: [`${plan} requests/min, as ${named} says (Baton stays 10% under it and under the list sub-limits).`] };
  },
};
