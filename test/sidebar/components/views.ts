/** Connector answers for component tests, in the connector's own response types. */
import type { AnalyticsSummary, TicketView } from '../../../connector/src/sidebar-api/types.js';

export function handedOffView(over: Partial<TicketView> = {}): TicketView {
  return {
    ticket: { id: '42', state: 'handed_off', subject: 'Charged twice', intent: 'billing_question', team: 'finance', aiMessageCount: 1, handedOffAt: '2026-03-02T09:20:00.000Z', updatedAt: '2026-03-02T09:20:00.000Z' },
    decision: {
      action: 'handoff',
      mode: 'live',
      intent: 'billing_question',
      confidence: 0.62,
      team: 'finance',
      priority: 'high',
      reasons: [
        { code: 'negative_sentiment', text: 'negative sentiment (-0.60)' },
        { code: 'tenant_rule_42', text: 'matched the big-refund rule' },
      ],
      summary: 'Double-charged on invoice 1042; wants a refund.',
      at: '2026-03-02T09:20:00.000Z',
    },
    timeline: [
      { id: 1, at: '2026-03-02T09:00:00.000Z', action: 'automate', mode: 'live', intent: 'billing_question', confidence: 0.9, sentiment: { score: -0.1, label: 'neutral' }, team: null, priority: 'normal', playbook: 'billing_question', customerMessage: 'Where is my refund?', messageSent: 'Refunds take 5-7 days.', reasons: [], writeStatus: 'written' },
      { id: 2, at: '2026-03-02T09:20:00.000Z', action: 'handoff', mode: 'live', intent: 'billing_question', confidence: 0.62, sentiment: { score: -0.6, label: 'negative' }, team: 'finance', priority: 'high', playbook: null, customerMessage: "I've tried that already.", messageSent: null, reasons: [], writeStatus: 'written' },
    ],
    customer: { name: 'Maya Lin', email: 'maya@northwind.example', organization: 'Northwind Logistics', vip: true, plan: 'enterprise', arr: 480000, crmUrl: 'https://crm.example.com/accounts/3001' },
    customerError: null,
    earlierConversations: [{ ticketId: '7', subject: 'Exporting invoices', state: 'automated', intent: 'how_to', team: null, attempts: 1, lastAt: '2026-03-01T10:00:00.000Z' }],
    canReturn: { allowed: true, reason: null },
    ...over,
  };
}

export function summary(over: Partial<AnalyticsSummary> = {}): AnalyticsSummary {
  return {
    range: { from: '2026-02-01T00:00:00.000Z', to: '2026-03-02T23:59:59.999Z' },
    tickets: 20,
    automated: 11,
    handedOff: 9,
    shadowOnly: 2,
    automationRate: 0.55,
    handoffRate: 0.45,
    handoffHealthyRange: { min: 0.1, max: 0.4 },
    byIntent: [{ intent: 'password_reset', tickets: 8, automated: 8, handedOff: 0 }, { intent: 'complaint', tickets: 4, automated: 0, handedOff: 4 }],
    byTeam: [{ team: 'tier1', handedOff: 5 }, { team: 'finance', handedOff: 4 }],
    byWeek: [{ weekStart: '2026-02-23', tickets: 12, automated: 7, handedOff: 5 }],
    flagsAwaitingReview: 1,
    deadLetters: 1,
    csat: null,
    medianResolutionMinutes: null,
    notes: [],
    ...over,
  };
}
