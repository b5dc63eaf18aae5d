/**
 * The integrations inside the real flow: an order lookup answers with the customer's own
 * tracking, a handoff notifies Slack with a link to the ticket, and a CRM that is down
 * neither stops triage nor silences escalation rules, and the reasons say so.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationsFromEnv } from '../../connector/src/integrations/from-env.js';
import { silentLogger } from '../../connector/src/logger.js';
import { HELPDESKS, publicComments, startStack, type Stack } from '../helpers/stack.js';

/** Where an agent opens a ticket, the link Slack carries (the agent-side ticket URL of each helpdesk). */
const AGENT_TICKET_PATH = { zendesk: '/agent/tickets/', freshdesk: '/a/tickets/' };

describe.each(HELPDESKS)('%s', (helpdesk) => {
  let stack: Stack;
  let fakes: Server;
  const slack: unknown[] = [];
  let crmCalls = 0;

  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.post('/slack', (req, res) => {
      slack.push(req.body);
      res.send('ok');
    });
    app.get('/lookup/orders/:number', (req, res) => {
      if (req.params.number !== 'NW-482913' || req.query.email !== 'lee.park@example.com') return void res.status(404).json({ error: 'not found' });
      res.json({ number: 'NW-482913', status: 'shipped', carrier: 'DHL', tracking_url: 'https://tracking.example.com/NW-482913', eta: '2026-11-27' });
    });
    app.use('/crm', (_req, res) => {
      crmCalls++;
      res.status(503).json({ status: 'error', message: 'maintenance' });
    });
    fakes = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    const base = `http://127.0.0.1:${(fakes.address() as AddressInfo).port}`;
    const integrations = await integrationsFromEnv(
      { BATON_CRM: 'hubspot', BATON_CRM_URL: `${base}/crm`, BATON_CRM_TOKEN: 'crm-token', BATON_SLACK_WEBHOOK_URL: `${base}/slack`, BATON_ORDER_LOOKUP_URL: `${base}/lookup` },
      silentLogger,
    );
    stack = await startStack({ helpdesk, integrations });
  });
  afterAll(async () => {
    await stack?.close();
    await new Promise<void>((r) => fakes.close(() => r()));
  });

  describe('integrations in the flow', () => {
    it("answers an order question with the customer's own order, from the order lookup", async () => {
      const id = stack.sandbox.inbound({ requester: { name: 'Lee Park', email: 'lee.park@example.com' }, subject: 'Order NW-482913', body: 'Hi, where is my order NW-482913? I ordered last week.', channel: 'web' }).ticket.id;
      await stack.settle();
      const reply = publicComments(stack.sandbox, id).find((c) => c.authorId === stack.sandbox.apiUser.id)!;
      expect(reply.body).toMatch(/has shipped with DHL/);
      expect(reply.body).toContain('https://tracking.example.com/NW-482913');
    });

    it('notifies Slack of a handoff, and the CRM outage is in the reasons while escalation still fires', async () => {
      const before = slack.length;
      const id = stack.sandbox.inbound({ requester: { name: 'Mo Diaz', email: 'mo.diaz@example.com' }, subject: 'Refund', body: 'I demand a refund for the double charge on my card, this is unacceptable.', channel: 'email' }).ticket.id;
      await stack.settle();
      for (let i = 0; i < 100 && slack.length === before; i++) await new Promise((r) => setTimeout(r, 50)); // the notify job runs after the handoff
      expect(stack.sandbox.state.getTicket(id)!.tags).toContain('baton_handoff');
      expect(slack.length).toBe(before + 1);
      const text = JSON.stringify(slack.at(-1));
      expect(text).toContain(`${AGENT_TICKET_PATH[helpdesk]}${id}`);
      expect(text).not.toContain('mo.diaz@example.com'); // no e-mail addresses in Slack
      expect(crmCalls).toBeGreaterThan(0);
      const [attempt] = await stack.db.store.db.selectFrom('attempts').select('reasons').where('ticket_id', '=', String(id)).execute();
      expect(attempt!.reasons).toMatch(/CRM unavailable/);
    });
  });
});
