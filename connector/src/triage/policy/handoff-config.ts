/**
 * How handoffs are routed and promised: skills per intent, overflow between teams, each
 * team's business hours and pace. Read from the policy's `handoff` section; these are the
 * defaults when a policy leaves something out. Lives with the policy schema, so triage
 * validates the section without importing the handoff use cases.
 */
import type { BusinessHours } from '../../calendar/business-hours.js';

export interface TeamPace {
  /** Minutes before the first free agent usually answers. */
  base_minutes: number;
  /** Minutes each queued ticket ahead adds, per available agent. */
  minutes_per_ticket: number;
}

export interface HandoffConfig {
  /** Assign to an agent with the skill and spare capacity (false: group only). */
  assign: boolean;
  /** Intent (or 'vip') → agent skill. */
  skills: Record<string, string>;
  /** Team → the team that takes its overflow when every agent is at capacity. */
  overflow: Record<string, string>;
  /** Team → business hours; `default` for teams without their own; null: around the clock. */
  hours: Record<string, BusinessHours | null>;
  pace: Record<string, TeamPace>;
  /** Status after an automated answer: pending waits for the customer, solved closes. */
  automated_status: 'pending' | 'solved';
}

export const DEFAULT_HANDOFF: HandoffConfig = {
  assign: true,
  skills: {
    password_reset: 'account_access',
    account_locked: 'account_access',
    order_status: 'orders',
    how_to: 'how_to',
    billing_question: 'billing',
    refund_request: 'refunds',
    cancellation: 'retention',
    complaint: 'retention',
    bug_report: 'bugs',
    feature_request: 'integrations',
    sales_inquiry: 'sales',
    legal_privacy_security: 'privacy',
    vip: 'vip',
  },
  overflow: { finance: 'senior_support', product_support: 'general_support', revenue: 'senior_support', senior_support: 'general_support', trust_safety: 'senior_support' },
  hours: { default: null },
  pace: { default: { base_minutes: 10, minutes_per_ticket: 5 } },
  automated_status: 'pending',
};

export function paceFor(c: HandoffConfig, team: string): TeamPace {
  return c.pace[team] ?? c.pace.default ?? { base_minutes: 10, minutes_per_ticket: 5 };
}

export function hoursFor(c: HandoffConfig, team: string): BusinessHours | null {
  return team in c.hours ? c.hours[team]! : c.hours.default ?? null;
}
