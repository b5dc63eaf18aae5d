/**
 * Records of the shared helpdesk as Freshdesk's JSON. Key sets follow the samples in
 * ../shared/freshdesk/examples/api-reference (ticket-view, conversations.list, reply-create,
 * note-create, agent-me, company-view, admin-groups.list) plus the fields real 2024
 * responses carry (FACTS.md §3 [PBRANE]); a test compares them. Blank fields are null,
 * never omitted (api-endpoints.md conventions).
 */
import { stripHtml } from '../help-center-search.js';
import type { CommentRecord, GroupRecord, HelpCenterArticle, OrganizationRecord, TicketRecord, UserRecord } from '../model.js';
import { iso } from '../serializers.js';
import type { SandboxState } from '../state.js';
import type { FreshdeskFaceState } from './face-state.js';
import { fdPriorityOf, fdSourceOf, fdStatusOf } from './mapping.js';

const DAY = 86_400_000;
const contents = (text: string) => [{ type: 'text', data: { content: text } }];
const structured = (text: string) => ({ description_contents: contents(text) });
const structuredBody = (text: string) => ({ body_contents: contents(text) });

/** The fields every conversation shape starts with: text, HTML, structured body, ids, times. */
function messageBase(c: CommentRecord): Record<string, unknown> {
  return { body_text: c.plainBody, body: c.htmlBody, structured_body: structuredBody(c.plainBody), id: c.id, user_id: c.authorId, ticket_id: c.ticketId, attachments: [], created_at: iso(c.createdAt), updated_at: iso(c.createdAt) };
}

export function fdTicketJson(t: TicketRecord, state: SandboxState, face: FreshdeskFaceState): Record<string, unknown> {
  const first = state.commentsFor(t.id)[0];
  const text = first?.plainBody ?? t.description;
  return {
    cc_emails: [],
    fwd_emails: [],
    reply_cc_emails: [],
    ticket_cc_emails: [],
    ticket_bcc_emails: [],
    email_config_id: null,
    fr_escalated: false,
    group_id: t.groupId,
    priority: fdPriorityOf(t),
    requester_id: t.requesterId,
    responder_id: t.assigneeId,
    source: fdSourceOf(t.viaKey),
    spam: false,
    status: fdStatusOf(t, face.customStatuses),
    subject: t.subject,
    company_id: t.organizationId,
    id: t.id,
    type: null,
    to_emails: null,
    product_id: null,
    support_email: t.recipient,
    source_additional_info: null,
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
    due_by: iso(new Date(t.createdAt.getTime() + 3 * DAY)),
    fr_due_by: iso(new Date(t.createdAt.getTime() + DAY)),
    nr_due_by: null,
    nr_escalated: false,
    is_escalated: false,
    association_type: null,
    description_text: text,
    structured_description: structured(text),
    description: first?.htmlBody ?? `<div>${text}</div>`,
    custom_fields: {},
    tags: [...t.tags],
    attachments: [],
  };
}

/** Replies and notes: every comment after the first, which Freshdesk shows as the description. */
export function conversationsOf(state: SandboxState, ticketId: number): CommentRecord[] {
  return state.commentsFor(ticketId).slice(1);
}

export function fdConversationJson(c: CommentRecord, state: SandboxState, face: FreshdeskFaceState): Record<string, unknown> {
  const author = state.getUser(c.authorId);
  const incoming = author?.role === 'end-user';
  const isNote = face.noteCommentIds.has(c.id);
  const ticket = state.getTicket(c.ticketId);
  const requester = ticket ? state.getUser(ticket.requesterId) : undefined;
  return {
    ...messageBase(c),
    incoming,
    private: !c.public,
    support_email: isNote || !c.public ? null : ticket?.recipient ?? null,
    // Conversation source: 0 Reply, 2 Note (FACTS.md §4).
    source: isNote || !c.public ? 2 : 0,
    category: incoming ? 7 : 2,
    from_email: incoming ? author?.email ?? null : null,
    to_emails: incoming ? [] : c.public && requester ? [requester.email] : [],
    cc_emails: [],
    bcc_emails: [],
    last_edited_at: null,
    last_edited_user_id: null,
    auto_response: false,
    automation_id: null,
    automation_type_id: null,
    thread_id: null,
  };
}

