/**
 * Applies the writable ticket fields of a Create/Update request to a ticket record with
 * Zendesk's validation rules (422 RecordInvalid with per-field details), and returns the audit
 * events describing what changed. Shared by API creation, API updates and the sandbox's
 * end-user channels.
 */
import type { AuditEvent, AuditValue, CustomFieldValue, TicketPriority, TicketRecord, TicketStatus, TicketType } from './model.js';
import { PRIORITY_ORDER, STATUS_ORDER, UNASSIGNABLE_ROLE_TYPES } from './model.js';
import type { SandboxState } from './state.js';
import { invalidValue, recordInvalid } from './zendesk-errors.js';

const TYPES: readonly TicketType[] = ['problem', 'incident', 'question', 'task'];

/** The ticket fields this sandbox honours, as they arrive in the API's `ticket` object. */
export interface TicketFieldInput {
  subject?: unknown;
  status?: unknown;
  priority?: unknown;
  type?: unknown;
  tags?: unknown;
  group_id?: unknown;
  assignee_id?: unknown;
  assignee_email?: unknown;
  requester_id?: unknown;
  organization_id?: unknown;
  external_id?: unknown;
  custom_fields?: unknown;
}

function asId(field: string, v: unknown): number | null {
  if (v === null) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  throw invalidValue(field, `${field} must be an integer id or null`);
}

