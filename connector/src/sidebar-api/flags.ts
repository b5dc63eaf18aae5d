/**
 * "Flag a mistake": an agent marks a decision as wrong. Flags go to the `feedback` table,
 * tied to the attempt they judge (the latest one unless the agent picked another), and
 * wait there for review on the analytics page.
 */
import type { Store } from '../store/db.js';
import { getTicketState } from '../store/tickets.js';
import type { SidebarCaller } from './auth.js';
import { notFound, SidebarError } from './errors.js';
import type { FlagKind, FlagView } from './types.js';

export const FLAG_KINDS = ['should_have_automated', 'wrong_answer', 'wrong_team', 'other'] as const satisfies readonly FlagKind[];

export async function createFlag(
  store: Store,
  caller: SidebarCaller,
  ticketId: string,
  input: { kind: FlagKind; comment?: string; attemptId?: number },
  now = Date.now(),
): Promise<FlagView> {
  const ticket = await getTicketState(store, caller.tenantId, ticketId);
  if (!ticket) throw notFound(`Baton has no record of ticket ${ticketId}.`);
  const attempts = await store.db
    .selectFrom('attempts')
    .select(['id', 'intent', 'action', 'team', 'confidence'])
    .where('tenant_id', '=', caller.tenantId)
    .where('ticket_id', '=', ticketId)
    .orderBy('id', 'desc')
    .execute();
  const attempt = input.attemptId === undefined ? attempts[0] : attempts.find((a) => Number(a.id) === input.attemptId);
  if (input.attemptId !== undefined && !attempt) throw new SidebarError(400, 'BAD_REQUEST', `attemptId: attempt ${input.attemptId} is not on ticket ${ticketId}.`);
  const comment = input.comment?.trim() || null;
  const row = await store.db
    .insertInto('feedback')
    .values({
      tenant_id: caller.tenantId,
      ticket_id: ticketId,
      attempt_id: attempt ? Number(attempt.id) : null,
      kind: input.kind,
      comment,
      agent_id: caller.agentId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: Number(row.id),
    ticketId,
    attemptId: attempt ? Number(attempt.id) : null,
    kind: input.kind,
    comment,
    agentId: caller.agentId,
    createdAt: new Date(now).toISOString(),
    attempt: attempt ? { intent: attempt.intent, action: attempt.action, team: attempt.team, confidence: attempt.confidence } : null,
    subject: ticket.subject,
  };
}

/** Flags of one tenant, newest first; there is no review workflow yet, so all await review. */
export async function listFlags(store: Store, tenantId: string, limit = 100): Promise<FlagView[]> {
  const rows = await store.db
    .selectFrom('feedback as f')
    .leftJoin('attempts as a', 'a.id', 'f.attempt_id')
    .leftJoin('tickets as t', (join) => join.onRef('t.tenant_id', '=', 'f.tenant_id').onRef('t.ticket_id', '=', 'f.ticket_id'))
    .select([
      'f.id', 'f.ticket_id', 'f.attempt_id', 'f.kind', 'f.comment', 'f.agent_id', 'f.created_at',
      'a.intent', 'a.action', 'a.team', 'a.confidence', 't.subject',
    ])
    .where('f.tenant_id', '=', tenantId)
    .orderBy('f.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    ticketId: r.ticket_id,
    attemptId: r.attempt_id === null ? null : Number(r.attempt_id),
    kind: r.kind as FlagKind,
    comment: r.comment,
    agentId: r.agent_id,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    attempt: r.intent !== null && r.action !== null && r.confidence !== null ? { intent: r.intent, action: r.action, team: r.team, confidence: r.confidence } : null,
    subject: r.subject,
  }));
}
