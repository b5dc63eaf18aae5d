/**
 * Freshdesk automation rules that call out: "Ticket creation" rules (automation type 1) run
 * when a ticket is created, "Ticket updates" rules (type 4) when one changes, each with a
 * performer, events and conditions; the action this sandbox performs is "Trigger webhook"
 * (FACTS.md §7, api-endpoints.md §8). Other actions are stored, not performed. A rule the
 * sandbox cannot evaluate (unknown condition field or operator) is refused on creation, so a
 * misconfiguration fails loudly instead of never firing.
 *
 * Performer (API `performer.type`): 1 Agent (optionally only `members`), 2 Requester,
 * 3 Agent or Requester, 4 System. Changes made through the API are made by the API key's
 * agent (inference from the auth model, FACTS.md §7): that is Baton, so a rule with
 * performer Requester never fires on Baton's own writes.
 */
import { iso } from '../serializers.js';
import type { DeliveryRecord, TicketRecord, WebhookRecord } from '../model.js';
import type { SandboxState } from '../state.js';
import type { TicketChange } from '../ticket-service.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { fdInvalidValue } from './errors.js';
import type { FreshdeskFaceState } from './face-state.js';
import type { AutomationRule, AutomationTypeId, RuleProperty, WebhookAction, WriteContext } from './rule-types.js';
import { FD_PRIORITY_LABELS, FD_STATUS_CHOICES, fdPriorityOf, fdSourceOf, fdStatusOf } from './mapping.js';

const CONDITION_FIELDS = new Set(['status', 'priority', 'source', 'group_id', 'responder_id', 'ticket_tags', 'subject_or_description']);
const OPERATORS = new Set(['is', 'is_not', 'in', 'not_in', 'contains', 'does_not_contain', 'is_any_of', 'is_none_of']);
const EVENT_FIELDS = new Set(['reply_sent', 'note_type', 'status', 'priority', 'group_id', 'responder_id', 'ticket_action']);

export function validateRule(rule: Omit<AutomationRule, 'id' | 'createdAt' | 'updatedAt'>): void {
  for (const set of rule.conditions) {
    for (const p of set.properties) {
      if (!CONDITION_FIELDS.has(p.field_name)) throw fdInvalidValue('conditions', `The sandbox cannot evaluate a condition on '${p.field_name}'. It should be one of these values: '${[...CONDITION_FIELDS].join(',')}'`);
      if (!OPERATORS.has(p.operator)) throw fdInvalidValue('conditions', `It should be one of these values: '${[...OPERATORS].join(',')}'`);
    }
  }
  for (const e of rule.events) if (!EVENT_FIELDS.has(e.field_name)) throw fdInvalidValue('events', `It should be one of these values: '${[...EVENT_FIELDS].join(',')}'`);
  if (rule.automationTypeId === 4 && rule.events.length === 0) throw fdInvalidValue('events', 'Mandatory attribute missing');
}

export class AutomationRuleEngine {
  constructor(
    private readonly state: SandboxState,
    private readonly face: FreshdeskFaceState,
    private readonly dispatcher: WebhookDispatcher,
    private readonly opts: { baseUrl: () => string; helpdeskName: string; log: (msg: string) => void },
  ) {}

  /** Runs the rules of the matching type, in position order; every matching rule runs. */
  run(change: TicketChange, ctx: WriteContext): void {
    const type: AutomationTypeId = change.updateType === 'Create' ? 1 : 4;
    const rules = [...this.face.rules.values()].filter((r) => r.active && r.automationTypeId === type).sort((a, b) => a.position - b.position);
    for (const rule of rules) {
      const event = type === 1 ? '{ticket_action:created}' : this.matchedEvent(rule, change, ctx);
      if (event === undefined || !this.performerMatches(rule, change) || !this.conditionsMatch(rule, change.ticket)) continue;
      rule.actions.forEach((action, i) => {
        if (action.field_name !== 'trigger_webhook') return;
        this.fire(rule, i, action as WebhookAction, change.ticket, event);
      });
    }
  }

  private performerMatches(rule: AutomationRule, change: TicketChange): boolean {
    if (rule.automationTypeId !== 4 || !rule.performer) return true;
    const isRequester = change.actor.id === change.ticket.requesterId;
    const isAgent = change.actor.role !== 'end-user';
    switch (rule.performer.type) {
      case 1:
        return isAgent && (!rule.performer.members?.length || rule.performer.members.includes(change.actor.id));
      case 2:
        return isRequester;
      case 3:
        return isAgent || isRequester;
      default:
        return false; // System: time-based and internal changes, which the sandbox does not make.
    }
  }

  /** The first event of the rule this change satisfies, rendered as {{triggered_event}} renders it. */
  private matchedEvent(rule: AutomationRule, change: TicketChange, ctx: WriteContext): string | undefined {
    const prev = change.previous;
    const now = change.ticket;
    for (const e of rule.events) {
      const comment = change.comment;
      if (e.field_name === 'reply_sent' && comment && comment.public && !ctx.note) return '{reply_sent:sent}';
      if (e.field_name === 'note_type' && comment && (ctx.note || !comment.public)) {
        const kind = comment.public ? 'public' : 'private';
        if (e.value === undefined || e.value === kind || e.value === '--') return `{note_type:${kind}}`;
      }
      if (!prev) continue;
      const pairs: Record<string, [unknown, unknown]> = {
        status: [fdStatusOf(prev, this.face.customStatuses), fdStatusOf(now, this.face.customStatuses)],
        priority: [fdPriorityOf(prev), fdPriorityOf(now)],
        group_id: [prev.groupId, now.groupId],
        responder_id: [prev.assigneeId, now.assigneeId],
      };
      const pair = pairs[e.field_name];
      if (!pair || pair[0] === pair[1]) continue;
      const fits = (want: unknown, got: unknown) => want === undefined || want === '--' || want === got;
      if (fits(e.from, pair[0]) && fits(e.to, pair[1])) return `{${e.field_name}:{from:${String(pair[0])},to:${String(pair[1])}}}`;
    }
    return undefined;
  }

