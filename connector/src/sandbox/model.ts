/**
 * In-memory records of the sandbox helpdesk. Field names follow Zendesk's JSON (snake_case is
 * kept only in the serializers); dates are Date objects here and ISO strings on the wire.
 */

export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export type TicketPriority = 'urgent' | 'high' | 'normal' | 'low';
export type TicketType = 'problem' | 'incident' | 'question' | 'task';
export type UserRole = 'end-user' | 'agent' | 'admin';

export const STATUS_ORDER: readonly TicketStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
export const PRIORITY_ORDER: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

/**
 * Zendesk via channels used by the sandbox, with their numeric via ids (Zendesk "Via types"
 * reference) and the text the {{ticket.via}} placeholder renders.
 */
export const VIA = {
  web: { id: 0, channel: 'web', label: 'Web Form' },
  email: { id: 4, channel: 'email', label: 'Mail' },
  api: { id: 5, channel: 'api', label: 'Web Service' },
  rule: { id: 8, channel: 'rule', label: 'Rule' },
  chat: { id: 29, channel: 'chat', label: 'Chat' },
} as const;
export type ViaKey = keyof typeof VIA;

/** Zendesk `role_type` values of agents who cannot be assigned tickets (Users API, role_type). */
export const ROLE_TYPE = { lightAgent: 1, chatOnly: 2, contributor: 3 } as const;
export const UNASSIGNABLE_ROLE_TYPES: ReadonlySet<number> = new Set(Object.values(ROLE_TYPE));

export interface Via {
  channel: string;
  source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null };
}

export interface UserRecord {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  organizationId: number | null;
  tags: string[];
  locale: string;
  timeZone: string;
  /** Agents: the group new assignments fall back to. */
  defaultGroupId: number | null;
  /**
   * Agents: Zendesk's `role_type` (null: a plain agent or admin without a custom role; 0 custom
   * agent, 1 light agent, 2 chat-only agent, 3 contributor, 4 admin, 5 billing admin, per the
   * Users API). Light agents, chat-only agents and contributors cannot be assigned tickets.
   */
  roleType?: number | null;
  /** A suspended user cannot sign in, and cannot be assigned tickets. */
  suspended?: boolean;
  userFields: Record<string, string | number | boolean | null>;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrganizationRecord {
  id: number;
  name: string;
  tags: string[];
  domainNames: string[];
  organizationFields: Record<string, string | number | boolean | null>;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface GroupRecord {
  id: number;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface GroupMembershipRecord {
  id: number;
  userId: number;
  groupId: number;
  isDefault: boolean;
  createdAt: Date;
}

export interface CustomFieldValue {
  id: number;
  value: unknown;
}

export interface TicketRecord {
  id: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority | null;
  type: TicketType | null;
  tags: string[];
  requesterId: number;
  submitterId: number;
  assigneeId: number | null;
  groupId: number | null;
  organizationId: number | null;
  customFields: CustomFieldValue[];
  externalId: string | null;
  recipient: string | null;
  viaKey: ViaKey;
  via: Via;
  createdAt: Date;
  updatedAt: Date;
  /** Sandbox-wide sequence of the ticket's last change: the incremental export's cursor order. */
  changeSeq: number;
}

export interface CommentRecord {
  id: number;
  ticketId: number;
  auditId: number;
  authorId: number;
  body: string;
  htmlBody: string;
  plainBody: string;
  public: boolean;
  via: Via;
  createdAt: Date;
}

export type AuditEvent =
  | { id: number; type: 'Comment'; commentId: number }
  | { id: number; type: 'Create' | 'Change'; fieldName: string; value: AuditValue; previousValue?: AuditValue };
export type AuditValue = string | string[] | null;

export interface AuditRecord {
  id: number;
  ticketId: number;
  authorId: number;
  via: Via;
  createdAt: Date;
  events: AuditEvent[];
}

export interface SatisfactionRatingRecord {
  id: number;
  ticketId: number;
  requesterId: number;
  assigneeId: number;
  groupId: number;
  /** `neutral`: Freshdesk's middle answer (100), which Zendesk's good/bad scale lacks. */
  score: 'good' | 'bad' | 'neutral' | 'offered' | 'unoffered';
  /** Freshdesk's answer to the default question (103 … -103), when it was given on that scale. */
  points?: number;
  comment: string;
  reason: string;
  createdAt: Date;
}

export interface WebhookRecord {
  id: string;
  name: string;
  description: string;
  endpoint: string;
  httpMethod: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  requestFormat: 'json' | 'xml' | 'form_encoded';
  status: 'active' | 'inactive';
  subscriptions: string[];
  signingSecret: string;
  customHeaders: Record<string, string>;
  createdAt: Date;
  createdBy: number;
}

export interface TriggerCondition {
  field: string;
  operator: string;
  value: string | number | Array<string | number>;
}

export interface TriggerAction {
  field: string;
  value: string | number | Array<string | number>;
}

export interface TriggerRecord {
  id: number;
  title: string;
  description: string | null;
  active: boolean;
  position: number;
  categoryId: string;
  conditions: { all: TriggerCondition[]; any: TriggerCondition[] };
  actions: TriggerAction[];
  createdAt: Date;
  updatedAt: Date;
}

export interface DeliveryAttempt {
  at: Date;
  /** HTTP status, or null when the connection failed. */
  status: number | null;
  error?: string;
  signatureTimestamp: string;
}

export interface DeliveryRecord {
  /** Also the X-Zendesk-Webhook-Invocation-Id header. */
  invocationId: string;
  webhookId: string;
  triggerId: number;
  ticketId: number;
  endpoint: string;
  body: string;
  attempts: DeliveryAttempt[];
  state: 'pending' | 'delivered' | 'failed';
  /** Status of the last attempt (null: connection error, or not attempted yet). */
  lastStatus: number | null;
}

export interface HelpCenterArticle {
  id: number;
  title: string;
  /** HTML, as Help Center stores it. */
  body: string;
  labelNames: string[];
  sectionId: number;
  /** Help Center locale, lower-case (`en-us`, `de`); default the Help Center's default locale. */
  locale?: string;
  /** A draft is visible to agents only. */
  draft?: boolean;
  /** null or absent: everyone; otherwise a user segment restricts who may see it (e.g. agents only). */
  userSegmentId?: number | null;
  createdAt: Date;
  updatedAt: Date;
}
