/**
 * Turn a lookup into what a playbook needs: a reply that answers with the customer's own
 * facts, a handoff with the reason (a delayed or cancelled order wants a person), or
 * "skip" (no order number, no e-mail, lookup down) so the playbook falls back to its
 * generic template. The reason in a skip is for the attempt record, not the customer.
 */
import { isIntegrationError } from '../errors.js';
import type { Reason } from '../../triage/types.js';
import { extractOrderNumber } from './order-number.js';
import type { AccountInfo, AccountLookup, OrderInfo, OrderLookup } from './types.js';

export type LookupOutcome = { reply: string } | { handoff: Reason } | { skip: Reason };

export interface LookupAsk {
  firstName: string;
  /** The requester's e-mail; lookups are only made for the customer's own records. */
  email?: string;
  /** Subject and message: where the order number is looked for. */
  text: string;
}

const why = (err: unknown) => (isIntegrationError(err) ? `${err.service} ${err.short}` : 'unexpected error');

function dateWords(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** "at 14:30 UTC on Tuesday, March 3": the day matters when the lock ends tomorrow. */
function unlockWords(iso: string | undefined): string | undefined {
  if (!iso || Number.isNaN(Date.parse(iso))) return undefined;
  return `at ${new Date(iso).toISOString().slice(11, 16)} UTC on ${dateWords(iso)}`;
}

function itemsWords(order: OrderInfo): string {
  const items = order.items ?? [];
  if (items.length === 0) return '';
  const names = items.slice(0, 3).map((i) => (i.quantity > 1 ? `${i.quantity} × ${i.name}` : i.name));
  return ` (${names.join(', ')}${items.length > 3 ? ` and ${items.length - 3} more` : ''})`;
}

export function orderReply(order: OrderInfo, firstName: string): LookupOutcome {
  const n = order.number;
  const eta = dateWords(order.eta);
  const tracking = order.trackingUrl ? `\n\nTrack it here: ${order.trackingUrl}` : '';
  switch (order.status) {
    case 'processing':
      return { reply: `Hi ${firstName},\n\nYour order ${n}${itemsWords(order)} is being prepared and hasn't shipped yet. ${eta ? `We expect it to arrive by ${eta}.` : 'Orders usually ship within 1 business day.'} You'll get an e-mail with the tracking link as soon as it leaves our warehouse.` };
    case 'shipped':
      return { reply: `Hi ${firstName},\n\nGood news: your order ${n}${itemsWords(order)} has shipped${order.carrier ? ` with ${order.carrier}` : ''}.${eta ? ` It should arrive by ${eta}.` : ''}${tracking}\n\nIf the tracking hasn't moved for 3 days, reply here and we'll open an investigation with the carrier.` };
    case 'delivered':
      return { reply: `Hi ${firstName},\n\nThe carrier${order.carrier ? ` (${order.carrier})` : ''} reports your order ${n} as delivered.${tracking}\n\nIf you can't find it, check with neighbours or your building's mail room, then reply here and we'll open an investigation with the carrier right away.` };
    case 'delayed':
      return { handoff: { code: 'order_delayed', text: `order ${n} is delayed${order.carrier ? ` (${order.carrier})` : ''}: a person should follow up with the carrier` } };
    case 'cancelled':
      return { handoff: { code: 'order_cancelled', text: `order ${n} was cancelled: a person should explain why and what happens to the payment` } };
  }
}

export async function orderStatusLookup(ask: LookupAsk, orders: OrderLookup): Promise<LookupOutcome> {
  const number = extractOrderNumber(ask.text);
  if (!number) return { skip: { code: 'no_order_number', text: 'no order number in the message' } };
  if (!ask.email) return { skip: { code: 'no_requester_email', text: 'the requester has no e-mail address to match the order against' } };
  let order: OrderInfo | null;
  try {
    order = await orders.findOrder(number, ask.email);
  } catch (err) {
    return { skip: { code: 'order_lookup_unavailable', text: `order lookup unavailable (${why(err)}); generic reply used` } };
  }
  if (!order) {
    return { reply: `Hi ${ask.firstName},\n\nI couldn't find order ${number} under the e-mail address you wrote from. Could you check the number in your order confirmation, or tell us the e-mail address you used when ordering? Then we'll look again.` };
  }
  return orderReply(order, ask.firstName);
}

export async function accountStatusLookup(ask: LookupAsk, accounts: AccountLookup): Promise<LookupOutcome> {
  if (!ask.email) return { skip: { code: 'no_requester_email', text: 'the requester has no e-mail address to look up' } };
  let info: AccountInfo;
  try {
    info = await accounts.findAccount(ask.email);
  } catch (err) {
    return { skip: { code: 'account_lookup_unavailable', text: `account lookup unavailable (${why(err)}); generic reply used` } };
  }
  const n = ask.firstName;
  switch (info.status) {
    case 'active':
      if (!info.resetUrl) return { skip: { code: 'no_reset_link', text: 'account is active but the lookup gave no reset link' } };
      return { reply: `Hi ${n},\n\nYour account is active. You can choose a new password here (the link is valid for 60 minutes): ${info.resetUrl}\n\nIf it has expired by the time you open it, use "Forgot password" on the sign-in page for a fresh one.` };
    case 'locked': {
      const until = unlockWords(info.lockedUntil);
      return {
        reply: `Hi ${n},\n\nYour account is locked${info.reason ? ` (${info.reason})` : ''}.${until ? ` It unlocks on its own ${until}.` : ''}${info.resetUrl ? ` After that, you can set a new password here: ${info.resetUrl}` : ' After that, use "Forgot password" on the sign-in page to set a new password.'}\n\nIf you didn't try to sign in yourself, reply here and a specialist will secure your account.`,
      };
    }
    case 'inactive':
      return { handoff: { code: 'account_inactive', text: `account is inactive${info.reason ? ` (${info.reason})` : ''}: a person should decide whether to reactivate it` } };
    case 'not_found':
      return { reply: `Hi ${n},\n\nI couldn't find an account for the e-mail address you wrote from. Which e-mail address did you sign up with? Reply with it and we'll take it from there.` };
  }
}
