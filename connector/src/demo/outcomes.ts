/**
 * What happened to each demo ticket, read back from the connector's store and the
 * sandbox helpdesk (the ticket as an agent would see it in the morning).
 */
import type { Sandbox } from '../sandbox/index.js';
import type { Store } from '../store/db.js';
import type { InboxTicket } from './inbox/index.js';

export interface TicketOutcome {
  key: string;
  ticket_id: number;
  subject: string;
  expected: InboxTicket['expected'];
  /** The language the inbox wrote the ticket in. */
  language: string;
  intent: string | null;
  confidence: number | null;
  action: string;
  mode: string | null;
  team: string | null;
  group: string | null;
  status: string;
  priority: string | null;
  tags: string[];
  reasons: string[];
  /** The stable codes of `reasons` (low_confidence, out_of_scope ...), for counting why. */
  reason_codes: string[];
  /** The customer message the deciding attempt read (the first message, or the follow-up that was handed off). */
  decided_on: string;
  comments: { public: boolean; author: string; body: string }[];
  api_calls: number;
}

export async function collectOutcomes(store: Store, sandbox: Sandbox, tenantId: string, delivered: { ticket: InboxTicket; id: number }[]): Promise<TicketOutcome[]> {
  const attempts = await store.db.selectFrom('attempts').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
  const byTicket = new Map<string, (typeof attempts)[number][]>();
  for (const a of attempts) byTicket.set(a.ticket_id, [...(byTicket.get(a.ticket_id) ?? []), a]);
  const apiCalls = sandbox.stats().byTicket;
  return delivered.map(({ ticket, id }) => {
    const zd = sandbox.state.getTicket(id)!;
    const mine = byTicket.get(String(id)) ?? [];
    // The first decision says what the night did with the ticket; later ones are follow-ups.
    const first = mine[0];
    const handed = mine.find((a) => a.action === 'handoff');
    const main = handed ?? first;
    const reasons = main ? (JSON.parse(main.reasons) as { code: string; text: string }[]) : [];
    return {
      key: ticket.key,
      ticket_id: id,
      subject: zd.subject,
      expected: ticket.expected,
      language: ticket.language,
      intent: main?.intent ?? null,
      confidence: main ? Math.round(main.confidence * 1000) / 1000 : null,
      action: main ? (main.mode === 'shadow' ? 'shadow' : main.action) : 'none',
      mode: main?.mode ?? null,
      team: main?.team ?? null,
      group: zd.groupId ? sandbox.state.getGroup(zd.groupId)?.name ?? null : null,
      status: zd.status,
      priority: zd.priority,
      tags: zd.tags,
      reasons: reasons.map((r) => r.text),
      reason_codes: reasons.map((r) => r.code),
      decided_on: main?.customer_message ?? '',
      comments: sandbox.state.commentsFor(id).map((c) => ({ public: c.public, author: sandbox.state.getUser(c.authorId)?.name ?? String(c.authorId), body: c.body })),
      api_calls: Object.values(apiCalls[String(id)] ?? {}).reduce((a, b) => a + b, 0),
    };
  });
}
