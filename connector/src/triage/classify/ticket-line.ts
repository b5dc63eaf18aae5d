/**
 * One line of `baton classify` input -> TriageInput, and the Decision -> one output line.
 *
 * Input (JSON per line): id, subject?, text (with created_at?) or comments[] ({role|author|author_role, body,
 * time}), requester? ({email, name, organization (name or {name, tags, fields}), tags, vip}),
 * language?, ai_message_count?. With comments only, the last customer comment is the message
 * and everything before it the history, and the decision is taken as of that comment's time
 * (time rules measure waiting up to then, not up to today).
 */
import { z } from 'zod';
import type { ConversationTurn, Decision, TriageInput } from '../types.js';

const Role = z.string().transform((r, ctx): ConversationTurn['role'] => {
  const v = r.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (['customer', 'end_user', 'enduser', 'requester', 'user', 'client'].includes(v)) return 'customer';
  if (['agent', 'admin', 'staff', 'human', 'support'].includes(v)) return 'agent';
  if (['ai', 'bot', 'baton', 'assistant', 'automation'].includes(v)) return 'ai';
  ctx.addIssue({ code: 'custom', message: `unknown author role "${r}" (expected customer, agent or ai)` });
  return z.NEVER;
});

const Comment = z.object({
  role: Role.optional(),
  author_role: Role.optional(),
  author: z.union([Role, z.object({ role: Role })]).optional(),
  body: z.string({ error: 'expected the comment text in body' }),
  time: z.string().optional(),
  created_at: z.string().optional(),
});

const Organization = z.union([
  z.string(),
  z.object({
    id: z.union([z.string(), z.number()]).optional(),
    name: z.string(),
    tags: z.array(z.string()).default([]),
    fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  }),
]);

export const TicketLine = z
  .object({
    id: z.union([z.string(), z.number()], { error: 'expected an id (string or number)' }),
    subject: z.string().default(''),
    text: z.string().optional(),
    /** When `text` arrived (ISO 8601); the decision is taken as of then. */
    created_at: z.string().optional(),
    comments: z.array(Comment).optional(),
    requester: z
      .object({
        email: z.string().optional(),
        name: z.string().optional(),
        organization: Organization.optional(),
        tags: z.array(z.string()).default([]),
        vip: z.boolean().optional(),
      })
      .optional(),
    language: z.string().optional(),
    channel: z.string().optional(),
    ai_message_count: z.number().int().nonnegative().optional(),
  })
  .refine((t) => t.text !== undefined || (t.comments?.length ?? 0) > 0, { error: 'expected "text" or a non-empty "comments" list' });

export type TicketLineInput = z.infer<typeof TicketLine>;

function roleOf(c: z.infer<typeof Comment>): ConversationTurn['role'] {
  const author = typeof c.author === 'object' ? c.author.role : c.author;
  return c.role ?? c.author_role ?? author ?? 'customer';
}

/** Parse a JSON value into a triage input; throws an Error whose message names the field. */
export function toTriageInput(raw: unknown, defaults: { tenantId: string; now: Date }): { id: string; input: TriageInput } {
  const parsed = TicketLine.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message);
  }
  const t = parsed.data;
  const turns: ConversationTurn[] = (t.comments ?? []).map((c) => ({ role: roleOf(c), body: c.body, at: c.time ?? c.created_at ?? '' }));
  let message: string;
  let history: ConversationTurn[];
  /** When the message arrived, if the line says: the decision is taken as of then. */
  let arrived: string | undefined;
  if (t.text !== undefined) {
    message = t.text;
    history = turns;
    arrived = t.created_at;
  } else {
    const last = turns.map((c) => c.role).lastIndexOf('customer');
    if (last < 0) throw new Error('comments: expected at least one customer comment to classify');
    message = turns[last]!.body;
    history = turns.slice(0, last);
    arrived = turns[last]!.at;
  }
  // A ticket exported last year is not "waiting" a year: decide as of its message's time.
  const at = arrived === undefined ? NaN : Date.parse(arrived);
  const now = Number.isFinite(at) ? new Date(at) : defaults.now;
  const org = t.requester?.organization;
  const organization =
    org === undefined ? undefined : typeof org === 'string' ? { id: org, name: org, tags: [], fields: {} } : { id: String(org.id ?? org.name), name: org.name, tags: org.tags, fields: org.fields };
  const id = String(t.id);
  return {
    id,
    input: {
      tenantId: defaults.tenantId,
      ticketId: id,
      subject: t.subject,
      message,
      history,
      customer: {
        id: t.requester?.email ?? id,
        name: t.requester?.name ?? t.requester?.email ?? 'customer',
        email: t.requester?.email,
        tags: t.requester?.tags ?? [],
        organization,
        vip: t.requester?.vip,
      },
      ticket: { aiMessageCount: t.ai_message_count ?? history.filter((h) => h.role === 'ai').length, state: 'new' },
      channel: t.channel ?? 'api',
      now,
      language: t.language,
    },
  };
}

/** The output line's fields, in a stable order. */
export function toOutputRecord(id: string, d: Decision): Record<string, unknown> {
  return {
    id,
    intent: d.intent,
    confidence: d.confidence,
    sentiment: d.sentiment,
    language: d.language,
    action: d.action,
    team: d.team,
    priority: d.priority,
    tags: d.tags,
    reasons: d.reasons,
    mode: d.mode,
    engine: d.engine,
  };
}
