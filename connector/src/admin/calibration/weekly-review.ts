/**
 * The weekly review: the week's escalations grouped by why Baton escalated (the reason codes
 * recorded on each handoff), with a few examples each, and the agents' flags of the week.
 * A ticket escalated for two reasons counts under both.
 */
import type { Store } from '../../store/db.js';
import { INFO_REASON_CODES } from '../reason-codes.js';
import { DAY, WEEK, weekStart } from '../time.js';

export interface ReviewExample {
  ticketId: string;
  intent: string;
  confidence: number;
  team: string | null;
  /** The reason as the agent saw it. */
  reason: string;
  /** Start of the customer's message. */
  message: string;
}

export interface ReviewGroup {
  reason: string;
  escalations: number;
  /** Share of the week's escalations with this reason. */
  share: number;
  intents: { intent: string; count: number }[];
  examples: ReviewExample[];
}

export interface WeeklyReview {
  weekStart: string;
  escalations: number;
  groups: ReviewGroup[];
  flags: Record<string, number>;
}

export async function weeklyReview(store: Store, opts: { tenantId?: string; week?: number; examples?: number } = {}): Promise<WeeklyReview> {
  const start = Date.parse(`${weekStart(opts.week ?? Date.now() - 7 * DAY)}T00:00:00Z`);
  const end = start + WEEK;
  let q = store.db
    .selectFrom('attempts')
    .select(['ticket_id', 'intent', 'confidence', 'team', 'reasons', 'customer_message'])
    .where('action', '=', 'handoff')
    .where('mode', '=', 'live')
    .where('created_at', '>=', start)
    .where('created_at', '<', end);
  let fq = store.db.selectFrom('feedback').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).where('created_at', '>=', start).where('created_at', '<', end).groupBy('kind');
  if (opts.tenantId !== undefined) {
    q = q.where('tenant_id', '=', opts.tenantId);
    fq = fq.where('tenant_id', '=', opts.tenantId);
  }
  const [rows, flagRows] = await Promise.all([q.orderBy('id').execute(), fq.execute()]);
  const groups = new Map<string, { rows: typeof rows; examples: ReviewExample[] }>();
  for (const r of rows) {
    let reasons: { code: string; text: string }[] = [];
    try {
      reasons = JSON.parse(r.reasons) as { code: string; text: string }[];
    } catch {
      reasons = [{ code: 'unrecorded', text: 'reasons could not be read' }];
    }
    for (const reason of reasons.filter((x) => !INFO_REASON_CODES.has(x.code))) {
      const g = groups.get(reason.code) ?? { rows: [], examples: [] };
      g.rows.push(r);
      if (g.examples.length < (opts.examples ?? 3)) {
        g.examples.push({ ticketId: r.ticket_id, intent: r.intent, confidence: Math.round(Number(r.confidence) * 1000) / 1000, team: r.team, reason: reason.text, message: r.customer_message.replace(/\s+/g, ' ').slice(0, 160) });
      }
      groups.set(reason.code, g);
    }
  }
  return {
    weekStart: new Date(start).toISOString().slice(0, 10),
    escalations: rows.length,
    groups: [...groups]
      .map(([reason, g]) => {
        const counts = new Map<string, number>();
        for (const r of g.rows) counts.set(r.intent, (counts.get(r.intent) ?? 0) + 1);
        return {
          reason,
          escalations: g.rows.length,
          share: rows.length ? g.rows.length / rows.length : 0,
          intents: [...counts].map(([intent, count]) => ({ intent, count })).sort((a, b) => b.count - a.count),
          examples: g.examples,
        };
      })
      .sort((a, b) => b.escalations - a.escalations || a.reason.localeCompare(b.reason)),
    flags: Object.fromEntries(flagRows.map((f) => [f.kind, Number(f.n)])),
  };
}
