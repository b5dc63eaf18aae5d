/**
 * Shapes of the overnight inbox. Kept apart from the generator so the demo runner, the
 * sandbox seeding and the evaluation can import the types without pulling in the text data.
 */

export const INTENTS = [
  'password_reset',
  'account_locked',
  'order_status',
  'billing_question',
  'refund_request',
  'cancellation',
  'how_to',
  'account_update',
  'bug_report',
  'feature_request',
  'sales_inquiry',
  'complaint',
  'human_request',
  'legal_privacy_security',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

export const TEAMS = ['finance', 'product_support', 'revenue', 'trust_safety', 'senior_support', 'general_support'] as const;
export type Team = (typeof TEAMS)[number];

export type Channel = 'email' | 'web' | 'chat';
export type Plan = 'free' | 'starter' | 'business' | 'enterprise';

export interface InboxOrganization {
  key: string;
  name: string;
  tags: string[];
  fields: { plan: Plan; arr: number; open_opportunity: boolean };
}

export interface InboxRequester {
  name: string;
  email: string;
  organizationKey?: string;
  /** BCP 47, e.g. 'en-GB', 'ja-JP'; what Zendesk stores as the user's locale. */
  locale: string;
}

/** A later customer reply on the same ticket; minutes are counted from the ticket's arrival. */
export interface InboxFollowUp {
  afterMinutes: number;
  body: string;
}

/**
 * The author's label. `intent` is what the first message asks for. `mustEscalate` is true when
 * no policy may leave the ticket to automation (complaints, refunds, legal, VIP problems, a
 * follow-up that turns angry ...). `team` is the team a human hand-off belongs to; null means
 * automation (or ignoring) is the right outcome. A ticket can have a team without
 * mustEscalate: a bug report is not urgent, but only a human can act on it.
 */
export interface InboxExpectation {
  intent: Intent;
  mustEscalate: boolean;
  team: Team | null;
  why: string;
}

export interface InboxTicket {
  /** Stable for a seed: 'n-0001' is the first ticket of the night. */
  key: string;
  subject: string;
  body: string;
  channel: Channel;
  requester: InboxRequester;
  /** ISO 639-1 */
  language: string;
  /** Minutes after 22:00; the night runs to 08:00 (minute 599). */
  arrivesAtMinute: number;
  expected: InboxExpectation;
  followUps: InboxFollowUp[];
}

export interface OvernightInbox {
  organizations: InboxOrganization[];
  tickets: InboxTicket[];
}
