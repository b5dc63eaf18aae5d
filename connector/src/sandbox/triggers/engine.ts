/**
 * Ticket triggers: creation (with validation, so a misconfigured trigger is refused instead of
 * silently never firing) and evaluation after every ticket create/update, in position order.
 * The sandbox runs `notification_webhook` actions — the ones a webhook integration relies on;
 * other actions are stored and shown but not performed.
 */
import type { TriggerAction, TriggerCondition, TriggerRecord } from '../model.js';
import type { SandboxState } from '../state.js';
import type { TicketChange } from '../ticket-service.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { invalidValue, recordInvalid } from '../zendesk-errors.js';
import { conditionProblem, triggerMatches } from './conditions.js';
import { renderPlaceholders } from './placeholders.js';

export interface TriggerInput {
  title?: unknown;
  description?: unknown;
  active?: unknown;
  position?: unknown;
  category_id?: unknown;
  conditions?: { all?: unknown; any?: unknown };
  actions?: unknown;
}

export const DEFAULT_TRIGGER_CATEGORY_ID = '10001';

function parseConditions(raw: unknown, key: string): TriggerCondition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalidValue('conditions', `conditions.${key} must be an array`);
  return raw.map((c: unknown) => {
    const cond = c as Partial<TriggerCondition>;
    const parsed: TriggerCondition = { field: String(cond?.field ?? ''), operator: String(cond?.operator ?? ''), value: cond?.value ?? '' };
    const problem = conditionProblem(parsed);
    if (problem) throw invalidValue('conditions', problem);
    return parsed;
  });
}

export function createTrigger(state: SandboxState, input: TriggerInput): TriggerRecord {
  if (typeof input.title !== 'string' || input.title.trim() === '') throw invalidValue('title', 'Title: cannot be blank');
  if (!input.conditions || typeof input.conditions !== 'object') throw invalidValue('conditions', 'Conditions: are required');
  if (!Array.isArray(input.actions) || input.actions.length === 0) throw invalidValue('actions', 'Actions: at least one is required');
  const all = parseConditions(input.conditions.all, 'all');
  const any = parseConditions(input.conditions.any, 'any');
  if (all.length === 0 && any.length === 0) throw invalidValue('conditions', 'Conditions: at least one is required');
  const actions: TriggerAction[] = (input.actions as unknown[]).map((a) => {
    const action = a as Partial<TriggerAction>;
    if (typeof action?.field !== 'string') throw invalidValue('actions', 'Each action needs a field');
    if (action.field === 'notification_webhook') {
      const value = action.value;
      if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
        throw invalidValue('actions', 'notification_webhook takes [webhook_id, body]');
      }
      if (!state.webhooks.has(value[0])) throw recordInvalid({ actions: [{ description: `Webhook ${value[0]} does not exist`, error: 'InvalidValue' }] });
    }
    return { field: action.field, value: action.value ?? '' };
  });
  const now = state.now();
  const trigger: TriggerRecord = {
    id: state.nextId('trigger'),
    title: input.title,
    description: typeof input.description === 'string' ? input.description : null,
    active: input.active !== false,
    position: typeof input.position === 'number' ? input.position : state.triggers.size + 1,
    categoryId: typeof input.category_id === 'string' ? input.category_id : DEFAULT_TRIGGER_CATEGORY_ID,
    conditions: { all, any },
    actions,
    createdAt: now,
    updatedAt: now,
  };
  state.triggers.set(trigger.id, trigger);
  return trigger;
}

export interface TriggerEngineOptions {
  accountName: string;
  agentHost: string;
  log: (msg: string) => void;
  /** How placeholder values are escaped in bodies (default: JSON string escaping). */
  escape?: (value: string) => string;
}

export class TriggerEngine {
  constructor(
    private readonly state: SandboxState,
    private readonly dispatcher: WebhookDispatcher,
    private readonly opts: TriggerEngineOptions,
  ) {}

  /** Runs every active trigger whose conditions hold for `change`; returns the ones that fired. */
  run(change: TicketChange): TriggerRecord[] {
    const ordered = [...this.state.triggers.values()].filter((t) => t.active).sort((a, b) => a.position - b.position || a.id - b.id);
    const fired: TriggerRecord[] = [];
    for (const trigger of ordered) {
      if (!triggerMatches(trigger.conditions, change)) continue;
      fired.push(trigger);
      for (const action of trigger.actions) {
        if (action.field !== 'notification_webhook' || !Array.isArray(action.value)) continue;
        const [webhookId, template] = action.value.map(String);
        const webhook = webhookId ? this.state.webhooks.get(webhookId) : undefined;
        if (!webhook || webhook.status !== 'active') {
          this.opts.log(`trigger ${trigger.id} skipped webhook ${webhookId ?? '?'}: missing or inactive`);
          continue;
        }
        const body = renderPlaceholders(template ?? '', { change, state: this.state, accountName: this.opts.accountName, agentHost: this.opts.agentHost }, this.opts.escape);
        this.dispatcher.dispatch(webhook, trigger.id, change.ticket.id, body);
      }
    }
    return fired;
  }
}
