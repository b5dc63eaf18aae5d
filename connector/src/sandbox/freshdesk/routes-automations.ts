/** Automation rules API (api-endpoints.md §8): list, create, view, delete per automation type. */
import { Router } from 'express';
import { idParam, type SandboxServices } from '../http/context.js';
import { iso } from '../serializers.js';
import { validateRule } from './automation-rules.js';
import type { AutomationRule, AutomationTypeId } from './rule-types.js';
import { automationRuleCreate, parseBody } from './contract.js';
import { fdNotFound } from './errors.js';
import type { FreshdeskFaceState } from './face-state.js';

function typeParam(raw: string | undefined): AutomationTypeId {
  if (raw === '1' || raw === '3' || raw === '4') return Number(raw) as AutomationTypeId;
  throw fdNotFound();
}

export function ruleJson(rule: AutomationRule): Record<string, unknown> {
  return {
    id: rule.id,
    name: rule.name,
    position: rule.position,
    active: rule.active,
    automation_type_id: rule.automationTypeId,
    performer: rule.performer ?? null,
    events: rule.events,
    conditions: rule.conditions,
    actions: rule.actions,
    created_at: iso(rule.createdAt),
    updated_at: iso(rule.updatedAt),
  };
}

/** Creates a rule the way the API does, refusing what the sandbox could not evaluate. */
export function createRule(s: Pick<SandboxServices, 'state'>, face: FreshdeskFaceState, type: AutomationTypeId, input: unknown): AutomationRule {
  const body = parseBody(automationRuleCreate, input);
  const draft = {
    automationTypeId: type,
    name: body.name,
    position: body.position ?? face.rules.size + 1,
    active: body.active ?? true,
    performer: body.performer,
    events: body.events ?? [],
    conditions: body.conditions ?? [],
    actions: body.actions as AutomationRule['actions'],
  };
  validateRule(draft);
  const now = s.state.now();
  const rule: AutomationRule = { ...draft, id: face.nextRuleId(), createdAt: now, updatedAt: now };
  face.rules.set(rule.id, rule);
  return rule;
}

export function freshdeskAutomationRoutes(s: SandboxServices, face: FreshdeskFaceState): Router {
  const r = Router();
  r.get('/api/v2/automations/:type/rules', (req, res) => {
    const type = typeParam(req.params.type);
    res.json([...face.rules.values()].filter((x) => x.automationTypeId === type).map(ruleJson));
  });
  r.post('/api/v2/automations/:type/rules', (req, res) => {
    res.status(201).json(ruleJson(createRule(s, face, typeParam(req.params.type), req.body)));
  });
  r.get('/api/v2/automations/:type/rules/:id', (req, res) => {
    const rule = face.rules.get(idParam(req, 'id'));
    if (!rule || rule.automationTypeId !== typeParam(req.params.type)) throw fdNotFound();
    res.json(ruleJson(rule));
  });
  r.delete('/api/v2/automations/:type/rules/:id', (req, res) => {
    const rule = face.rules.get(idParam(req, 'id'));
    if (!rule || rule.automationTypeId !== typeParam(req.params.type)) throw fdNotFound();
    face.rules.delete(rule.id);
    res.status(204).end();
  });
  return r;
}
