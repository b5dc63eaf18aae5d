/**
 * Records → Zendesk JSON. Shapes follow the spec's TicketObject, TicketCommentObject,
 * TicketAuditObject, UserForAdmin, OrganizationObject, GroupObject, TriggerObject and the
 * recorded responses in shared/zendesk/examples (fields real Zendesk sends even when the spec
 * lists them as optional, with null where the account has no value).
 */
import type {
  AuditEvent,
  AuditRecord,
  CommentRecord,
  GroupMembershipRecord,
  GroupRecord,
  HelpCenterArticle,
  OrganizationRecord,
  SatisfactionRatingRecord,
  TicketRecord,
  TicketStatus,
  TriggerRecord,
  UserRecord,
  WebhookRecord,
} from './model.js';
import { ROLE_TYPE } from './model.js';
import type { SandboxState } from './state.js';

export const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Zendesk's default custom status per status category (accounts without custom statuses). */
const CUSTOM_STATUS_ID: Record<TicketStatus, number> = { new: 1, open: 2, pending: 3, hold: 4, solved: 5, closed: 5 };
const BRAND_ID = 360_000_000_001;
const TICKET_FORM_ID = 360_000_000_002;

export interface SerializeContext {
  baseUrl: string;
  state: SandboxState;
}

export function ticketJson(t: TicketRecord, ctx: SerializeContext): Record<string, unknown> {
  const rating = ctx.state.satisfactionRatings.find((r) => r.ticketId === t.id);
  return {
    url: `${ctx.baseUrl}/api/v2/tickets/${t.id}.json`,
    id: t.id,
    external_id: t.externalId,
    via: t.via,
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
    generated_timestamp: Math.floor(t.updatedAt.getTime() / 1000),
    type: t.type,
    subject: t.subject,
    raw_subject: t.subject,
    description: t.description,
    priority: t.priority,
    status: t.status,
    custom_status_id: CUSTOM_STATUS_ID[t.status],
    recipient: t.recipient,
    requester_id: t.requesterId,
    submitter_id: t.submitterId,
    assignee_id: t.assigneeId,
    organization_id: t.organizationId,
    group_id: t.groupId,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: ctx.state.publicCommentsFor(t.id).length > 0,
    due_at: null,
    tags: [...t.tags],
    custom_fields: t.customFields.map((f) => ({ id: f.id, value: f.value })),
    satisfaction_rating: rating ? { id: rating.id, score: rating.score, comment: rating.comment } : null,
    sharing_agreement_ids: [],
    fields: t.customFields.map((f) => ({ id: f.id, value: f.value })),
    followup_ids: [],
    ticket_form_id: TICKET_FORM_ID,
    brand_id: BRAND_ID,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  };
}

const systemMetadata = { system: { client: 'Baton sandbox', ip_address: '127.0.0.1', location: 'Sandbox' }, custom: {} };

export function commentJson(c: CommentRecord): Record<string, unknown> {
  return {
    id: c.id,
    type: 'Comment',
    author_id: c.authorId,
    body: c.body,
    html_body: c.htmlBody,
    plain_body: c.plainBody,
    public: c.public,
    attachments: [],
    audit_id: c.auditId,
    via: c.via,
    metadata: systemMetadata,
    created_at: iso(c.createdAt),
  };
}

function eventJson(e: AuditEvent, state: SandboxState): Record<string, unknown> {
  if (e.type === 'Comment') {
    const c = state.comments.find((x) => x.id === e.commentId);
    if (!c) return { id: e.id, type: 'Comment' };
    return { id: e.id, type: 'Comment', author_id: c.authorId, body: c.body, html_body: c.htmlBody, plain_body: c.plainBody, public: c.public, attachments: [], audit_id: c.auditId };
  }
  return { id: e.id, type: e.type, field_name: e.fieldName, value: e.value, ...(e.type === 'Change' ? { previous_value: e.previousValue ?? null } : {}) };
}

export function auditJson(a: AuditRecord, state: SandboxState): Record<string, unknown> {
  return {
    id: a.id,
    ticket_id: a.ticketId,
    created_at: iso(a.createdAt),
    author_id: a.authorId,
    metadata: systemMetadata,
    via: a.via,
    events: a.events.map((e) => eventJson(e, state)),
  };
}

export function userJson(u: UserRecord, ctx: SerializeContext): Record<string, unknown> {
  const isAgent = u.role !== 'end-user';
  return {
    id: u.id,
    url: `${ctx.baseUrl}/api/v2/users/${u.id}.json`,
    name: u.name,
    email: u.email,
    created_at: iso(u.createdAt),
    updated_at: iso(u.updatedAt),
    time_zone: u.timeZone,
    iana_time_zone: u.timeZone,
    phone: null,
    shared_phone_number: null,
    photo: null,
    locale_id: 1,
    locale: u.locale,
    organization_id: u.organizationId,
    role: u.role,
    verified: true,
    external_id: null,
    tags: [...u.tags],
    alias: '',
    active: true,
    shared: false,
    shared_agent: false,
    last_login_at: iso(u.createdAt),
    two_factor_auth_enabled: null,
    signature: '',
    details: '',
    notes: '',
    role_type: u.roleType ?? null,
    chat_only: u.roleType === ROLE_TYPE.chatOnly,
    custom_role_id: null,
    moderator: isAgent,
    ticket_restriction: isAgent ? null : 'requested',
    only_private_comments: false,
    restricted_agent: !isAgent,
    suspended: u.suspended === true,
    default_group_id: u.defaultGroupId ?? undefined,
    report_csv: isAgent,
    user_fields: { ...u.userFields },
  };
}

