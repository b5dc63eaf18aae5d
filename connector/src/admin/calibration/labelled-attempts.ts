/**
 * Decisions with what agents said about them. Each flag in `feedback` judges one attempt: the
 * one it names, or else the ticket's latest decision made before the flag. Live and shadow
 * decisions both count: a shadow decision records the same intent and confidence, and agents
 * flag what Baton would have done.
 */
import type { Store } from '../../store/db.js';

export type FlagKind = 'should_have_automated' | 'wrong_answer' | 'wrong_team' | 'other';
export const FLAG_KINDS: FlagKind[] = ['should_have_automated', 'wrong_answer', 'wrong_team', 'other'];

export interface LabelledAttempt {
  id: number;
  tenantId: string;
  ticketId: string;
  createdAt: number;
  action: 'automate' | 'handoff';
  intent: string;
  confidence: number;
  mode: string;
  /** Reason codes of the decision. */
  reasons: string[];
  flags: FlagKind[];
}

export interface CalibrationRange {
  from: number;
  to: number;
  tenantId?: string;
}

export async function loadLabelledAttempts(store: Store, range: CalibrationRange): Promise<LabelledAttempt[]> {
  let attemptsQ = store.db
    .selectFrom('attempts')
    .select(['id', 'tenant_id', 'ticket_id', 'created_at', 'action', 'intent', 'confidence', 'mode', 'reasons'])
    .where('action', 'in', ['automate', 'handoff'])
    // Timer escalations carry no intent confidence of their own.
    .where('engine', '!=', 'timer')
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to);
  let flagsQ = store.db.selectFrom('feedback').select(['tenant_id', 'ticket_id', 'attempt_id', 'kind', 'created_at']).where('created_at', '>=', range.from);
  if (range.tenantId !== undefined) {
    attemptsQ = attemptsQ.where('tenant_id', '=', range.tenantId);
    flagsQ = flagsQ.where('tenant_id', '=', range.tenantId);
  }
  const [rows, flags] = await Promise.all([attemptsQ.orderBy('id').execute(), flagsQ.execute()]);
  const attempts: LabelledAttempt[] = rows.map((r) => ({
    id: Number(r.id),
    tenantId: r.tenant_id,
    ticketId: r.ticket_id,
    createdAt: Number(r.created_at),
    action: r.action as LabelledAttempt['action'],
    intent: r.intent,
    // PostgreSQL's `real` is single precision (0.84 reads back as 0.8399999737); decisions are
    // rounded to 3 decimals when made, so rounding restores the recorded value on both backends.
    confidence: Math.round(Number(r.confidence) * 1000) / 1000,
    mode: r.mode,
    reasons: reasonCodes(r.reasons),
    flags: [],
  }));
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const byTicket = new Map<string, LabelledAttempt[]>();
  for (const a of attempts) {
    const k = `${a.tenantId}\u0000${a.ticketId}`;
    byTicket.set(k, [...(byTicket.get(k) ?? []), a]);
  }
  for (const f of flags) {
    const kind = (FLAG_KINDS as string[]).includes(f.kind) ? (f.kind as FlagKind) : 'other';
    const target =
      f.attempt_id !== null
        ? byId.get(Number(f.attempt_id))
        : (byTicket.get(`${f.tenant_id}\u0000${f.ticket_id}`) ?? []).filter((a) => a.createdAt <= Number(f.created_at)).at(-1);
    target?.flags.push(kind);
  }
  return attempts;
}

function reasonCodes(json: string): string[] {
  try {
    const parsed = JSON.parse(json) as { code?: unknown }[];
    return parsed.map((r) => String(r.code));
  } catch {
    return [];
  }
}
