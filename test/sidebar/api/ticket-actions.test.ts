/**
 * The ticket sidebar's API over real HTTP: what Baton did on a ticket, giving it back to
 * automation (checked in the sandbox helpdesk), and flagging a mistake (checked in the store).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_AGENTS } from '../../../connector/src/sandbox/index.js';
import { getTicketState } from '../../../connector/src/store/tickets.js';
import { bearer } from '../helpers/app-token.js';
import { startApiFixture, tenantOf, type ApiFixture } from '../helpers/api-fixture.js';
import { decision, seedTicket } from '../helpers/seed.js';
import { HELPDESKS } from '../../helpers/stack.js';

describe.each(HELPDESKS)('%s', (helpdesk) => {
  const TENANT = tenantOf('acme', helpdesk);
  let f: ApiFixture;
  let handedOff: string;
  let earlier: string;
  let automated: string;
  const t0 = Date.parse('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    f = await startApiFixture(helpdesk);
    const maya = { email: 'maya.lin@northwind.example', name: 'Maya Lin' };
    earlier = String(f.sandbox.inbound({ requester: maya, body: 'How do I export my invoices?' }).ticket.id);
    handedOff = String(f.sandbox.inbound({ requester: maya, body: 'Where is my refund?' }).ticket.id);
    automated = String(f.sandbox.inbound({ requester: { email: 'sam@acmebakery.example', name: 'Sam Rivera' }, body: 'Reset my password' }).ticket.id);
    const requesterId = String(f.sandbox.state.getTicket(Number(handedOff))!.requesterId);
    await seedTicket(f.db.store, {
      tenantId: TENANT,
      ticketId: earlier,
      state: 'ai',
      requesterId,
      subject: 'Exporting invoices',
      attempts: [{ decision: decision({ action: 'automate', intent: 'how_to', confidence: 0.93, team: null, reasons: [{ code: 'automatable_confident', text: 'how_to at 0.93' }], reply: 'Go to Billing > Export.', summary: undefined }), message: 'How do I export my invoices?', at: t0 - 86_400_000 }],
    });
    await seedTicket(f.db.store, {
      tenantId: TENANT,
      ticketId: handedOff,
      state: 'handed_off',
      requesterId,
      subject: 'Where is my refund?',
      attempts: [
        { decision: decision({ action: 'automate', intent: 'billing_question', confidence: 0.9, team: null, reasons: [{ code: 'automatable_confident', text: 'billing_question at 0.90' }], reply: 'Refunds take 5-7 days.', summary: undefined, sentiment: { score: -0.1, label: 'neutral', trend: 0 } }), message: 'Where is my refund?', at: t0 },
        { decision: decision(), message: "I've tried that already. This is terrible.", at: t0 + 600_000 },
      ],
    });
    await seedTicket(f.db.store, {
      tenantId: TENANT,
      ticketId: automated,
      state: 'ai',
      subject: 'Reset my password',
      attempts: [{ decision: decision({ action: 'automate', intent: 'password_reset', confidence: 0.97, team: null, reasons: [], reply: 'Here is the link.' }), message: 'Reset my password', at: t0 }],
    });
  });
  afterAll(() => f?.close());

  describe('GET /api/sidebar/tickets/:id', () => {
    it('shows state, the latest decision, every attempt, the customer and earlier conversations', async () => {
      const res = await request(f.app).get(`/api/sidebar/tickets/${handedOff}`).set('Authorization', await bearer());
      expect(res.status).toBe(200);
      const v = res.body;
      expect(v.ticket).toMatchObject({ id: handedOff, state: 'handed_off', team: 'finance', intent: 'billing_question' });
      expect(v.decision.reasons.map((r: { code: string }) => r.code)).toEqual(['low_confidence', 'negative_sentiment']);
      expect(v.decision.summary).toMatch(/double-charged/);
      expect(v.timeline).toHaveLength(2);
      expect(v.timeline[0]).toMatchObject({ action: 'automate', intent: 'billing_question', confidence: 0.9, playbook: 'billing_question', messageSent: 'Refunds take 5-7 days.', at: new Date(t0).toISOString() });
      expect(v.timeline[1]).toMatchObject({ action: 'handoff', team: 'finance', messageSent: null, sentiment: { label: 'negative' } });
      expect(v.timeline[1].customerMessage).toMatch(/tried that already/);
      // Northwind Logistics in the sandbox: tags vip+enterprise, plan enterprise, ARR 480k.
      expect(v.customer).toMatchObject({ name: 'Maya Lin', organization: 'Northwind Logistics', vip: true, plan: 'enterprise', arr: 480000 });
      expect(v.customerError).toBeNull();
      expect(v.earlierConversations).toEqual([expect.objectContaining({ ticketId: earlier, state: 'automated', intent: 'how_to', attempts: 1, subject: 'Exporting invoices' })]);
      expect(v.canReturn).toEqual({ allowed: true, code: null, reason: null });
    });

    it('says why return does not apply to an automated ticket', async () => {
      const res = await request(f.app).get(`/api/sidebar/tickets/${automated}`).set('Authorization', await bearer());
      expect(res.body.ticket.state).toBe('automated');
      expect(res.body.canReturn.allowed).toBe(false);
      expect(res.body.canReturn.code).toBe('already_automated');
      expect(res.body.canReturn.reason).toMatch(/already handling/);
      expect(res.body.customer).toMatchObject({ organization: 'Acme Bakery', vip: false, plan: 'starter' });
    });

    it('still shows the timeline when Zendesk cannot be read, and says so', async () => {
      f.sandbox.injectFault({ status: 500, count: 1, path: `/api/v2/tickets/${automated}` });
      const res = await request(f.app).get(`/api/sidebar/tickets/${automated}`).set('Authorization', await bearer());
      f.sandbox.clearFaults();
      expect(res.status).toBe(200);
      expect(res.body.timeline).toHaveLength(1);
      expect(res.body.customer).toBeNull();
      expect(res.body.customerError).toMatch(/Zendesk could not be read/);
    });

    it('answers 404 for a ticket Baton never saw and 400 for a malformed id', async () => {
      const unknown = await request(f.app).get('/api/sidebar/tickets/999999').set('Authorization', await bearer());
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toMatch(/no record of ticket 999999/);
      const bad = await request(f.app).get('/api/sidebar/tickets/abc').set('Authorization', await bearer());
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'BAD_REQUEST' });
    });
  });

  describe('POST /api/sidebar/tickets/:id/return', () => {
    it('refuses with a clear reason when the ticket is not handed off', async () => {
      const res = await request(f.app).post(`/api/sidebar/tickets/${automated}/return`).set('Authorization', await bearer()).send({});
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('NOT_HANDED_OFF');
      // The code and why, for the app to say in the agent's language; the English for API readers.
      expect(res.body.error.params).toEqual({ reason: 'already_automated' });
      expect(res.body.error.message).toMatch(new RegExp(`Ticket ${automated} is not handed off`));
    });

    it('keeps the ticket handed off when Zendesk refuses the update', async () => {
      f.sandbox.injectFault({ status: 500, count: 1, path: `/api/v2/tickets/${handedOff}` });
      const res = await request(f.app).post(`/api/sidebar/tickets/${handedOff}/return`).set('Authorization', await bearer()).send({ note: 'x' });
      f.sandbox.clearFaults();
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe('HELPDESK_FAILED');
      expect((await getTicketState(f.db.store, TENANT, handedOff))!.state).toBe('handed_off');
    });

    it('swaps the tags, adds an internal note saying who and why, and records the state', async () => {
      // An agent's own change to the tags: the return must keep what is not Baton's.
      f.sandbox.agentUpdate(Number(handedOff), SANDBOX_AGENTS.marcus.id, { tags: ['baton_handoff', 'baton_return_to_ai', 'vip_customer'] });
      const res = await request(f.app)
        .post(`/api/sidebar/tickets/${handedOff}/return`)
        .set('Authorization', await bearer({ agentId: '4242', agentName: 'Grace Hopper' }))
        .send({ note: 'Refund already issued; the standard reply is enough.' });
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('returned');
      const after = f.sandbox.state.getTicket(Number(handedOff))!;
      expect(after.tags).toContain('baton_returned');
      expect(after.tags).not.toContain('baton_handoff');
      expect(after.tags).not.toContain('baton_return_to_ai');
      expect(after.tags).toContain('vip_customer');
      const note = f.sandbox.state.commentsFor(Number(handedOff)).at(-1)!;
      expect(note.public).toBe(false);
      expect(note.body).toMatch(/Returned to automation by Grace Hopper \(agent 4242\)/);
      expect(note.body).toMatch(/Refund already issued/);
      expect((await getTicketState(f.db.store, TENANT, handedOff))).toMatchObject({ state: 'returned', ai_message_count: 0 });

      const again = await request(f.app).post(`/api/sidebar/tickets/${handedOff}/return`).set('Authorization', await bearer()).send({});
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/Already returned/);
    });

    it('validates the body', async () => {
      const res = await request(f.app).post(`/api/sidebar/tickets/${automated}/return`).set('Authorization', await bearer()).send({ note: 'x'.repeat(1001) });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/note must be at most 1000 characters/);
    });
  });

  describe('POST /api/sidebar/tickets/:id/flags', () => {
    it('stores a flag against the latest attempt and lists it for review', async () => {
      const res = await request(f.app)
        .post(`/api/sidebar/tickets/${automated}/flags`)
        .set('Authorization', await bearer({ agentId: '77' }))
        .send({ kind: 'wrong_answer', comment: 'Customer uses SSO; a reset link does not apply.' });
      expect(res.status).toBe(201);
      const rows = await f.db.store.db.selectFrom('feedback').selectAll().where('ticket_id', '=', automated).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ tenant_id: TENANT, kind: 'wrong_answer', agent_id: '77', comment: 'Customer uses SSO; a reset link does not apply.' });
      expect(rows[0]!.attempt_id).toBe(res.body.flag.attemptId);

      const list = await request(f.app).get('/api/analytics/flags').set('Authorization', await bearer());
      expect(list.body.flags[0]).toMatchObject({ ticketId: automated, kind: 'wrong_answer', subject: 'Reset my password', attempt: { intent: 'password_reset', action: 'automate' } });
      const other = await request(f.app).get('/api/analytics/flags').set('Authorization', await bearer({ account: 'globex' }));
      expect(other.body.flags).toEqual([]);
    });

    it('refuses an unknown kind and an attempt of another ticket, with the reason', async () => {
      const kind = await request(f.app).post(`/api/sidebar/tickets/${automated}/flags`).set('Authorization', await bearer()).send({ kind: 'rude' });
      expect(kind.status).toBe(400);
      expect(kind.body.error.message).toMatch(/kind must be one of should_have_automated, wrong_answer, wrong_team, other/);
      const attempt = await request(f.app).post(`/api/sidebar/tickets/${automated}/flags`).set('Authorization', await bearer()).send({ kind: 'other', attemptId: 99999 });
      expect(attempt.status).toBe(400);
      const json = await request(f.app).post(`/api/sidebar/tickets/${automated}/flags`).set('Authorization', await bearer()).set('Content-Type', 'application/json').send('{"kind":');
      expect(json.status).toBe(400);
      expect(json.body.error.code).toBe('BAD_REQUEST');
    });
  });
});
