/** ZENDESK_RATE_LIMIT_PER_MINUTE against the plan's limit Zendesk reports (X-Rate-Limit). */
import type { Check } from '../types.js';

export const rateLimitCheck: Check = {
  id: 'rate_limit',
  title: 'Rate-limit plan',
  async run(ctx) {
    const configured = ctx.config.ZENDESK_RATE_LIMIT_PER_MINUTE;
    const plan = await ctx.account.planRateLimit();
    if (plan === null) return { status: 'skip', details: [`Zendesk sent no X-Rate-Limit header; configured ${configured}/min.`] };
    if (configured > plan) {
      return { status: 'fail', details: [`ZENDESK_RATE_LIMIT_PER_MINUTE is ${configured}, the account's limit is ${plan}/min: Baton would run into 429s.`], fix: `Set ZENDESK_RATE_LIMIT_PER_MINUTE=${plan}.` };
    }
    if (configured < plan) return { status: 'warn', details: [`Configured ${configured}/min, the account allows ${plan}/min: Baton leaves capacity unused.`], fix: `Set ZENDESK_RATE_LIMIT_PER_MINUTE=${plan}.` };
    return { status: 'ok', details: [`${plan} requests/min, as configured (Baton stays 10% under it).`] };
  },
};
