/**
 * The parts of Freshdesk's API v2 objects the connector reads and writes.
 * Source: ../shared/freshdesk/api-endpoints.md (§1.1 ticket, §3.1 conversation, §4 contact,
 * §5 agent/group, §6 company, §7 article) and the samples in ../shared/freshdesk/examples/.
 * Ids are numbers that can exceed 2³² (FACTS.md §3): fine as JS numbers, never as int32.
 */

export interface FdTicket {
  id: number;
  subject: string;
  description?: string;
  description_text?: string;
  /** 2 Open, 3 Pending, 4 Resolved, 5 Closed, ≥6 custom (read them from /ticket_fields). */
  status: number;
  /** 1 Low, 2 Medium, 3 High, 4 Urgent. */
  priority: number;
  source: number;
  type: string | null;
  requester_id: number;
  /** The assigned agent (Zendesk's assignee_id). */
  responder_id: number | null;
  group_id: number | null;
  company_id: number | null;
  tags: string[];
  custom_fields?: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  spam?: boolean;
  deleted?: boolean;
}

export interface FdConversation {
  id: number;
  body: string;
  body_text: string;
  /** true: came from outside (the customer). */
  incoming: boolean;
  /** true: a private note, agents only. */
  private: boolean;
  /** 0 Reply, 2 Note, 5 Tweet, 6 Survey feedback, 7 Facebook, 8 Forwarded email, 9 Phone, 11 E-commerce. */
  source: number;
  user_id: number;
  ticket_id: number;
  created_at: string;
  updated_at: string;
}

export interface FdContact {
  id: number;
  name: string;
  email: string | null;
  company_id: number | null;
  language?: string | null;
  time_zone?: string | null;
  tags?: string[];
  custom_fields?: Record<string, unknown>;
}

export interface FdCompany {
  id: number;
  name: string;
  domains?: string[];
  health_score?: string | null;
  account_tier?: string | null;
  renewal_date?: string | null;
  industry?: string | null;
  custom_fields?: Record<string, unknown>;
}

export interface FdAgent {
  id: number;
  available?: boolean;
  occasional?: boolean;
  group_ids?: number[];
  skill_ids?: number[];
  ticket_scope?: number;
  contact: { name: string; email: string; language?: string | null; time_zone?: string | null };
}

export interface FdGroup {
  id: number;
  name: string;
  description?: string | null;
  agent_ids?: number[];
}

export interface FdArticle {
  id: number;
  title: string;
  description: string;
  description_text?: string;
  status: number;
  folder_id?: number;
  category_id?: number;
  /** Who may read the article's folder: 1 all users (the other values restrict it). */
  folder_visibility?: number;
  path?: string;
  tags?: string[];
}

/** One entry of GET /api/v2/ticket_fields (only what the status catalogue needs). */
export interface FdTicketField {
  id: number;
  name: string;
  label?: string;
  type: string;
  /** For `status`: {"2": ["Open", "Being Processed"], ...} — agent label, customer label. */
  choices?: unknown;
}

/** PUT /api/v2/tickets/[id] parameters Baton writes (api-endpoints.md §1.2). */
export interface FdTicketUpdate {
  status?: number;
  priority?: number;
  /** The whole tag list: the sent array replaces the ticket's tags (FACTS.md §3). */
  tags?: string[];
  group_id?: number;
  responder_id?: number;
}

/**
 * A customer's answer to a CSAT survey (View all Satisfaction Ratings,
 * developer.freshdesk.com/api/#view_all_satisfaction_ratings; api-endpoints.md §1 names the
 * per-ticket endpoint). `ratings` maps question ids to answers: 103, 102, 101 happy, 100
 * neutral, -101, -102, -103 unhappy; `default_question` is the survey's own question.
 */
export interface FdSatisfactionRating {
  id: number;
  survey_id: number;
  user_id: number;
  agent_id: number | null;
  feedback: string | null;
  group_id: number | null;
  ticket_id: number;
  ratings: Record<string, number>;
  created_at: string;
  updated_at: string;
}
