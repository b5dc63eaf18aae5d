/** Published solution articles (solution search, FACTS.md §5): how-to answers link them. */
import type { RuleAccountSetup } from '../../helpdesk/account-setup.js';
import type { Check } from '../types.js';

/** Words any support knowledge base uses; Freshdesk's solution search takes keywords, not a locale. */
const PROBES = ['password', 'account', 'order', 'billing'];

export const ruleKnowledgeBaseCheck: Check<RuleAccountSetup> = {
  id: 'knowledge_base',
  title: 'Knowledge base: published solution articles',
  async run(ctx) {
    const details: string[] = [];
    let found = 0;
    for (const term of PROBES) {
      const count = await ctx.account.articleCount(term);
      if (!count.ok) return { status: 'fail', details: [`Solution search did not answer (${count.status}): ${count.message}`], fix: 'Enable the knowledge base (Admin > Solutions), or leave how_to off in the rollout: without articles every how-to question is handed off.' };
      details.push(`"${term}": ${count.value} published article(s)`);
      found += count.value;
    }
    if (found > 0) return { status: 'ok', details };
    return { status: 'warn', details, fix: 'Publish solution articles: how-to questions are handed off while the knowledge base finds none.' };
  },
};