export function organizationJson(o: OrganizationRecord, ctx: SerializeContext): Record<string, unknown> {
  return {
    url: `${ctx.baseUrl}/api/v2/organizations/${o.id}.json`,
    id: o.id,
    name: o.name,
    shared_tickets: false,
    shared_comments: false,
    external_id: null,
    created_at: iso(o.createdAt),
    updated_at: iso(o.updatedAt),
    domain_names: [...o.domainNames],
    details: null,
    notes: o.notes,
    group_id: null,
    tags: [...o.tags],
    organization_fields: { ...o.organizationFields },
  };
}

export function groupJson(g: GroupRecord, ctx: SerializeContext): Record<string, unknown> {
  return {
    url: `${ctx.baseUrl}/api/v2/groups/${g.id}.json`,
    id: g.id,
    is_public: true,
    name: g.name,
    description: g.description,
    default: false,
    deleted: false,
    created_at: iso(g.createdAt),
    updated_at: iso(g.updatedAt),
  };
}

export function membershipJson(m: GroupMembershipRecord, ctx: SerializeContext): Record<string, unknown> {
  return {
    url: `${ctx.baseUrl}/api/v2/group_memberships/${m.id}.json`,
    id: m.id,
    user_id: m.userId,
    group_id: m.groupId,
    default: m.isDefault,
    created_at: iso(m.createdAt),
    updated_at: iso(m.createdAt),
  };
}

export function satisfactionRatingJson(r: SatisfactionRatingRecord, ctx: SerializeContext): Record<string, unknown> {
  return {
    url: `${ctx.baseUrl}/api/v2/satisfaction_ratings/${r.id}.json`,
    id: r.id,
    assignee_id: r.assigneeId,
    group_id: r.groupId,
    requester_id: r.requesterId,
    ticket_id: r.ticketId,
    score: r.score,
    comment: r.comment,
    reason: r.reason,
    created_at: iso(r.createdAt),
    updated_at: iso(r.createdAt),
  };
}

export function triggerJson(t: TriggerRecord, ctx: SerializeContext): Record<string, unknown> {
  return {
    url: `${ctx.baseUrl}/api/v2/triggers/${t.id}.json`,
    id: t.id,
    title: t.title,
    raw_title: t.title,
    description: t.description,
    active: t.active,
    position: t.position,
    default: false,
    category_id: t.categoryId,
    conditions: { all: t.conditions.all, any: t.conditions.any },
    actions: t.actions,
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
  };
}

/** The signing secret is never part of the webhook object; it has its own endpoint. */
export function webhookJson(w: WebhookRecord): Record<string, unknown> {
  return {
    id: w.id,
    name: w.name,
    description: w.description,
    status: w.status,
    endpoint: w.endpoint,
    http_method: w.httpMethod,
    request_format: w.requestFormat,
    subscriptions: [...w.subscriptions],
    custom_headers: { ...w.customHeaders },
    created_at: iso(w.createdAt),
    created_by: String(w.createdBy),
    updated_at: iso(w.createdAt),
    updated_by: String(w.createdBy),
  };
}

export function articleSlug(a: HelpCenterArticle): string {
  return a.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The sandbox Help Center's default locale. */
export const HELP_CENTER_DEFAULT_LOCALE = 'en-us';

export function articleSearchJson(a: HelpCenterArticle, snippet: string, ctx: SerializeContext): Record<string, unknown> {
  const locale = a.locale ?? HELP_CENTER_DEFAULT_LOCALE;
  return {
    id: a.id,
    url: `${ctx.baseUrl}/api/v2/help_center/${locale}/articles/${a.id}.json`,
    html_url: `${ctx.baseUrl}/hc/${locale}/articles/${a.id}-${articleSlug(a)}`,
    author_id: 1111,
    comments_disabled: true,
    draft: a.draft === true,
    promoted: false,
    position: 0,
    vote_sum: 0,
    vote_count: 0,
    section_id: a.sectionId,
    created_at: iso(a.createdAt),
    updated_at: iso(a.updatedAt),
    edited_at: iso(a.updatedAt),
    name: a.title,
    title: a.title,
    source_locale: locale,
    locale,
    outdated: false,
    outdated_locales: [],
    permission_group_id: 1,
    user_segment_id: a.userSegmentId ?? null,
    label_names: [...a.labelNames],
    content_tag_ids: [],
    body: a.body,
    snippet,
    result_type: 'article',
  };
}
