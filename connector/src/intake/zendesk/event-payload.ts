/**
 * Zendesk event-subscription webhooks (`zen:event-type:ticket.*`), as documented by
 * Zendesk: `detail` is the ticket after the event, `event` the event's own data.
 * Only what triage needs is declared; unknown keys are allowed (Zendesk adds fields).
 */
import { z } from 'zod';

const id = z.union([z.string(), z.number()]).transform((v) => String(v));
const nullableId = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined || v === '' ? null : String(v)));

export const eventDetailSchema = z.object({
  id,
  actor_id: nullableId,
  assignee_id: nullableId,
  group_id: nullableId,
  organization_id: nullableId,
  requester_id: id,
  subject: z.string().nullable().optional(),
  description: z.string().max(200_000).nullable().optional(),
  status: z.string().nullable().optional(),
  priority: z.string().nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  updated_at: z.string().optional(),
  created_at: z.string().optional(),
  via: z.object({ channel: z.string().optional() }).partial().nullable().optional(),
});

const author = z.object({ id, is_staff: z.boolean().optional(), name: z.string().optional() });

export const eventPayloadSchema = z.object({
  type: z.string().regex(/^zen:event-type:ticket\.[a-z_]+$/, 'expected zen:event-type:ticket.<event>'),
  account_id: id,
  id: z.string().min(1),
  time: z.string(),
  subject: z.string().optional(),
  zendesk_event_version: z.string().optional(),
  detail: eventDetailSchema,
  event: z
    .object({
      comment: z.object({ id, body: z.string().max(200_000), is_public: z.boolean().optional(), author }).optional(),
      tags_added: z.array(z.string()).optional(),
      tags_removed: z.array(z.string()).optional(),
      current: z.unknown().optional(),
      previous: z.unknown().optional(),
    })
    .passthrough()
    .optional()
    .default({}),
});

export type EventPayload = z.infer<typeof eventPayloadSchema>;
