/**
 * The triage seam. Triage sees only provider-neutral shapes (never Zendesk or Freshdesk
 * payloads) and returns one Decision that the write-back applies field by field.
 */

export type Action = 'automate' | 'handoff' | 'ignore';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type RolloutMode = 'off' | 'shadow' | 'live';
export type SentimentLabel = 'negative' | 'neutral' | 'positive';

/** One reason a decision was taken: a stable code (used for tags and metrics) and words for agents. */
export interface Reason {
  code: string;
  text: string;
}

export interface Sentiment {
  /** -1 (very negative) .. 1 (very positive) */
  score: number;
  label: SentimentLabel;
  /** Change in score from the customer's earlier messages to this one; negative means souring. */
  trend: number;
}

export interface Decision {
  action: Action;
  intent: string;
  /** Calibrated probability that `intent` is right, 0..1. */
  confidence: number;
  sentiment: Sentiment;
  language: string;
  /** Team key from the policy (e.g. 'finance'); null when automated or ignored. */
  team: string | null;
  priority: Priority;
  /** Tags to add to the ticket. */
  tags: string[];
  reasons: Reason[];
  /** live: act; shadow: decide and record, post only an internal note. */
  mode: 'live' | 'shadow';
  /** Which engine produced the intent signal ('local', 'openai', 'openai→local'). */
  engine: string;
  /**
   * The message closes the loop on Baton's last answer (action automate): 'confirmed' ("that
   * fixed it": a closing word, and the ticket is solved) or 'thanks' (no reply; the ticket goes
   * back to the status Baton's answer gave it).
   */
  resolution?: 'confirmed' | 'thanks';
  /** Public reply for automate decisions. */
  reply?: string;
  /** Internal-note summary for the agent on handoff. */
  summary?: string;
  /** Reply drafted by an LLM engine, for playbooks or agents to use or ignore (never sent as is). */
  replyDraft?: string;
  /** Runner-up intents with their confidence, most likely first (for the sidebar and metrics). */
  alternatives?: { intent: string; confidence: number }[];
}

export interface ConversationTurn {
  role: 'customer' | 'agent' | 'ai';
  body: string;
  at: string; // ISO time
}

export interface CustomerContext {
  id: string;
  name: string;
  email?: string;
  locale?: string;
  tags: string[];
  organization?: {
    id: string;
    name: string;
    tags: string[];
    /** Free-form account fields (plan, arr, open_opportunity, ...), from org fields or a CRM. */
    fields: Record<string, string | number | boolean | null>;
  };
  /** Set when enrichment was unavailable, so reasons can say so. */
  enrichmentError?: string;
  /** Set when the caller already knows the customer is a VIP (e.g. a CRM flag). */
  vip?: boolean;
}

export interface TicketAutomationState {
  /** AI messages sent on this ticket since the last resolution or handoff. */
  aiMessageCount: number;
  lastAiMessageAt?: string;
  /** 'ai' | 'handed_off' | 'returned' ... from the store. */
  state: string;
}

export interface TriageInput {
  tenantId: string;
  ticketId: string;
  subject: string;
  /** The customer message being triaged. */
  message: string;
  /** Earlier turns, oldest first, not including `message`. */
  history: ConversationTurn[];
  customer: CustomerContext;
  ticket: TicketAutomationState;
  /** Channel the message came from (email, web, chat, api ...). */
  channel: string;
  now: Date;
  /** Language of the message when the channel already knows it (ISO 639-1); detected otherwise. */
  language?: string;
}

export interface Triage {
  readonly name: string;
  decide(input: TriageInput): Promise<Decision>;
}
