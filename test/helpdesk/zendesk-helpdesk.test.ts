/**
 * The Zendesk adapter of the helpdesk port against the sandbox (real HTTP): neutral ids,
 * tags added and removed without losing an agent's, and a change with a note and a reply
 * written as two updates (Zendesk takes one comment per update), the note first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateBudget } from '../../connector/src/helpdesk/rate-budget.js';
import { ZendeskGateway } from '../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';

let sandbox: Sandbox;
let helpdesk: ZendeskHelpdesk;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimitPerMinute: 100_000 });
  helpdesk = new ZendeskHelpdesk(new ZendeskGateway({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 100_000, maxRetries: 0 }, new RateBudget(60_000)));
});
afterAll(async () => sandbox?.close());

describe('Zendesk helpdesk adapter', () => {
  it('reads a ticket with string ids', async () => {
    const id = sandbox.inbound({ requester: { email: 'ids@example.com' }, subject: 'Hello', body: 'Where is my order?' }).ticket.id;
    const t = await helpdesk.getTicket(String(id));
    expect(t.id).toBe(String(id));
    expect(typeof t.requesterId).toBe('string');
    expect(t.subject).toBe('Hello');
  });

  it('adds and removes tags against the fresh ticket, keeping tags it did not name', async () => {
    const id = String(sandbox.inbound({ requester: { email: 'tags@example.com' }, subject: 'Tags', body: 'x' }).ticket.id);
    await helpdesk.gateway.updateTicket(id, { tags: ['vip_customer', 'baton_handoff'] });
    const t = await helpdesk.updateTicket(id, () => ({ tags: { add: ['baton_returned'], remove: ['baton_handoff'] } }));
    expect(t.tags).toEqual(expect.arrayContaining(['vip_customer', 'baton_returned']));
    expect(t.tags).not.toContain('baton_handoff');
  });

  it('writes a change with an internal note and a public reply as two updates, note first', async () => {
    const id = sandbox.inbound({ requester: { email: 'split@example.com' }, subject: 'Split', body: 'Help' }).ticket.id;
    const before = sandbox.state.commentsFor(id).length;
    const scoped = helpdesk.scoped();
    const t = await scoped.updateTicket(String(id), () => ({ internalNote: 'for agents', publicReply: 'for the customer', priority: 'high', tags: { add: ['x_marker'] } }));
    const added = sandbox.state.commentsFor(id).slice(before).map((c) => ({ body: c.body, public: c.public }));
    expect(added).toEqual([
      { body: 'for agents', public: false },
      { body: 'for the customer', public: true },
    ]);
    expect(t.priority).toBe('high');
    expect(t.tags).toContain('x_marker');
    // One read (no known ticket) and two writes.
    expect(scoped.calls).toBe(3);
  });
});
