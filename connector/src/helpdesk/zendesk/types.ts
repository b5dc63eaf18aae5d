/** The parts of Zendesk's API objects the connector reads (see shared/zendesk/oas.yaml). */

export interface ZdTicket {
  id: number;
  subject: string | null;
  description?: string;
  status: string;
  priority: string | null;
  tags: string[];
  group_id: number | null;
  assignee_id: number | null;
  requester_id: number;
  organization_id: number | null;
  updated_at: string;
  created_at: string;
  via?: { channel?: string };
  /** API URL of the ticket: `https://<subdomain>.zendesk.com/api/v2/tickets/<id>.json`. */
  url?: string;
}

export interface ZdComment {
  id: number;
  author_id: number;
  body: string;
  html_body?: string;
  /** The text as the customer wrote it, without formatting (what `{{...value}}` renders). */
  plain_body?: string;
  via?: { channel?: string };
  public: boolean;
  created_at: string;
}

export interface ZdUser {
  id: number;
  name: string;
  email?: string;
  role: string;
  locale?: string;
  organization_id?: number | null;
  tags?: string[];
  user_fields?: Record<string, string | number | boolean | null>;
  /** Agents: null (plain agent/admin), 0 custom, 1 light agent, 2 chat-only, 3 contributor, 4 admin, 5 billing admin. */
  role_type?: number | null;
  chat_only?: boolean;
  suspended?: boolean;
  /** false once the user is deleted. */
  active?: boolean;
}

export interface ZdOrganization {
  id: number;
  name: string;
  tags?: string[];
  organization_fields?: Record<string, string | number | boolean | null>;
}

export interface ZdGroup {
  id: number;
  name: string;
}

export interface ZdGroupMembership {
  id: number;
  user_id: number;
  group_id: number;
}

export interface ZdArticle {
  id: number;
  title: string;
  body: string;
  html_url: string;
  snippet?: string;
  locale?: string;
  /** Drafts are visible to agents only. */
  draft?: boolean;
  /** null: everyone can see the article; an id: only that user segment (e.g. agents, one organization). */
  user_segment_id?: number | null;
  /** Newer Help Centers list several segments; any makes the article restricted. */
  user_segment_ids?: number[];
}

/** TicketUpdateInput fields Baton writes. */
export interface ZdTicketUpdate {
  status?: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  priority?: 'urgent' | 'high' | 'normal' | 'low';
  tags?: string[];
  group_id?: number;
  assignee_id?: number;
  comment?: { body?: string; html_body?: string; public: boolean };
  safe_update?: boolean;
  updated_stamp?: string;
}
