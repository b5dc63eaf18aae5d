/**
 * In shadow mode Baton decides and records but does not act, so the question before going live
 * is: did the agents do what Baton would have done? For each ticket decided in shadow mode in
 * a range, the first shadow decision sits next to what the helpdesk shows now (read through
 * the gateway: status, group, first human reply):
 *  - Baton would answer: agreed when the ticket was solved without leaving the intent's own
 *    team (or any group), disagreed when people moved it to another team;
 *  - Baton would hand off to team X: agreed when the ticket sits in X's group;
 *  - Baton would leave it alone: agreed when no person answered it.
 * Tickets still open without a group or reply are pending.
 */
import type { HelpdeskPort } from '../../helpdesk/port.js';
import type { Store } from '../../store/db.js';
import type { Policy } from '../../triage/index.js';
import { readTicketOutcome } from '../metrics/sync-outcomes.js';
import { MINUTE } from '../time.js';

export type Verdict = 'agreed' | 'disagreed' | 'pending' | 'unreadable';

export interface ShadowRow {
  ticketId: string;
  decidedAt: string;
  ai: { action: string; intent: string; confidence: number; team: string | null; reasons: string[]; reply: string | null };
  agent: { status: string; team: string | null; group: string | null; firstReplyMinutes: number | null; solved: boolean } | null;
  verdict: Verdict;
  error?: string;
}

export interface ShadowReport {
  range: { from: string; to: string };
  rows: ShadowRow[];
  byIntent: { intent: string; tickets: number; agreed: number; disagreed: number; pending: number; agreement: number | null }[];
}

export interface ShadowReportOptions {
  tenantId: string;
  from: number;
  to: number;
  policy: Policy;
  /** Tickets read from the helpdesk at most (two calls each), newest first. */
  limit?: number;
  selfUserIds?: string[];
}

function verdictOf(ai: ShadowRow['ai'], agent: NonNullable<ShadowRow['agent']>, policy: Policy): Verdict {
  const ownTeam = policy.intents[ai.intent]?.team ?? policy.defaults.fallback_team;
  if (ai.action === 'automate') {
    if (agent.team !== null && agent.team !== ownTeam && agent.team !== policy.defaults.fallback_team) return 'disagreed';
    return agent.solved ? 'agreed' : 'pending';
  }
  if (ai.action === 'handoff') {
    if (agent.team === null) return 'pending';
    return agent.team === ai.team ? 'agreed' : 'disagreed';
  }
  return agent.firstReplyMinutes === null ? (agent.solved ? 'agreed' : 'pending') : 'disagreed';
}

export async function shadowReport(store: Store, helpdesk: Pick<HelpdeskPort, 'reports' | 'selfUserId' | 'listGroups'>, opts: ShadowReportOptions): Promise<ShadowReport> {
  const attempts = await store.db
    .selectFrom('attempts')
    .select(['ticket_id', 'created_at', 'action', 'intent', 'confidence', 'team', 'reasons', 'reply'])
    .where('tenant_id', '=', opts.tenantId)
    .where('mode', '=', 'shadow')
    .where('created_at', '>=', opts.from)
    .where('created_at', '<', opts.to)
    .orderBy('id')
    .execute();
  const first = new Map<string, (typeof attempts)[number]>();
  for (const a of attempts) if (!first.has(a.ticket_id)) first.set(a.ticket_id, a);
  const chosen = [...first.values()].sort((a, b) => Number(b.created_at) - Number(a.created_at)).slice(0, opts.limit ?? 200);

  const groupNames = new Map((await helpdesk.listGroups()).map((g) => [g.id, g.name]));
  const teamOfGroup = new Map(Object.entries(opts.policy.groups).map(([team, name]) => [name.toLowerCase(), team]));
  const selfIds = new Set(opts.selfUserIds ?? [await helpdesk.selfUserId()]);

  const rows: ShadowRow[] = [];
  for (const a of chosen) {
    const ai = {
      action: a.action,
      intent: a.intent,
      confidence: Math.round(Number(a.confidence) * 1000) / 1000, // PostgreSQL real is single precision
      team: a.team,
      reasons: (JSON.parse(a.reasons) as { code: string }[]).map((r) => r.code),
      reply: a.reply,
    };
    const decidedAt = Number(a.created_at);
    try {
      const o = await readTicketOutcome(helpdesk, opts.tenantId, a.ticket_id, selfIds, Date.now());
      const group = o.group_id ? groupNames.get(o.group_id) ?? null : null;
      const agent = {
        status: o.status,
        group,
        team: group ? teamOfGroup.get(group.toLowerCase()) ?? null : null,
        firstReplyMinutes: o.first_human_reply_at === null ? null : Math.round((o.first_human_reply_at - decidedAt) / MINUTE),
        solved: o.status === 'solved' || o.status === 'closed',
      };
      rows.push({ ticketId: a.ticket_id, decidedAt: new Date(decidedAt).toISOString(), ai, agent, verdict: verdictOf(ai, agent, opts.policy) });
    } catch (err) {
      rows.push({ ticketId: a.ticket_id, decidedAt: new Date(decidedAt).toISOString(), ai, agent: null, verdict: 'unreadable', error: (err as Error).message });
    }
  }

  const intents = new Map<string, ShadowRow[]>();
  for (const r of rows) intents.set(r.ai.intent, [...(intents.get(r.ai.intent) ?? []), r]);
  const byIntent = [...intents].map(([intent, list]) => {
    const n = (v: Verdict) => list.filter((r) => r.verdict === v).length;
    const agreed = n('agreed');
    const disagreed = n('disagreed');
    return { intent, tickets: list.length, agreed, disagreed, pending: n('pending'), agreement: agreed + disagreed ? agreed / (agreed + disagreed) : null };
  });
  return { range: { from: new Date(opts.from).toISOString(), to: new Date(opts.to).toISOString() }, rows, byIntent: byIntent.sort((a, b) => b.tickets - a.tickets) };
}
