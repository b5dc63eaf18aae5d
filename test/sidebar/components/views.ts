/** Connector answers for component tests, in the connector's own response types. */
import type { AnalyticsFigures, AnalyticsSummary, CsatScore, RolloutView, ShadowReportView, TicketView, TimingView } from '../../../connector/src/sidebar-api/types.js';

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
    canReturn: { allowed: true, code: null, reason: null },
    ...over,
  };
}

const csat = (good: number, bad: number): CsatScore => ({ good, bad, score: good + bad === 0 ? null : good / (good + bad) });
const timing = (tickets: number, medianMinutes: number | null): TimingView => ({ tickets, medianMinutes });

/** Figures of a split; only the counts vary between rows, the rest is plausible filler. */
export function figures(tickets: number, automated: number, handedOff: number, over: Partial<AnalyticsFigures> = {}): AnalyticsFigures {
  return {
    tickets,
    automated,
    handedOff,
    durable: automated,
    provisional: 0,
    reopened: 0,
    shadowOnly: 0,
    ignored: 0,
    handoffRate: tickets ? handedOff / tickets : null,
    automationRate: tickets ? automated / tickets : null,
    automationRateIncludingProvisional: tickets ? automated / tickets : null,
    reopenRate: automated ? 0 : null,
    csat: { automated: csat(0, 0), handoff: csat(0, 0), humanOnly: csat(0, 0) },
    firstResponse: { automated: timing(automated, automated ? 1 : null), human: timing(0, null) },
    resolution: { automated: timing(automated, automated ? 2 : null), human: timing(0, null) },
    ...over,
  };
}

export function summary(over: Partial<AnalyticsSummary> = {}): AnalyticsSummary {
  return {
    range: { from: '2026-02-01T00:00:00.000Z', to: '2026-03-02T23:59:59.999Z' },
    asOf: '2026-03-03T00:00:00.000Z',
    ...figures(20, 11, 9, {
      durable: 11,
      provisional: 2,
      reopened: 1,
      shadowOnly: 2,
      automationRate: 0.55,
      handoffRate: 0.45,
      csat: { automated: csat(9, 1), handoff: csat(6, 4), humanOnly: csat(7, 3) },
      firstResponse: { automated: timing(11, 0.5), human: timing(8, 42) },
      resolution: { automated: timing(10, 3), human: timing(8, 1860) },
    }),
    handoffHealthyRange: { min: 0.1, max: 0.4, status: 'above' },
    byIntent: [
      { intent: 'password_reset', ...figures(8, 8, 0, { csat: { automated: csat(4, 1), handoff: csat(0, 0), humanOnly: csat(0, 0) }, resolution: { automated: timing(8, 2), human: timing(0, null) } }) },
      { intent: 'complaint', ...figures(4, 0, 4, { csat: { automated: csat(0, 0), handoff: csat(1, 3), humanOnly: csat(0, 0) }, resolution: { automated: timing(0, null), human: timing(4, 2880) } }) },
    ],
    byTeam: [
      { team: 'tier1', handedOff: 5, shareOfHandoffs: 5 / 9, csatAfterHandoff: csat(5, 1), firstHumanResponse: timing(5, 30), resolution: timing(5, 240) },
      { team: 'finance', handedOff: 4, shareOfHandoffs: 4 / 9, csatAfterHandoff: csat(1, 3), firstHumanResponse: timing(3, 95), resolution: timing(3, 2880) },
    ],
    byWeek: [{ weekStart: '2026-02-23', ...figures(12, 7, 5, { csat: { automated: csat(3, 1), handoff: csat(2, 2), humanOnly: csat(1, 0) } }) }],
    flagsAwaitingReview: 1,
    deadLetters: 1,
    notes: [],
    ...over,
  };
}

/** The shipped policy's switches, shortened: two intents, one following the default, and one segment. */
export function rolloutView(over: Partial<RolloutView> = {}): RolloutView {
  return {
    default: 'live',
    intents: [
      { intent: 'password_reset', mode: 'live', explicit: false },
      { intent: 'refund_request', mode: 'shadow', explicit: true },
    ],
    segments: [{ name: 'trial_accounts', mode: 'shadow', match: { org_tags: ['trial'] } }],
    ...over,
  };
}

export function shadowReport(over: Partial<ShadowReportView> = {}): ShadowReportView {
  return {
    range: { from: '2026-02-01T00:00:00.000Z', to: '2026-03-02T23:59:59.999Z' },
    rows: [
      {
        ticketId: '77',
        decidedAt: '2026-03-01T10:00:00.000Z',
        ai: { action: 'handoff', intent: 'refund_request', confidence: 0.91, team: 'finance', reasons: ['intent_not_automated'], reply: null },
        agent: { status: 'solved', team: 'general_support', group: 'Tier 1 Support', firstReplyMinutes: 12, solved: true },
        verdict: 'disagreed',
      },
      {
        ticketId: '76',
        decidedAt: '2026-02-28T10:00:00.000Z',
        ai: { action: 'automate', intent: 'password_reset', confidence: 0.97, team: null, reasons: ['automatable_confident'], reply: 'Here is how to reset it.' },
        agent: { status: 'solved', team: null, group: null, firstReplyMinutes: null, solved: true },
        verdict: 'agreed',
      },
    ],
    byIntent: [
      { intent: 'refund_request', tickets: 1, agreed: 0, disagreed: 1, pending: 0, agreement: 0 },
      { intent: 'password_reset', tickets: 1, agreed: 1, disagreed: 0, pending: 0, agreement: 1 },
    ],
    ...over,
  };
}

/** Everything the analytics page asks the connector, answered; no shadow decisions. */
export const analyticsRoutes = (s = summary()): Record<string, unknown> => ({
  'GET /api/admin/rollout': rolloutView(),
  'GET /api/admin/shadow': shadowReport({ rows: [], byIntent: [] }),
  'GET /api/analytics/summary': s,
  'GET /api/analytics/flags': { flags: [{ id: 1, ticketId: '42', attemptId: 2, kind: 'wrong_team', comment: 'Belongs to tier 1', agentId: '9001', createdAt: '2026-03-02T10:00:00.000Z', attempt: { intent: 'billing_question', action: 'handoff', team: 'finance', confidence: 0.62 }, subject: 'Charged twice' }] },
  'GET /api/analytics/dead-letters': { deadLetters: [{ id: 9, kind: 'process-event', attempts: 8, lastError: 'Zendesk answered 422', ticketId: '51', createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:30:00.000Z' }] },
});