function oneOf<T extends string>(field: string, v: unknown, allowed: readonly T[], nullable: boolean): T | null {
  if (v === null && nullable) return null;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw invalidValue(field, `${field}: ${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
}

/** Zendesk tags have no spaces and are case-insensitive; a string with spaces is several tags. */
export function normalizeTags(v: unknown): string[] {
  const list = typeof v === 'string' ? v.split(/\s+/) : Array.isArray(v) ? v : null;
  if (!list || list.some((t) => typeof t !== 'string')) throw invalidValue('tags', 'tags must be an array of strings');
  const out: string[] = [];
  for (const raw of list as string[]) {
    for (const tag of raw.toLowerCase().split(/\s+/)) if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

const idValue = (v: number | null): AuditValue => (v === null ? null : String(v));

/**
 * Mutates `ticket` with the fields present in `input` and returns audit events
 * ('Create' events for a new ticket, 'Change' events with previous values otherwise).
 */
export function applyTicketFields(state: SandboxState, ticket: TicketRecord, input: TicketFieldInput, isNew: boolean): AuditEvent[] {
  const events: AuditEvent[] = [];
  const record = (fieldName: string, value: AuditValue, previousValue: AuditValue): void => {
    if (!isNew && JSON.stringify(value) === JSON.stringify(previousValue)) return;
    if (isNew && (value === null || (Array.isArray(value) && value.length === 0))) return;
    const id = state.nextId('event');
    events.push(isNew ? { id, type: 'Create', fieldName, value } : { id, type: 'Change', fieldName, value, previousValue });
  };

  if (input.subject !== undefined) {
    if (typeof input.subject !== 'string') throw invalidValue('subject', 'subject must be a string');
    record('subject', input.subject, ticket.subject);
    ticket.subject = input.subject;
  }
  if (input.requester_id !== undefined) {
    const id = asId('requester_id', input.requester_id);
    const user = id === null ? undefined : state.getUser(id);
    if (!user) throw invalidValue('requester', 'Requester is invalid');
    record('requester_id', String(user.id), String(ticket.requesterId));
    ticket.requesterId = user.id;
    ticket.organizationId = user.organizationId;
  }
  if (input.organization_id !== undefined) {
    const id = asId('organization_id', input.organization_id);
    if (id !== null && !state.getOrganization(id)) throw invalidValue('organization', 'Organization is invalid');
    record('organization_id', idValue(id), idValue(ticket.organizationId));
    ticket.organizationId = id;
  }
  if (input.status !== undefined) {
    const status = oneOf<TicketStatus>('status', input.status, STATUS_ORDER, false) as TicketStatus;
    record('status', status, ticket.status);
    ticket.status = status;
  }
  if (input.priority !== undefined) {
    const priority = oneOf<TicketPriority>('priority', input.priority, PRIORITY_ORDER, true);
    record('priority', priority, ticket.priority);
    ticket.priority = priority;
  }
  if (input.type !== undefined) {
    const type = oneOf<TicketType>('type', input.type, TYPES, true);
    record('type', type, ticket.type);
    ticket.type = type;
  }
  if (input.tags !== undefined) {
    // Full replacement ("set tags"), as the Tickets API documents for `tags`.
    const tags = normalizeTags(input.tags);
    record('tags', tags, [...ticket.tags]);
    ticket.tags = tags;
  }
  if (input.external_id !== undefined) {
    if (input.external_id !== null && typeof input.external_id !== 'string') throw invalidValue('external_id', 'external_id must be a string');
    ticket.externalId = input.external_id;
  }
  if (input.custom_fields !== undefined) applyCustomFields(ticket, input.custom_fields, record);
  applyAssignment(state, ticket, input, record);
  if (input.status === 'solved') requireFieldsToSolve(state, ticket);
  return events;
}

/**
 * Solving needs every `required` custom field filled, through the API too: Zendesk refuses
 * with 422 RecordInvalid, the missing fields under `base` with their `field_key`.
 */
function requireFieldsToSolve(state: SandboxState, ticket: TicketRecord): void {
  const missing = [...state.requiredToSolve].filter(([id]) => {
    const v = ticket.customFields.find((f) => f.id === id)?.value;
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  });
  if (missing.length > 0) throw recordInvalid({ base: missing.map(([id, title]) => ({ description: `${title}: needed to solve the ticket`, error: 'InvalidValue', field_key: id })) });
}

function applyCustomFields(ticket: TicketRecord, raw: unknown, record: (f: string, v: AuditValue, p: AuditValue) => void): void {
  if (!Array.isArray(raw)) throw invalidValue('custom_fields', 'custom_fields must be an array of {id, value}');
  for (const entry of raw as unknown[]) {
    const e = entry as { id?: unknown; value?: unknown };
    const id = asId('custom_fields', e?.id);
    if (id === null) throw invalidValue('custom_fields', 'custom field id is required');
    const existing = ticket.customFields.find((f) => f.id === id);
    const show = (v: unknown): AuditValue => (v === null || v === undefined ? null : Array.isArray(v) ? v.map(String) : String(v));
    record(String(id), show(e.value), show(existing?.value));
    if (existing) existing.value = e.value ?? null;
    else ticket.customFields.push({ id, value: e.value ?? null } satisfies CustomFieldValue);
  }
}

/** group_id / assignee_id / assignee_email with Zendesk's consistency rules. */
function applyAssignment(state: SandboxState, ticket: TicketRecord, input: TicketFieldInput, record: (f: string, v: AuditValue, p: AuditValue) => void): void {
  let groupId = ticket.groupId;
  let assigneeId = ticket.assigneeId;
  const groupGiven = input.group_id !== undefined;
  if (groupGiven) {
    groupId = asId('group_id', input.group_id);
    if (groupId !== null && !state.getGroup(groupId)) throw invalidValue('group', 'Group is invalid');
  }
  if (input.assignee_email !== undefined) {
    const user = typeof input.assignee_email === 'string' ? state.findUserByEmail(input.assignee_email) : undefined;
    if (!user) throw invalidValue('assignee', 'Assignee is invalid');
    assigneeId = user.id;
  } else if (input.assignee_id !== undefined) {
    assigneeId = asId('assignee_id', input.assignee_id);
  }
  if (assigneeId !== null) {
    const assignee = state.getUser(assigneeId);
    if (!assignee || assignee.role === 'end-user') throw invalidValue('assignee', 'Assignee is not an agent');
    // A light agent, chat-only agent or contributor cannot be assigned tickets, nor can a
    // suspended agent: Zendesk answers 422 RecordInvalid on the assignee.
    const newAssignee = assigneeId !== ticket.assigneeId;
    if (newAssignee && assignee.suspended) throw invalidValue('assignee', `Assignee ${assignee.name} is suspended`);
    if (newAssignee && assignee.roleType != null && UNASSIGNABLE_ROLE_TYPES.has(assignee.roleType)) throw invalidValue('assignee', `Assignee ${assignee.name} cannot be assigned tickets (role_type ${assignee.roleType})`);
    const memberOf = state.groupIdsOf(assigneeId);
    if (groupId === null) groupId = assignee.defaultGroupId ?? memberOf[0] ?? null;
    else if (!memberOf.includes(groupId)) {
      // Moving the ticket to another group without naming an assignee unassigns it (as in Zendesk).
      if (groupGiven && input.assignee_id === undefined && input.assignee_email === undefined) assigneeId = null;
      else throw invalidValue('assignee', 'Assignee is not a member of the group');
    }
  }
  record('group_id', idValue(groupId), idValue(ticket.groupId));
  record('assignee_id', idValue(assigneeId), idValue(ticket.assigneeId));
  ticket.groupId = groupId;
  ticket.assigneeId = assigneeId;
}
