/**
 * A write Freshdesk refuses after the text went out: Freshdesk takes text (/reply, /notes) and
 * properties (PUT) in separate calls, text first, so when the PUT is refused (a field
 * required to resolve, an agent who cannot take the ticket) the reply or note is already
 * there. The write without the refused part must not post the same text a second time. (A
 * note that changes to say why, "Assignment refused", is a second note: the first stays.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBack, type WriteBackInput } from '../../connector/src/handoff/writeback.js';
import { FreshdeskHelpdesk } from '../../connector/src/helpdesk/freshdesk/helpdesk.js';
import { PLAN_LIMITS } from '../../connector/src/helpdesk/freshdesk/rate-plan.js';
import { SANDBOX_GROUPS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { ticketTags } from '../../connector/src/ticket-tags.js';
import type { Decision } from '../../connector/src/triage/types.js';

let sandbox: Sandbox;
let helpdesk: FreshdeskHelpdesk;
const tags = ticketTags();
beforeAll(async () => {
  sandbox = await startSandbox({ helpdesk: 'freshdesk', apiKey: 'refusals-key', rateLimitPerMinute: 100_000 });
  helpdesk = FreshdeskHelpdesk.connect({ baseUrl: sandbox.url, apiKey: 'refusals-key', limits: PLAN_LIMITS['addon-2000'], maxRetries: 0 });
});
afterAll(async () => sandbox?.close());

const base: Omit<Decision, 'action' | 'intent' | 'team'> = { confidence: 0.9, sentiment: { score: 0, label: 'neutral', trend: 0 }, language: 'en', priority: 'normal', tags: [], reasons: [], mode: 'live', engine: 'local' };
const input = (ticketId: number, decision: Decision, extra: Partial<WriteBackInput> = {}): WriteBackInput => ({
  eventId: `evt-fd-${ticketId}`,
  ticketId: String(ticketId),
  decision,
  helpdesk: helpdesk.scoped(),
  tags,
  recovering: false,
  customer: { name: 'Sam Rivera', locale: 'en-US' },
  message: 'help',
  earlierAttempts: 0,
  automatedStatus: 'pending',
  ...extra,
});

describe('Freshdesk refuses part of a write', () => {
  it('a refused resolve: the answer is posted once and the ticket stays unresolved', async () => {
    const answer = 'Your parcel left our warehouse yesterday.';
    const ticketId = sandbox.inbound({ requester: { email: 'sam@acmebakery.example' }, subject: 'Parcel', body: 'Has my parcel left?' }).ticket.id;
    // A custom field the account requires before resolving, which Baton does not fill.
    sandbox.state.requiredToSolve.set(360_000_778, 'Resolution code');
    const written = await writeBack(input(ticketId, { ...base, action: 'automate', intent: 'order_status', team: null, reply: answer }, { automatedStatus: 'solved' })).finally(() => sandbox.state.requiredToSolve.clear());
    expect(written.refused).toBe('solve');
    expect(sandbox.state.getTicket(ticketId)!.status).not.toBe('solved');
    expect(sandbox.state.commentsFor(ticketId).filter((c) => c.public && c.body.includes(answer))).toHaveLength(1);
  });

  it('a refused assignment: the group keeps the ticket unassigned, one wait message that names nobody', async () => {
    const id = sandbox.inbound({ requester: { email: 'sam@acmebakery.example' }, subject: 'Crash', body: 'Export fails' }).ticket.id;
    const decision: Decision = { ...base, action: 'handoff', intent: 'bug_report', team: 'product_support' };
    // A roster that says Freshdesk has an agent it does not know: the PUT is refused.
    const routing = { team: 'product_support', groupId: String(SANDBOX_GROUPS.product.id), agent: { id: '987654321', name: 'Ghost Agent', skills: [], capacity: 10, open: 0 }, estimate: { online: true as const, minutes: 30 } };
    const result = await writeBack(input(id, decision, { routing }));
    expect(result.refused).toBe('assignment');
    expect(sandbox.state.getTicket(id)).toMatchObject({ groupId: SANDBOX_GROUPS.product.id, assigneeId: null });
    expect(sandbox.state.commentsFor(id).filter((c) => !c.public).at(-1)!.body).toContain('Assignment refused');
    const toCustomer = sandbox.state.commentsFor(id).filter((c) => c.public && c.authorId === sandbox.apiUser.id);
    expect(toCustomer).toHaveLength(1);
    expect(toCustomer[0]!.body).not.toContain('Ghost');
  });
});
