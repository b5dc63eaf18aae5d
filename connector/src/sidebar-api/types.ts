/**
 * The sidebar API's response shapes: the one contract between the connector and the
 * Zendesk app (the app imports these types). Plain data only, no runtime imports, so the
 * browser build can read this file too. Times are ISO 8601 strings.
 */

/** 'automated' is the store's 'ai'; 'untracked' never appears (unknown tickets are 404). */
export type SidebarTicketState = 'automated' | 'handed_off' | 'returned' | 'shadow' | 'resolved';

export interface SidebarReason {
  code: string;
  text: string;
}

export interface SidebarAttempt {
  id: number;
  at: string;
  /** What Baton did: answered, handed to a team, ignored; in shadow mode only recorded. */
  action: 'automate' | 'handoff' | 'ignore';
  mode: 'live' | 'shadow';
  intent: string;
  confidence: number;
  sentiment: { score: number; label: string };
  team: string | null;
  priority: string;
  /** The playbook that wrote the reply (named after the intent) for automated answers. */
  playbook: string | null;
  /** The customer's message this attempt answered (first 600 characters). */
  customerMessage: string;
  /** The reply Baton sent to the customer, when it sent one. */
  messageSent: string | null;
  reasons: SidebarReason[];
  /** 'written' once the helpdesk accepted the update; 'pending' or 'skipped' otherwise. */
  writeStatus: string;
}

export interface CustomerContextView {
  name: string | null;
  email: string | null;
  organization: string | null;
  vip: boolean;
  plan: string | null;
  arr: number | null;
  /** Link to the CRM record when the organization carries one (`crm_url` field). */
  crmUrl: string | null;
}

export interface EarlierConversation {
  ticketId: string;
  subject: string | null;
  state: SidebarTicketState;
  intent: string | null;
  team: string | null;
  attempts: number;
  lastAt: string;
}

export interface TicketView {
  ticket: {
    id: string;
    state: SidebarTicketState;
    subject: string | null;
    intent: string | null;
    team: string | null;
    aiMessageCount: number;
    handedOffAt: string | null;
    updatedAt: string;
  };
  /** The latest decision; null only when no attempt was recorded. */
  decision: {
    action: SidebarAttempt['action'];
    mode: SidebarAttempt['mode'];
    intent: string;
    confidence: number;
    team: string | null;
    priority: string;
    reasons: SidebarReason[];
    summary: string | null;
    at: string;
  } | null;
  /** Every attempt, oldest first. */
  timeline: SidebarAttempt[];
  /** Null with `customerError` set when Zendesk could not be read. */
  customer: CustomerContextView | null;
  customerError: string | null;
  earlierConversations: EarlierConversation[];
  /**
   * Whether "Return to automation" applies, and why not when it does not: `code` for the
   * app to say in the agent's language, `reason` the same in English for API readers.
   */
  canReturn: { allowed: boolean; code: ReturnBlockCode | null; reason: string | null };
}

/** Why a ticket cannot be returned to automation; the app has words for each in every locale. */
export const RETURN_BLOCK_CODES = ['already_returned', 'shadow_mode', 'resolved', 'already_automated'] as const;
export type ReturnBlockCode = (typeof RETURN_BLOCK_CODES)[number];

/**
 * The codes of the sidebar API's error bodies `{ error: { code, message, params? } }`; the
 * app translates each (the English `message` is for logs and API readers).
 */
export const SIDEBAR_ERROR_CODES = [
  'AUTH_INVALID',
  'AUTH_EXPIRED',
  'ADMIN_SESSION_INVALID',
  'ADMIN_REQUIRED',
  'ADMIN_NOT_CONFIGURED',
  'NOT_FOUND',
  'BAD_REQUEST',
  'NOT_HANDED_OFF',
  'HELPDESK_FAILED',
  'INTERNAL',
] as const;
export type SidebarErrorCode = (typeof SIDEBAR_ERROR_CODES)[number];

export type FlagKind = 'should_have_automated' | 'wrong_answer' | 'wrong_team' | 'other';

export interface FlagView {
  id: number;
  ticketId: string;
  attemptId: number | null;
  kind: FlagKind;
  comment: string | null;
  agentId: string | null;
  createdAt: string;
  /** What Baton decided on the flagged attempt, for the reviewer. */
  attempt: { intent: string; action: string; team: string | null; confidence: number } | null;
  subject: string | null;
}

export interface CountSplit {
  tickets: number;
  automated: number;
  handedOff: number;
}

/** Ratings given in the range: good / (good + bad); `score` is null without ratings. */
export interface CsatScore {
  good: number;
  bad: number;
  score: number | null;
}

/** CSAT by what happened to the rated ticket. */
export interface CsatByPath {
  /** Baton answered it and never handed it off. */
  automated: CsatScore;
  /** Baton handed it to a person: CSAT after handoff. */
  handoff: CsatScore;
  /** Baton never acted on it live: the human-only baseline. */
  humanOnly: CsatScore;
}

