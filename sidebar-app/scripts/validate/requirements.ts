/**
 * requirements.json's shape: known resource types, each a map of identifier → resource;
 * webhooks and triggers carry the fields Zendesk's create APIs need; every
 * {{setting.x}} names a manifest parameter and every {{$requirement.id.…}} another
 * requirement of the file.
 */
import { isObject, type Report } from './report.js';

const TYPES = new Set(['ticket_fields', 'user_fields', 'organization_fields', 'targets', 'webhooks', 'triggers', 'automations', 'views', 'macros', 'channels', 'custom_objects', 'custom_object_fields', 'custom_resources']);
const F = 'requirements.json';

export function checkRequirements(r: unknown, report: Report, parameters: string[]): void {
  if (!isObject(r)) {
    report.add(F, 'must be a JSON object');
    return;
  }
  const ids = new Set<string>();
  for (const [type, entries] of Object.entries(r)) {
    if (!TYPES.has(type)) report.add(F, `"${type}" is not a requirement type`);
    if (!isObject(entries)) {
      report.add(F, `${type} must map identifiers to resources`);
      continue;
    }
    for (const [id, res] of Object.entries(entries)) {
      if (!/^[a-z0-9_]+$/i.test(id)) report.add(F, `${type}.${id}: identifiers are letters, digits and underscores`);
      if (ids.has(id)) report.add(F, `${type}.${id}: identifier used twice`);
      ids.add(id);
      if (!isObject(res)) report.add(F, `${type}.${id} must be an object`);
      else if (type === 'webhooks') checkWebhook(`${type}.${id}`, res, report);
      else if (type === 'triggers') checkTrigger(`${type}.${id}`, res, report);
    }
  }
  const text = JSON.stringify(r);
  for (const [, name] of text.matchAll(/\{\{setting\.(\w+)\}\}/g)) if (!parameters.includes(name!)) report.add(F, `{{setting.${name}}} names no parameter of manifest.json`);
  for (const [, id] of text.matchAll(/\{\{\$requirement\.(\w+)\.\w+\}\}/g)) if (!ids.has(id!)) report.add(F, `{{$requirement.${id}…}} names no requirement of this file`);
}

function checkWebhook(at: string, w: Record<string, unknown>, report: Report): void {
  for (const key of ['name', 'endpoint', 'http_method', 'request_format', 'status'] as const) if (typeof w[key] !== 'string') report.add(F, `${at}.${key} is required`);
  if (typeof w.endpoint === 'string' && !/^(https:\/\/|\{\{setting\.\w+\}\})/.test(w.endpoint)) report.add(F, `${at}.endpoint must be https:// or start with a setting`);
  if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(String(w.http_method))) report.add(F, `${at}.http_method is not an HTTP method`);
  if (!['json', 'xml', 'form_encoded'].includes(String(w.request_format))) report.add(F, `${at}.request_format must be json, xml or form_encoded`);
  if (!['active', 'inactive'].includes(String(w.status))) report.add(F, `${at}.status must be active or inactive`);
  if (!Array.isArray(w.subscriptions) || w.subscriptions.length === 0) report.add(F, `${at}.subscriptions must list at least one subscription`);
}

function checkTrigger(at: string, t: Record<string, unknown>, report: Report): void {
  if (typeof t.title !== 'string' || !t.title.trim()) report.add(F, `${at}.title is required`);
  const c = t.conditions;
  if (!isObject(c) || !Array.isArray(c.all) || (c.any !== undefined && !Array.isArray(c.any)) || (c.all.length === 0 && (!Array.isArray(c.any) || c.any.length === 0))) {
    report.add(F, `${at}.conditions needs all/any lists with at least one condition`);
  } else {
    for (const cond of [...c.all, ...((c.any as unknown[]) ?? [])]) if (!isObject(cond) || typeof cond.field !== 'string' || typeof cond.operator !== 'string') report.add(F, `${at}.conditions: each condition needs field and operator`);
  }
  if (!Array.isArray(t.actions) || t.actions.length === 0) report.add(F, `${at}.actions must list at least one action`);
  for (const a of Array.isArray(t.actions) ? t.actions : []) {
    if (!isObject(a) || typeof a.field !== 'string') report.add(F, `${at}.actions: each action needs a field`);
    else if (a.field === 'notification_webhook') {
      const v = a.value;
      if (!Array.isArray(v) || v.length !== 2 || typeof v[1] !== 'string') report.add(F, `${at}: notification_webhook takes [webhook id, body]`);
      else {
        try {
          JSON.parse(v[1]);
        } catch {
          report.add(F, `${at}: the webhook body of a json webhook must be JSON`);
        }
      }
    }
  }
}