  private conditionsMatch(rule: AutomationRule, t: TicketRecord): boolean {
    return rule.conditions.every((set) => {
      const results = set.properties.map((p) => this.propertyMatches(p, t));
      return set.match_type === 'all' ? results.every(Boolean) : results.some(Boolean);
    });
  }

  private propertyMatches(p: RuleProperty, t: TicketRecord): boolean {
    const want = (Array.isArray(p.value) ? p.value : [p.value]).map((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
    let actual: unknown[];
    switch (p.field_name) {
      case 'status':
        actual = [fdStatusOf(t, this.face.customStatuses)];
        break;
      case 'priority':
        actual = [fdPriorityOf(t)];
        break;
      case 'source':
        actual = [fdSourceOf(t.viaKey)];
        break;
      case 'group_id':
        actual = [t.groupId];
        break;
      case 'responder_id':
        actual = [t.assigneeId];
        break;
      case 'ticket_tags':
        actual = t.tags;
        break;
      default: {
        const first = this.state.commentsFor(t.id)[0];
        const text = `${t.subject} ${first?.plainBody ?? ''}`.toLowerCase();
        const hit = want.some((w) => typeof w === 'string' && text.includes(w.toLowerCase()));
        return p.operator === 'does_not_contain' ? !hit : hit;
      }
    }
    const hit = want.some((w) => actual.includes(w));
    return ['is_not', 'not_in', 'does_not_contain', 'is_none_of'].includes(p.operator) ? !hit : hit;
  }

  private fire(rule: AutomationRule, index: number, action: WebhookAction, t: TicketRecord, triggeredEvent: string): DeliveryRecord {
    const values = this.placeholders(t, triggeredEvent);
    const json = action.content.content_type === 'json';
    const body =
      action.content.content_layout === 'advanced'
        ? (action.content.body ?? '').replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, name: string) => (json ? JSON.stringify(values[name] ?? '').slice(1, -1) : (values[name] ?? '')))
        : JSON.stringify(Object.fromEntries((action.content.fields ?? []).map((f) => [f, values[f] ?? ''])));
    const headers: Record<string, string> = { ...(action.custom_headers ?? {}) };
    if (action.auth_header) headers.Authorization = `Basic ${Buffer.from(`${action.auth_header.username}:${action.auth_header.password}`).toString('base64')}`;
    else if (action.api_key) headers.Authorization = `Basic ${Buffer.from(`${action.api_key}:X`).toString('base64')}`;
    const webhook: WebhookRecord = {
      id: `fd-rule-${rule.id}-${index}`,
      name: rule.name,
      description: '',
      endpoint: action.url,
      httpMethod: action.request_type,
      requestFormat: json ? 'json' : action.content.content_type === 'xml' ? 'xml' : 'form_encoded',
      status: 'active',
      subscriptions: [],
      signingSecret: '',
      customHeaders: headers,
      createdAt: rule.createdAt,
      createdBy: 0,
    };
    this.opts.log(`freshdesk rule ${rule.id} "${rule.name}" fired for ticket ${t.id} (${triggeredEvent})`);
    return this.dispatcher.dispatch(webhook, rule.id, t.id, body);
  }

  /** Placeholder values as Freshdesk renders them: strings, labels rather than numbers (FACTS.md §7). */
  private placeholders(t: TicketRecord, triggeredEvent: string): Record<string, string> {
    const comments = this.state.commentsFor(t.id);
    const lastPublic = [...comments].reverse().find((c) => c.public);
    const lastPrivate = [...comments].reverse().find((c) => !c.public);
    const requester = this.state.getUser(t.requesterId);
    const agent = t.assigneeId ? this.state.getUser(t.assigneeId) : undefined;
    const status = fdStatusOf(t, this.face.customStatuses);
    return {
      'ticket.id': String(t.id),
      'ticket.subject': t.subject,
      'ticket.description': comments[0]?.htmlBody ?? '',
      'ticket.url': `${this.opts.baseUrl()}/a/tickets/${t.id}`,
      'ticket.portal_url': `${this.opts.baseUrl()}/support/tickets/${t.id}`,
      'ticket.status': FD_STATUS_CHOICES[status]?.[0] ?? String(status),
      'ticket.priority': FD_PRIORITY_LABELS[fdPriorityOf(t)] ?? '',
      'ticket.source': String(fdSourceOf(t.viaKey)),
      'ticket.tags': t.tags.join(','),
      'ticket.due_by_time': iso(new Date(t.createdAt.getTime() + 3 * 86_400_000)),
      'ticket.latest_public_comment': lastPublic?.htmlBody ?? '',
      'ticket.latest_private_comment': lastPrivate?.htmlBody ?? '',
      'ticket.requester.name': requester?.name ?? '',
      'ticket.requester.email': requester?.email ?? '',
      'ticket.agent.name': agent?.name ?? '',
      'ticket.agent.email': agent?.email ?? '',
      'ticket.group.name': t.groupId ? (this.state.getGroup(t.groupId)?.name ?? '') : '',
      'ticket.company.name': t.organizationId ? (this.state.getOrganization(t.organizationId)?.name ?? '') : '',
      helpdesk_name: this.opts.helpdeskName,
      triggered_event: triggeredEvent,
    };
  }
}