export interface TimingView {
  /** Tickets the median is taken over. */
  tickets: number;
  medianMinutes: number | null;
}

export interface AutomatedVsHuman {
  automated: TimingView;
  human: TimingView;
}

/**
 * The figures of a set of tickets, as the admin metrics compute them (one computation for
 * `/api/analytics/summary`, `/api/admin/analytics`, Prometheus and `baton report`).
 * `automated` counts tickets Baton only answered; of those, `durable` had no customer
 * message within 7 days of the last answer, `provisional` are younger than 7 days, and
 * `reopened` came back.
 */
export interface AnalyticsFigures extends CountSplit {
  durable: number;
  provisional: number;
  reopened: number;
  shadowOnly: number;
  ignored: number;
  /** null when there were no live decisions (a rate of nothing is not 0%). */
  handoffRate: number | null;
  /** durable / tickets: the automation rate that counts. */
  automationRate: number | null;
  /** (durable + provisional) / tickets. */
  automationRateIncludingProvisional: number | null;
  /** reopened / tickets that got an automated answer. */
  reopenRate: number | null;
  csat: CsatByPath;
  /** Automated: to Baton's first answer; human: to the first public reply of a person. */
  firstResponse: AutomatedVsHuman;
  /** Automated: to the last answer of a ticket not reopened; human: to solved on the helpdesk. */
  resolution: AutomatedVsHuman;
}

export interface TeamFiguresView {
  team: string;
  handedOff: number;
  /** This team's share of all handoffs in the range. */
  shareOfHandoffs: number | null;
  csatAfterHandoff: CsatScore;
  firstHumanResponse: TimingView;
  resolution: TimingView;
}

export type HealthStatus = 'below' | 'within' | 'above' | 'no_data';

/**
 * The analytics page's summary: the totals (tickets first decided in the range; shadow-only
 * tickets counted apart), the same figures by intent, team and week, and the queues.
 */
export interface AnalyticsSummary extends AnalyticsFigures {
  range: { from: string; to: string };
  /** Durability is judged at this time. */
  asOf: string;
  handoffHealthyRange: { min: number; max: number; status: HealthStatus };
  byIntent: (AnalyticsFigures & { intent: string })[];
  byTeam: TeamFiguresView[];
  /** Weeks start on Monday (UTC): tickets by their first decision, ratings by when they were given. */
  byWeek: (AnalyticsFigures & { weekStart: string })[];
  flagsAwaitingReview: number;
  deadLetters: number;
  /** How the figures are counted, in English (for logs and API readers; the page says it in the agent's language). */
  notes: string[];
}

/* The admin routes the analytics page calls (connector/src/admin/http/admin-routes.ts). */

export type RolloutMode = 'off' | 'shadow' | 'live';

export interface SegmentMatchView {
  org_tags?: string[];
  customer_tags?: string[];
  plans?: string[];
  vip?: boolean;
}

/** GET /api/admin/rollout */
export interface RolloutView {
  default: RolloutMode;
  /** Every intent of the policy; `explicit` false when it follows the default. */
  intents: { intent: string; mode: RolloutMode; explicit: boolean }[];
  segments: { name: string; mode: RolloutMode; match: SegmentMatchView }[];
}

export type RolloutTarget = { kind: 'default' } | { kind: 'intent'; intent: string } | { kind: 'segment'; segment: string };

/** PUT /api/admin/rollout body; 'inherit' makes an intent follow the default again. */
export interface RolloutChange {
  target: RolloutTarget;
  mode: RolloutMode | 'inherit';
}

export interface RolloutChangeResult {
  changed: boolean;
  rollout: RolloutView;
}

export type ShadowVerdict = 'agreed' | 'disagreed' | 'pending' | 'unreadable';

/** One ticket decided in shadow mode: what Baton would have done next to what the agent did. */
export interface ShadowRowView {
  ticketId: string;
  decidedAt: string;
  ai: { action: string; intent: string; confidence: number; team: string | null; reasons: string[]; reply: string | null };
  /** null when the helpdesk could not be read (`error` says why). */
  agent: { status: string; team: string | null; group: string | null; firstReplyMinutes: number | null; solved: boolean } | null;
  verdict: ShadowVerdict;
  error?: string;
}

/** GET /api/admin/shadow */
export interface ShadowReportView {
  range: { from: string; to: string };
  rows: ShadowRowView[];
  byIntent: { intent: string; tickets: number; agreed: number; disagreed: number; pending: number; agreement: number | null }[];
}

export interface DeadLetterView {
  id: number;
  kind: string;
  attempts: number;
  lastError: string | null;
  ticketId: string | null;
  createdAt: string;
  updatedAt: string;
}
