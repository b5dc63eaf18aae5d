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
  /** Whether "Return to automation" applies, and why not when it does not. */
  canReturn: { allowed: boolean; reason: string | null };
}

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

export interface AnalyticsSummary {
  range: { from: string; to: string };
  /** Tickets Baton decided on live in the range; shadow-only tickets are counted apart. */
  tickets: number;
  automated: number;
  handedOff: number;
  shadowOnly: number;
  /** null when there were no live decisions (a rate of nothing is not 0%). */
  automationRate: number | null;
  handoffRate: number | null;
  handoffHealthyRange: { min: number; max: number };
  byIntent: (CountSplit & { intent: string })[];
  byTeam: { team: string; handedOff: number }[];
  /** Weeks start on Monday (UTC), by each ticket's first decision in the range. */
  byWeek: (CountSplit & { weekStart: string })[];
  flagsAwaitingReview: number;
  deadLetters: number;
  /** Not recorded by the store yet (the metrics work adds them): null, said plainly. */
  csat: number | null;
  medianResolutionMinutes: number | null;
  notes: string[];
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
