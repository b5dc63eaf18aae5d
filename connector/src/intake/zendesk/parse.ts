/**
 * Raw bytes → a provider-neutral event, or a coded 400 that names the bad field.
 */
import type { z } from 'zod';
import { BatonError } from '../../errors.js';
import type { HelpdeskEvent } from '../../events/types.js';
import { withoutNul } from '../../events/without-nul.js';
import { jsonErrorPosition } from '../json-error.js';
import { eventPayloadSchema } from './event-payload.js';
import { normalizeEventSubscription, normalizeTrigger, type DeliveryInfo } from './normalize.js';
import { triggerPayloadSchema } from './trigger-payload.js';

export function parseZendeskWebhook(raw: Buffer, delivery: DeliveryInfo): HelpdeskEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new BatonError('WEBHOOK_MALFORMED_JSON', `Body is not valid JSON${jsonErrorPosition(err)}: check the trigger's JSON body template.`, { status: 400 });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new BatonError('WEBHOOK_INVALID_PAYLOAD', 'Body must be a JSON object.', { status: 400, details: { field: '(root)' } });
  }
  const obj = json as Record<string, unknown>;
  if (obj.schema === 'baton.trigger.v1') {
    return withoutNul(normalizeTrigger(check(triggerPayloadSchema, obj), delivery));
  }
  if (typeof obj.type === 'string' && obj.type.startsWith('zen:event-type:')) {
    if (!obj.type.startsWith('zen:event-type:ticket.')) return null; // not a ticket event: nothing to triage
    const event = normalizeEventSubscription(check(eventPayloadSchema, obj), delivery);
    return event && withoutNul(event);
  }
  throw new BatonError(
    'WEBHOOK_INVALID_PAYLOAD',
    'Unknown payload: expected the Baton trigger body ("schema": "baton.trigger.v1") or a Zendesk event ("type": "zen:event-type:ticket.*").',
    { status: 400, details: { field: 'schema' } },
  );
}

function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(root)';
  throw new BatonError('WEBHOOK_INVALID_PAYLOAD', `Field "${field}": ${issue.message}`, {
    status: 400,
    details: { field, issues: parsed.error.issues.slice(0, 5).map((i) => ({ field: i.path.map(String).join('.'), message: i.message })) },
  });
}