/** POST /reply answers with the conversation plus `replied_to` (reply-create.response.json). */
export function fdReplyJson(c: CommentRecord, state: SandboxState, supportEmail: string): Record<string, unknown> {
  const ticket = state.getTicket(c.ticketId);
  const requester = ticket ? state.getUser(ticket.requesterId) : undefined;
  return { ...messageBase(c), from_email: supportEmail, cc_emails: [], bcc_emails: [], replied_to: requester ? [requester.email] : [] };
}

/** POST /notes answers with the note plus `notified_to` (note-create.response.json). */
export function fdNoteJson(c: CommentRecord, notified: string[]): Record<string, unknown> {
  return { ...messageBase(c), incoming: false, private: !c.public, support_email: null, notified_to: notified };
}

export function fdContactJson(u: UserRecord): Record<string, unknown> {
  return {
    active: true,
    address: null,
    company_id: u.organizationId,
    description: null,
    email: u.email,
    id: u.id,
    job_title: null,
    language: u.locale.split('-')[0] ?? 'en',
    mobile: null,
    name: u.name,
    phone: null,
    time_zone: u.timeZone,
    twitter_id: null,
    unique_external_id: null,
    other_emails: [],
    other_companies: [],
    view_all_tickets: false,
    tags: [...u.tags],
    custom_fields: { ...u.userFields },
    avatar: null,
    deleted: false,
    created_at: iso(u.createdAt),
    updated_at: iso(u.updatedAt),
  };
}

/** Skills are `skill_*` tags in the shared model; Freshdesk numbers skills, so they are listed by position. */
export function fdAgentJson(u: UserRecord, state: SandboxState): Record<string, unknown> {
  return {
    available: true,
    occasional: false,
    signature: null,
    group_ids: state.groupIdsOf(u.id),
    role_ids: [u.role === 'admin' ? 1 : 2],
    skill_ids: [],
    id: u.id,
    ticket_scope: 1,
    created_at: iso(u.createdAt),
    updated_at: iso(u.updatedAt),
    available_since: null,
    type: 'support_agent',
    contact: {
      active: true,
      email: u.email,
      job_title: null,
      language: u.locale.split('-')[0] ?? 'en',
      last_login_at: null,
      mobile: null,
      name: u.name,
      phone: null,
      time_zone: u.timeZone,
      created_at: iso(u.createdAt),
      updated_at: iso(u.updatedAt),
    },
  };
}

export function fdCompanyJson(o: OrganizationRecord): Record<string, unknown> {
  const plan = o.organizationFields.plan;
  return {
    id: o.id,
    name: o.name,
    description: null,
    domains: [...o.domainNames],
    note: o.notes,
    custom_fields: { ...o.organizationFields, tags: o.tags.join(',') },
    created_at: iso(o.createdAt),
    updated_at: iso(o.updatedAt),
    health_score: null,
    account_tier: typeof plan === 'string' ? plan[0]!.toUpperCase() + plan.slice(1) : null,
    renewal_date: null,
    industry: null,
  };
}

export function fdGroupJson(g: GroupRecord, state: SandboxState): Record<string, unknown> {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    escalate_to: null,
    unassigned_for: null,
    business_hour_id: null,
    group_type: 'support_agent_group',
    agent_ids: state.membersOf(g.id).map((u) => u.id),
    auto_ticket_assign: 0,
    created_at: iso(g.createdAt),
    updated_at: iso(g.updatedAt),
  };
}

export function fdArticleJson(a: HelpCenterArticle, baseUrl: string): Record<string, unknown> {
  return {
    id: a.id,
    type: 1,
    category_id: 1,
    folder_id: a.sectionId,
    hierarchy: [],
    // A segment-restricted article sits in an agents-only folder (3) here; a draft is status 1.
    folder_visibility: a.userSegmentId ? 3 : 1,
    agent_id: 1001,
    path: `${baseUrl}/support/solutions/articles/${a.id}`,
    modified_at: iso(a.updatedAt),
    modified_by: 1001,
    title: a.title,
    description: a.body,
    description_text: stripHtml(a.body),
    status: a.draft ? 1 : 2,
    seo_data: {},
    tags: [...a.labelNames],
    hits: 0,
    thumbs_up: 0,
    thumbs_down: 0,
    language_id: 6,
    category_name: 'Help',
    folder_name: 'Articles',
    created_at: iso(a.createdAt),
    updated_at: iso(a.updatedAt),
  };
}
