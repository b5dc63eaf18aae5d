/**
 * How a night's tickets divide between intents, and how each intent tends to arrive:
 * through which channel, and how often from a business or a large account. The 500-ticket
 * numbers are the reference; other sizes are scaled from them.
 */
import type { Theme } from './themes/theme.js';
import type { Channel, Intent } from './types.js';
import { accountLockedTheme, passwordResetTheme } from './themes/access.js';
import { accountUpdateTheme } from './themes/account.js';
import { billingQuestionTheme } from './themes/billing.js';
import { bugReportTheme } from './themes/bugs.js';
import { complaintTheme, humanRequestTheme } from './themes/escalations.js';
import { featureRequestTheme, salesInquiryTheme } from './themes/growth.js';
import { howToTheme } from './themes/howto.js';
import { legalTheme } from './themes/legal.js';
import { cancellationTheme, refundTheme } from './themes/money.js';
import { orderStatusTheme } from './themes/orders.js';
import { otherTheme } from './themes/other.js';

export const REFERENCE_SIZE = 500;

export interface IntentProfile {
  /** Tickets of this intent in a 500-ticket night (including scripted and other-language ones). */
  count: number;
  theme: Theme;
  channels: readonly (readonly [Channel, number])[];
  /** Share of requesters who write on behalf of an organization. */
  orgShare: number;
  /** Of those, the share from one of the large (VIP) accounts. */
  vipShare: number;
}

const ch = (email: number, web: number, chat: number): readonly (readonly [Channel, number])[] => [
  ['email', email],
  ['web', web],
  ['chat', chat],
];

export const PROFILES: Readonly<Record<Intent, IntentProfile>> = {
  // The routine half: 250 of 500.
  password_reset: { count: 70, theme: passwordResetTheme, channels: ch(45, 25, 30), orgShare: 0.45, vipShare: 0.05 },
  account_locked: { count: 30, theme: accountLockedTheme, channels: ch(40, 25, 35), orgShare: 0.55, vipShare: 0.06 },
  order_status: { count: 70, theme: orderStatusTheme, channels: ch(45, 30, 25), orgShare: 0.3, vipShare: 0.05 },
  how_to: { count: 50, theme: howToTheme, channels: ch(35, 35, 30), orgShare: 0.7, vipShare: 0.05 },
  billing_question: { count: 30, theme: billingQuestionTheme, channels: ch(55, 30, 15), orgShare: 0.7, vipShare: 0.05 },
  // Everything that needs judgement.
  refund_request: { count: 30, theme: refundTheme, channels: ch(60, 25, 15), orgShare: 0.35, vipShare: 0.06 },
  cancellation: { count: 22, theme: cancellationTheme, channels: ch(55, 30, 15), orgShare: 0.6, vipShare: 0.04 },
  account_update: { count: 35, theme: accountUpdateTheme, channels: ch(50, 35, 15), orgShare: 0.6, vipShare: 0.05 },
  bug_report: { count: 40, theme: bugReportTheme, channels: ch(55, 35, 10), orgShare: 0.8, vipShare: 0.1 },
  feature_request: { count: 18, theme: featureRequestTheme, channels: ch(50, 40, 10), orgShare: 0.8, vipShare: 0.08 },
  sales_inquiry: { count: 22, theme: salesInquiryTheme, channels: ch(55, 35, 10), orgShare: 0.3, vipShare: 0.1 },
  complaint: { count: 22, theme: complaintTheme, channels: ch(60, 25, 15), orgShare: 0.4, vipShare: 0.08 },
  human_request: { count: 14, theme: humanRequestTheme, channels: ch(20, 20, 60), orgShare: 0.35, vipShare: 0.05 },
  legal_privacy_security: { count: 12, theme: legalTheme, channels: ch(70, 20, 10), orgShare: 0.4, vipShare: 0.05 },
  other: { count: 35, theme: otherTheme, channels: ch(60, 20, 20), orgShare: 0.35, vipShare: 0 },
};

/** Other-language tickets in a 500-ticket night. */
export const FOREIGN_PER_REFERENCE = 8;

/**
 * Per-intent targets for a night of `total` tickets: the reference mix scaled by largest
 * remainder, so the targets always add up to exactly `total`.
 */
export function scaledTargets(total: number): Map<Intent, number> {
  const entries = Object.entries(PROFILES) as [Intent, IntentProfile][];
  const exact = entries.map(([intent, p]) => ({ intent, raw: (p.count * total) / REFERENCE_SIZE }));
  const out = new Map(exact.map((e) => [e.intent, Math.floor(e.raw)] as const));
  let left = total - [...out.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...exact].sort((a, b) => b.raw - Math.floor(b.raw) - (a.raw - Math.floor(a.raw)));
  for (const e of byRemainder) {
    if (left <= 0) break;
    out.set(e.intent, (out.get(e.intent) ?? 0) + 1);
    left--;
  }
  return out;
}
