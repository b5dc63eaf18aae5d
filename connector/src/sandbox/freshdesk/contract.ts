/**
 * The Freshdesk face's request contract: each write the sandbox serves has a strict schema
 * from the parameter tables of ../shared/freshdesk/api-endpoints.md (§1.2 ticket create/
 * update, §3 reply and notes, §8 automation rules). An unknown field, a wrong type or a value
 * outside an enumeration is refused with Freshdesk's 400 body, code `invalid_field` for an
 * unknown field (as Freshdesk itself answers), `datatype_mismatch` or `invalid_value`
 * otherwise. The request samples in ../shared/freshdesk/examples pass (a test checks).
 */
import { z } from 'zod';
import { fdValidation, type FdFieldError } from './errors.js';

const id = z.number().int().positive();
const emails = z.array(z.string().email());
const tags = z.array(z.string().max(255));
const html = z.string().min(1);

/** §1.2; identity fields: one of them is required on create (checked in `ticketCreate`). */
const ticketFields = {
  name: z.string(),
  requester_id: id,
  email: z.string().email(),
  phone: z.string(),
  facebook_id: z.string(),
  twitter_id: z.string(),
  unique_external_id: z.string(),
  subject: z.string(),
  description: z.string(),
  status: z.number().int(),
  priority: z.number().int(),
  source: z.number().int(),
  type: z.string().nullable(),
  responder_id: id.nullable(),
  group_id: id.nullable(),
  tags,
  custom_fields: z.record(z.string(), z.unknown()),
  due_by: z.string(),
  fr_due_by: z.string(),
  email_config_id: id,
  product_id: id,
  company_id: id,
  parent_id: id,
  internal_agent_id: id,
  internal_group_id: id,
};

export const ticketCreate = z
  .object({ ...ticketFields, cc_emails: emails, related_ticket_ids: z.array(id) })
  .partial()
  .strict()
  .refine((t) => ['requester_id', 'email', 'phone', 'facebook_id', 'twitter_id', 'unique_external_id'].some((k) => k in t), {
    message: 'Mandatory attribute missing: one of requester_id, email, phone, facebook_id, twitter_id, unique_external_id',
    path: ['requester_id'],
  });

export const ticketUpdate = z.object(ticketFields).partial().strict();

export const replyCreate = z
  .object({ body: html, from_email: z.string().email(), user_id: id, cc_emails: emails, bcc_emails: emails })
  .partial({ from_email: true, user_id: true, cc_emails: true, bcc_emails: true })
  .strict();

export const noteCreate = z
  .object({ body: html, private: z.boolean(), incoming: z.boolean(), notify_emails: emails, user_id: id })
  .partial({ private: true, incoming: true, notify_emails: true, user_id: true })
  .strict();

/**
 * Create a Satisfaction Rating (POST /api/v2/tickets/[id]/satisfaction_ratings, api-endpoints.md
 * §1): `ratings` maps question ids to answers, `default_question` the survey's own question;
 * answers are 103, 102, 101 (happy), 100 (neutral), -101, -102, -103 (unhappy) as Freshdesk's
 * reference lists them (developer.freshdesk.com/api/#create_satisfaction_rating).
 */
export const FD_RATING_POINTS = [103, 102, 101, 100, -101, -102, -103] as const;
const ratingPoints = z.number().int().refine((n) => (FD_RATING_POINTS as readonly number[]).includes(n), `It should be one of these values: '${FD_RATING_POINTS.join(',')}'`);
export const satisfactionRatingCreate = z
  .object({ ratings: z.object({ default_question: ratingPoints }).catchall(ratingPoints), feedback: z.string() })
  .partial({ feedback: true })
  .strict();

/** One condition of a rule (automation-rule-create.request.json). */
const ruleProperty = z.object({ field_name: z.string(), resource_type: z.string(), operator: z.string(), value: z.unknown() }).partial({ resource_type: true, value: true }).strict();

/**
 * The webhook action: attributes from the Automations API's sample schema (FACTS.md §7).
 * `field_name: "trigger_webhook"` and `content.body` are this sandbox's names: the reference
 * does not show which values select the webhook action or carry the advanced body (unverified).
 */
const webhookAction = z
  .object({
    field_name: z.literal('trigger_webhook'),
    request_type: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    url: z.string().url(),
    auth_header: z.object({ username: z.string(), password: z.string() }).strict().optional(),
    api_key: z.string().optional(),
    custom_headers: z.record(z.string(), z.string()).optional(),
    content: z
      .object({ content_layout: z.enum(['simple', 'advanced']), content_type: z.enum(['json', 'xml', 'x-www-form-urlencoded']), body: z.string().optional(), fields: z.array(z.string()).optional() })
      .strict(),
  })
  .strict();
const otherAction = z.object({ field_name: z.string().refine((f) => f !== 'trigger_webhook') }).passthrough();

export const automationRuleCreate = z
  .object({
    name: z.string().min(1),
    position: z.number().int().positive().optional(),
    active: z.boolean().optional(),
    performer: z.object({ type: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), members: z.array(id).optional() }).strict().optional(),
    events: z.array(z.object({ field_name: z.string(), from: z.unknown(), to: z.unknown(), value: z.unknown() }).partial({ from: true, to: true, value: true }).strict()).optional(),
    conditions: z.array(z.object({ name: z.string(), match_type: z.enum(['all', 'any']), properties: z.array(ruleProperty) }).strict()).optional(),
    operator: z.string().optional(),
    actions: z.array(z.union([webhookAction, otherAction])).min(1),
  })
  .strict();

/** Parses a body or throws Freshdesk's 400 naming every offending field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const errors: FdFieldError[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ field: [...issue.path, key].join('.'), message: 'Unexpected/invalid field in request', code: 'invalid_field' });
    } else if (issue.code === 'invalid_type') {
      const received = /received (\w+)/.exec(issue.message)?.[1] ?? 'unknown';
      const missing = received === 'undefined';
      errors.push({ field: issue.path.join('.'), message: missing ? 'Mandatory attribute missing' : `Value set is of type ${typeName(received)}.It should be a/an ${issue.expected}`, code: missing ? 'missing_field' : 'datatype_mismatch' });
    } else errors.push({ field: issue.path.join('.') || 'request', message: issue.message, code: 'invalid_value' });
  }
  throw fdValidation(errors);
}

/** zod's "received null" → Freshdesk's "Value set is of type Null" (FACTS.md §6). */
const typeName = (received: string): string => received[0]!.toUpperCase() + received.slice(1);
