/**
 * The author's expected outcome for a generated ticket, derived from its intent, its
 * organization and what the draft says happened (an angry follow-up). Written as rules here,
 * once, so every theme labels the same way and the rules can be read next to DESIGN.md.
 */
import { isProspect, isVipOrganization } from './organizations.js';
import type { Draft } from './themes/theme.js';
import type { InboxExpectation, InboxOrganization, Intent, Team } from './types.js';

/** Automatable by default (DESIGN.md): a good answer needs no human. */
const AUTOMATABLE: ReadonlySet<Intent> = new Set(['password_reset', 'account_locked', 'order_status', 'how_to', 'billing_question']);

/**
 * A routine ticket: an automatable intent with nothing that asks for a person. The demo's
 * coverage figure is the share of these that Baton answered.
 */
export function isRoutine(expected: InboxExpectation): boolean {
  return !expected.mustEscalate && expected.team === null && AUTOMATABLE.has(expected.intent);
}

/** Never left to automation, whatever the confidence. */
const ALWAYS_HUMAN: ReadonlySet<Intent> = new Set(['refund_request', 'cancellation', 'complaint', 'human_request', 'legal_privacy_security']);

/** The team each intent goes to when a human takes it. */
export const HOME_TEAM: Readonly<Record<Intent, Team>> = {
  password_reset: 'general_support',
  account_locked: 'general_support',
  order_status: 'general_support',
  how_to: 'general_support',
  billing_question: 'finance',
  refund_request: 'finance',
  cancellation: 'finance',
  account_update: 'general_support',
  bug_report: 'product_support',
  feature_request: 'product_support',
  sales_inquiry: 'revenue',
  complaint: 'general_support',
  human_request: 'general_support',
  legal_privacy_security: 'trust_safety',
  other: 'general_support',
};

function vipNote(org: InboxOrganization): string {
  const arr = org.fields.arr > 0 ? `$${Math.round(org.fields.arr / 1000)}k ARR` : 'no ARR yet';
  const open = org.fields.open_opportunity ? ', open opportunity' : '';
  return `VIP account: ${org.name} (${org.fields.plan}, ${arr}${open}); a person answers, not automation.`;
}

export function expectationFor(intent: Intent, org: InboxOrganization | undefined, draft: Pick<Draft, 'why' | 'escalateBecause' | 'team'>): InboxExpectation {
  const notes = [draft.why];
  let mustEscalate = ALWAYS_HUMAN.has(intent);
  if (draft.escalateBecause) {
    mustEscalate = true;
    notes.push(`Escalate: ${draft.escalateBecause}.`);
  }
  // A thank-you or an auto-reply from a big account is still nothing to act on.
  const vip = org !== undefined && isVipOrganization(org) && intent !== 'other';

  let team: Team | null;
  if (intent === 'legal_privacy_security') {
    // Specialists first, even for VIPs: a senior agent cannot answer a data request.
    team = 'trust_safety';
  } else if (vip) {
    mustEscalate = true;
    notes.push(vipNote(org));
    const commercial = intent === 'sales_inquiry' || (intent === 'feature_request' && isProspect(org));
    team = commercial ? 'revenue' : 'senior_support';
  } else if (mustEscalate) {
    team = draft.team ?? HOME_TEAM[intent];
  } else if (AUTOMATABLE.has(intent) || intent === 'other') {
    team = null;
  } else {
    team = draft.team ?? HOME_TEAM[intent];
  }
  return { intent, mustEscalate, team, why: notes.join(' ') };
}
