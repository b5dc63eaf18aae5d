/** Help Center answers, with articles in each locale customers write in (how-to answers link them). */
import type { Check } from '../types.js';

export const helpCenterCheck: Check = {
  id: 'help_center',
  title: 'Help Center reachable, articles in the supported locales',
  async run(ctx) {
    const details: string[] = [];
    const empty: string[] = [];
    for (const locale of ctx.locales) {
      const count = await ctx.account.helpCenterArticleCount(locale);
      if (!count.ok) {
        return { status: 'fail', details: [`Help Center did not answer for ${locale}: ${count.message}.`], fix: 'Enable Help Center (Guide) with that locale, or leave how_to off in the rollout: without articles every how-to question is handed off.' };
      }
      details.push(`${locale}: ${count.value} article(s)`);
      if (count.value === 0) empty.push(locale);
    }
    if (empty.length === 0) return { status: 'ok', details };
    const status = empty.length === ctx.locales.length ? 'fail' : 'warn';
    return { status, details, fix: `Publish articles in ${empty.join(', ')}: how-to questions in those languages are handed off, not answered.` };
  },
};
