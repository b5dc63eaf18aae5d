/**
 * The JSON body our Zendesk triggers send (trigger-connected webhook). Zendesk renders
 * placeholders as strings, so ids arrive as strings and tags as one space-separated
 * string; the schema accepts both rendered strings and real JSON types.
 *
 * The same template is installed by requirements.json and rendered by the sandbox, so the
 * connector, the app package and the sandbox agree on one shape.
 */
import { z } from 'zod';
import { DEFAULT_TAGS } from '../../ticket-tags.js';

/**
 * The trigger body template. Only placeholders Zendesk documents ("Zendesk Support
 * placeholders reference", support.zendesk.com/hc/en-us/articles/4408886858138), so a real
 * account renders every one: `{{ticket.group.id}}`, `{{ticket.latest_comment.id}}` and
 * `{{ticket.latest_comment.created_at_with_timestamp}}` are not in that list, and an
 * undocumented placeholder that renders empty would make every comment on a ticket look the
 * same. The group is read through the API when a handoff needs it.
 */
export const TRIGGER_BODY_TEMPLATE = {
  schema: 'baton.trigger.v1',
  event: '{{baton.event}}', // replaced per trigger: "ticket.created", "ticket.comment_added" or "ticket.return_requested"
  account: '{{ticket.account}}',
  ticket: {
    id: '{{ticket.id}}',
    subject: '{{ticket.title}}',
    status: '{{ticket.status}}',
    priority: '{{ticket.priority}}',
    tags: '{{ticket.tags}}',
    assignee_id: '{{ticket.assignee.id}}',
    via: '{{ticket.via}}',
    url: '{{ticket.url}}',
    updated_at: '{{ticket.updated_at_with_timestamp}}',
  },
  requester: {
    id: '{{ticket.requester.id}}',
    name: '{{ticket.requester.name}}',
    email: '{{ticket.requester.email}}',
    locale: '{{ticket.requester.language}}',
    tags: '{{ticket.requester.tags}}',
  },
  organization: {
    id: '{{ticket.organization.id}}',
    name: '{{ticket.organization.name}}',
    tags: '{{ticket.organization.tags}}',
  },
  current_user: {
    id: '{{current_user.id}}',
    role: '{{current_user.role}}',
  },
} as const;

export const TRIGGER_EVENTS = ['ticket.created', 'ticket.comment_added', 'ticket.return_requested'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

/** The tag an agent (or a macro) adds to give a handed-off ticket back to Baton, as the shipped trigger names it. */
export const RETURN_TO_AI_TAG = DEFAULT_TAGS.returnToAi;

/**
 * The comment the customer's update added, from the same reference's comment data (the
 * latest comment's text, author and public flag; its id and time are not there). With it the
 * intake triages from the body at once, keyed by the update (events/body-message.ts); when
 * any of these renders empty, or the body does not parse, the comment is read through the
 * API (`GET /api/v2/tickets/{id}/comments`) as without it. Not in the return trigger's body:
 * an agent's tag change adds no customer comment.
 */
export const TRIGGER_COMMENT_TEMPLATE = {
  body: '{{ticket.latest_comment.value}}',
  author_id: '{{ticket.latest_comment.author.id}}',
  public: '{{ticket.latest_comment.is_public}}',
} as const;

export function triggerBody(event: TriggerEvent): string {
  if (event === 'ticket.return_requested') return JSON.stringify({ ...TRIGGER_BODY_TEMPLATE, event });
  const { current_user: currentUser, ...rest } = TRIGGER_BODY_TEMPLATE;
  return JSON.stringify({ ...rest, event, comment: TRIGGER_COMMENT_TEMPLATE, current_user: currentUser });
}

const id = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const optionalId = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim()));
const text = z.string().max(200_000);
const optionalText = z.union([z.string(), z.null()]).optional().transform((v) => v ?? '');
const tagList = z
  .union([z.string(), z.array(z.string()), z.null()])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(/\s+/)).map((t) => t.trim()).filter(Boolean));
const bool = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'true');

export const triggerPayloadSchema = z.object({
  schema: z.literal('baton.trigger.v1'),
  event: z.enum(TRIGGER_EVENTS),
  account: optionalText,
  ticket: z.object({
    // Zendesk ticket ids are integers; anything else would only fail later, as a dead letter.
    id: id.refine((v) => /^\d{1,20}$/.test(v), 'expected a Zendesk ticket id (digits)'),
    subject: optionalText,
    status: optionalText,
    priority: optionalText,
    tags: tagList,
    group_id: optionalId,
    assignee_id: optionalId,
    via: optionalText,
    url: optionalText,
    updated_at: optionalText,
  }),
  // Our triggers carry the comment's text, author and public flag, and no id; bodies of
  // triggers installed by an older version carry an id too. An empty id is never a key.
  comment: z
    .object({
      id: optionalId,
      body: text.optional().default(''),
      author_id: optionalId,
      public: bool,
      created_at: optionalText,
    })
    .optional(),
  requester: z.object({
    id,
    name: optionalText,
    email: optionalText,
    locale: optionalText,
    tags: tagList,
  }),
  organization: z
    .object({ id: optionalId, name: optionalText, tags: tagList })
    .optional(),
  current_user: z.object({ id: optionalId, role: optionalText }).optional(),
});

export type TriggerPayload = z.infer<typeof triggerPayloadSchema>;
