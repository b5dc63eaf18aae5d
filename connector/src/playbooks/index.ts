/**
 * Playbooks write the reply for an automated decision. Each automatable intent has one;
 * a playbook that cannot answer well (no good Help Center article, say) returns a reason
 * instead, and the message is handed off.
 */
import { accountStatusLookup, orderStatusLookup } from '../integrations/lookups/index.js';
import { howToReply } from './how-to.js';
import { languageOf } from '../handoff/wait-messages.js';
import { renderReply, RESOLUTION_REPLY, type Replies } from './replies.js';
import type { PlaybookContext, PlaybookResult } from './types.js';

export type { PlaybookContext, PlaybookResult } from './types.js';

/** Intents whose answer is a fixed set of steps: sending them twice helps nobody. */
const ONE_SHOT = new Set(['password_reset', 'account_locked', 'order_status', 'billing_question']);

/** "Hi Dana": the first word of the customer's name, or "there". */
const greetingName = (customerName: string) => customerName.split(/\s+/)[0] || 'there';

/** The closing word after "thanks, that fixed it" (replies.yaml), or undefined when the admin removed it. */
export function closingReply(replies: Replies, customerName: string, language: string): string | undefined {
  return renderReply(replies, RESOLUTION_REPLY, language, { first_name: greetingName(customerName) });
}

export async function runPlaybook(ctx: PlaybookContext): Promise<PlaybookResult> {
  const first = greetingName(ctx.customerName);
  if (ONE_SHOT.has(ctx.intent) && ctx.answeredBefore.includes(ctx.intent)) {
    // e.g. "the reset e-mail never arrived" after the steps: a person takes over, with the
    // note saying what the customer was already told.
    return { handoff: { code: 'already_answered', text: `the customer already had the automated ${ctx.intent.replace(/_/g, ' ')} answer and is still stuck` } };
  }
  if (ctx.intent === 'how_to') return howToReply(ctx, first);
  const ask = { firstName: first, email: ctx.email, text: `${ctx.subject}\n${ctx.message}` };
  const looked =
    ctx.intent === 'order_status' && ctx.lookups?.orders
      ? await orderStatusLookup(ask, ctx.lookups.orders)
      : (ctx.intent === 'password_reset' || ctx.intent === 'account_locked') && ctx.lookups?.accounts
        ? await accountStatusLookup(ask, ctx.lookups.accounts)
        : null;
  // A lookup that found the order or account answers (or hands off a delayed order, a
  // disabled account); 'skip' (no order number, lookup down) falls back to the template.
  if (looked && 'reply' in looked) return { reply: looked.reply };
  if (looked && 'handoff' in looked) return { handoff: looked.handoff };
  const reply = renderReply(ctx.replies, ctx.intent, languageOf(ctx.locale, ctx.language), { first_name: first });
  if (!reply) return { handoff: { code: 'no_playbook', text: `no reply template for ${ctx.intent}` } };
  return { reply };
}
