/**
 * Trigger conditions, evaluated as Zendesk does: a trigger fires when all of `all` hold and at
 * least one of `any` holds (an empty `any` imposes nothing). Condition fields and operators
 * are those of Zendesk's "Conditions reference" that an intake integration needs; an unknown
 * field is refused when the trigger is created rather than silently never matching.
 */
import { PRIORITY_ORDER, STATUS_ORDER, VIA, type TicketRecord, type TriggerCondition } from '../model.js';
import type { TicketChange } from '../ticket-service.js';

type Evaluator = (op: string, value: string, change: TicketChange) => boolean;

const str = (v: TriggerCondition['value']): string => (Array.isArray(v) ? v.map(String).join(' ') : String(v));
const words = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);

function ordered<T extends string>(order: readonly T[], current: T | null, previous: T | null | undefined, op: string, value: string, isCreate: boolean): boolean {
  const idx = (v: string | null | undefined): number => (v ? (order as readonly string[]).indexOf(v) : -1);
  switch (op) {
    case 'is':
      return (current ?? '') === value;
    case 'is_not':
      return (current ?? '') !== value;
    case 'less_than':
      return current !== null && idx(current) < idx(value);
    case 'greater_than':
      return current !== null && idx(current) > idx(value);
    // On creation a field "changed" when it was given a value (it had none before).
    case 'changed':
      return isCreate ? current !== null : previous !== current;
    case 'not_changed':
      return isCreate ? current === null : previous === current;
    case 'value':
      return (isCreate || previous !== current) && current === value;
    case 'value_previous':
      return !isCreate && previous !== current && previous === value;
    case 'not_value':
      return (isCreate ? current !== null : previous !== current) && current !== value;
    case 'not_value_previous':
      return !isCreate && previous !== current && previous !== value;
    default:
      return false;
  }
}

function idCondition(pick: (t: TicketRecord) => number | null): Evaluator {
  return (op, value, change) => {
    const current = pick(change.ticket);
    const previous = change.previous ? pick(change.previous) : undefined;
    const cur = current === null ? '' : String(current);
    switch (op) {
      case 'is':
        return cur === value;
      case 'is_not':
        return cur !== value;
      case 'changed':
        return change.previous === null ? current !== null : previous !== current;
      case 'not_changed':
        return change.previous === null ? current === null : previous === current;
      default:
        return false;
    }
  };
}

function includesWords(haystack: string, op: string, value: string): boolean {
  const have = new Set(words(haystack.replace(/[^\p{L}\p{N}\s_-]/gu, ' ')));
  const hit = words(value).some((w) => have.has(w));
  if (op === 'includes') return hit;
  if (op === 'not_includes') return !hit;
  return false;
}

const ROLE_MATCHES: Record<string, Array<'end-user' | 'agent' | 'admin'>> = {
  end_user: ['end-user'],
  agent: ['agent', 'admin'],
  admin: ['admin'],
};

export const CONDITION_EVALUATORS: Record<string, Evaluator> = {
  update_type: (op, value, change) => (op === 'is' ? change.updateType === value : op === 'is_not' ? change.updateType !== value : false),
  comment_is_public: (op, value, change) => {
    const actual = change.comment ? String(change.comment.public) : 'not_relevant';
    const want = value === 'requester_can_see_comment' ? 'true' : value;
    return op === 'is' ? actual === want : op === 'is_not' ? actual !== want : false;
  },
  current_via_id: (op, value, change) => {
    const actual = String(VIA[change.viaKey].id);
    return op === 'is' ? actual === value : op === 'is_not' ? actual !== value : false;
  },
  via_id: (op, value, change) => {
    const actual = String(VIA[change.ticket.viaKey].id);
    return op === 'is' ? actual === value : op === 'is_not' ? actual !== value : false;
  },
  role: (op, value, change) => {
    const match = (ROLE_MATCHES[value] ?? []).includes(change.actor.role);
    return op === 'is' ? match : op === 'is_not' ? !match : false;
  },
  status: (op, value, change) => ordered(STATUS_ORDER, change.ticket.status, change.previous?.status, op, value, change.previous === null),
  priority: (op, value, change) => ordered(PRIORITY_ORDER, change.ticket.priority, change.previous?.priority, op, value, change.previous === null),
  current_tags: (op, value, change) => includesWords(change.ticket.tags.join(' '), op, value),
  group_id: idCondition((t) => t.groupId),
  assignee_id: idCondition((t) => t.assigneeId),
  organization_id: idCondition((t) => t.organizationId),
  requester_id: idCondition((t) => t.requesterId),
  ticket_is_public: (op, value, change) => {
    const isPublic = change.comment?.public ?? true;
    const actual = isPublic ? 'public' : 'private';
    return op === 'is' ? actual === value : op === 'is_not' ? actual !== value : false;
  },
  subject_includes_word: (op, value, change) => includesWords(change.ticket.subject, op, value),
  comment_includes_word: (op, value, change) => (change.comment ? includesWords(change.comment.body, op, value) : op === 'not_includes'),
};

/** Returns a problem description, or null when the condition is one this sandbox evaluates. */
export function conditionProblem(c: TriggerCondition): string | null {
  if (!(c.field in CONDITION_EVALUATORS)) return `condition field "${c.field}" is not supported by the sandbox (supported: ${Object.keys(CONDITION_EVALUATORS).join(', ')})`;
  if (typeof c.operator !== 'string' || c.operator === '') return `condition on "${c.field}" has no operator`;
  return null;
}

export function conditionHolds(c: TriggerCondition, change: TicketChange): boolean {
  const evaluate = CONDITION_EVALUATORS[c.field];
  return evaluate ? evaluate(c.operator, str(c.value), change) : false;
}

export function triggerMatches(conditions: { all: TriggerCondition[]; any: TriggerCondition[] }, change: TicketChange): boolean {
  return conditions.all.every((c) => conditionHolds(c, change)) && (conditions.any.length === 0 || conditions.any.some((c) => conditionHolds(c, change)));
}
