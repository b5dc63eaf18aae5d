/**
 * The sandbox's Freshdesk face over real HTTP: the same in-memory helpdesk as the Zendesk
 * face, spoken as Freshdesk's API v2. Shapes are compared with the samples in
 * ../shared/freshdesk/examples; bodies are held to a strict contract; automation rules fire
 * the webhook.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, SANDBOX_AGENTS, SANDBOX_END_USERS, SANDBOX_GROUPS, SANDBOX_ORGANIZATIONS, type Sandbox } from '../../connector/src/sandbox/index.js';
import { automationRuleCreate, noteCreate, replyCreate, ticketCreate, ticketUpdate } from '../../connector/src/sandbox/freshdesk/contract.js';

// The reference samples are copied into the repository (a plain clone has no ../shared); when the
// shared folder is present, a test below checks the copies still match it.
const SHARED = process.env.BATON_SHARED_DIR ?? join(import.meta.dirname, '../../../shared');
const SHARED_SAMPLES = join(SHARED, 'freshdesk/examples/api-reference');
const SAMPLES = join(import.meta.dirname, '../fixtures/freshdesk/examples/api-reference');
const sample = (name: string) => JSON.parse(readFileSync(join(SAMPLES, name), 'utf8')) as unknown;

let sandbox: Sandbox;
let auth: string;
const received: Array<{ headers: Record<string, unknown>; body: string }> = [];
let hook: Server;
let hookUrl: string;

beforeAll(async () => {
  sandbox = await startSandbox({ helpdesk: 'freshdesk', apiKey: 'fd-key-123' });
  auth = `Basic ${Buffer.from('fd-key-123:X').toString('base64')}`;
  const app = express();
  app.use(express.text({ type: '*/*' }));
  app.post('/hook', (req, res) => {
    received.push({ headers: req.headers, body: req.body as string });
    res.status(200).end();
  });
  hook = await new Promise<Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await sandbox.close();
  await new Promise<void>((r) => hook.close(() => r()));
});

const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(sandbox.url + path, {
    method,
    headers: { Authorization: auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as any) : undefined };
};

const keys = (o: unknown) => Object.keys(o as object).sort();

describe('the Freshdesk reference samples copied into the repository', () => {
  it.skipIf(!existsSync(SHARED_SAMPLES))('match the shared reference folder file for file, byte for byte', () => {
    expect(readdirSync(SAMPLES).sort()).toEqual(readdirSync(SHARED_SAMPLES).sort());
    for (const name of readdirSync(SHARED_SAMPLES)) expect(readFileSync(join(SAMPLES, name), 'utf8'), name).toBe(readFileSync(join(SHARED_SAMPLES, name), 'utf8'));
  });
});

describe('Freshdesk face of the sandbox', () => {
  it('authenticates with the API key as the Basic user name and refuses anything else', async () => {
    expect((await api('GET', '/api/v2/agents/me')).status).toBe(200);
    const bad = await api('GET', '/api/v2/agents/me', undefined, { Authorization: `Basic ${Buffer.from('wrong:X').toString('base64')}` });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('invalid_credentials');
  });

  it('shows a ticket with the key set of the reference sample, numbers for status, priority and source', async () => {
    const change = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Where is my order #1234?' });
    const res = await api('GET', `/api/v2/tickets/${change.ticket.id}`);
    expect(res.status).toBe(200);
    for (const k of keys(sample('ticket-view.response.json'))) expect(res.body).toHaveProperty(k);
    expect(res.body).toMatchObject({ status: 2, priority: 1, source: 1, requester_id: SANDBOX_END_USERS.sam.id, responder_id: null, description_text: 'Where is my order #1234?' });
    expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(res.headers.get('x-ratelimit-used-currentrequest')).toBe('1');
  });

  it('charges embeds: include=requester,company costs three credits', async () => {
    const change = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.maya.email }, body: 'Hello' });
    const res = await api('GET', `/api/v2/tickets/${change.ticket.id}?include=requester,company`);
    expect(res.headers.get('x-ratelimit-used-currentrequest')).toBe('3');
    expect(res.body.requester.email).toBe(SANDBOX_END_USERS.maya.email);
    expect(res.body.company.id).toBe(SANDBOX_ORGANIZATIONS.northwind.id);
  });

  it('accepts every request sample of the reference and refuses unknown fields with invalid_field', async () => {
    expect(ticketCreate.safeParse(sample('ticket-create.request.json')).success).toBe(true);
    expect(ticketUpdate.safeParse(sample('ticket-update.request.json')).success).toBe(true);
    expect(replyCreate.safeParse(sample('reply-create.request.json')).success).toBe(true);
    expect(noteCreate.safeParse(sample('note-create.request.json')).success).toBe(true);
    expect(automationRuleCreate.safeParse(sample('automation-rule-create.request.json')).success).toBe(true);
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.omar.email }, body: 'Hi' }).ticket;
    const res = await api('PUT', `/api/v2/tickets/${t.id}`, { status: 3, assignee_id: 5 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ description: 'Validation failed', errors: [{ field: 'assignee_id', message: 'Unexpected/invalid field in request', code: 'invalid_field' }] });
    const comment = await api('PUT', `/api/v2/tickets/${t.id}`, { comment: { body: 'x' } });
    expect(comment.status).toBe(400); // no comment inside a Freshdesk ticket update
    const badStatus = await api('PUT', `/api/v2/tickets/${t.id}`, { status: 9 });
    expect(badStatus.body.errors[0]).toMatchObject({ field: 'status', code: 'invalid_value' });
    const wrongType = await api('PUT', `/api/v2/tickets/${t.id}`, { tags: null });
    expect(wrongType.body.errors[0]).toMatchObject({ field: 'tags', code: 'datatype_mismatch' });
  });

  it('replaces the tag list on update, assigns with responder_id and group_id, and keeps a custom status', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Refund please' }).ticket;
    await api('PUT', `/api/v2/tickets/${t.id}`, { tags: ['a', 'b'] });
    const res = await api('PUT', `/api/v2/tickets/${t.id}`, { tags: ['c'], status: 6, priority: 3, group_id: SANDBOX_GROUPS.finance.id, responder_id: SANDBOX_AGENTS.marcus.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tags: ['c'], status: 6, priority: 3, group_id: SANDBOX_GROUPS.finance.id, responder_id: SANDBOX_AGENTS.marcus.id });
    expect(sandbox.state.getTicket(t.id)!.assigneeId).toBe(SANDBOX_AGENTS.marcus.id); // one helpdesk behind both faces
    const fields = await api('GET', '/api/v2/ticket_fields');
    expect(fields.body.find((f: { name: string }) => f.name === 'status').choices['6'][0]).toBe('Waiting on Customer');
  });

  it('posts a public reply through /reply and a private note through /notes, listed as conversations', async () => {
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Need help' }).ticket;
    const reply = await api('POST', `/api/v2/tickets/${t.id}/reply`, { body: '<p>On it</p>' });
    expect(reply.status).toBe(201);
    for (const k of keys(sample('reply-create.response.json'))) expect(reply.body).toHaveProperty(k);
    expect(reply.body.replied_to).toEqual([SANDBOX_END_USERS.sam.email]);
    const note = await api('POST', `/api/v2/tickets/${t.id}/notes`, { body: '<p>internal</p>' });
    expect(note.status).toBe(201);
    for (const k of keys(sample('note-create.response.json'))) expect(note.body).toHaveProperty(k);
    expect(note.body.private).toBe(true); // private is the default
    sandbox.customerReply(t.id, 'Thanks!');
    const convs = await api('GET', `/api/v2/tickets/${t.id}/conversations`);
    for (const k of keys((sample('conversations.list.response.json') as unknown[])[0])) expect(convs.body[0]).toHaveProperty(k);
    expect(convs.body.map((c: any) => [c.source, c.private, c.incoming])).toEqual([
      [0, false, false],
      [2, true, false],
      [0, false, true],
    ]);
  });

  it('pages with per_page ≤ 100 and a Link header only when there is a next page', async () => {
    const first = await api('GET', '/api/v2/agents?per_page=5');
    expect(first.body).toHaveLength(5);
    expect(first.headers.get('link')).toMatch(/page=2.*rel="next"/);
    const all = await api('GET', '/api/v2/agents?per_page=100');
    expect(all.headers.get('link')).toBeNull();
    expect((await api('GET', '/api/v2/agents?per_page=101')).status).toBe(400);
  });

  it('serves contacts, companies, groups and knowledge-base search', async () => {
    const company = await api('GET', `/api/v2/companies/${SANDBOX_ORGANIZATIONS.globex.id}`);
    for (const k of keys(sample('company-view.response.json'))) expect(company.body).toHaveProperty(k);
    expect(company.body.account_tier).toBe('Enterprise');
    const contact = await api('GET', `/api/v2/contacts/${SANDBOX_END_USERS.carlos.id}`);
    expect(contact.body).toMatchObject({ email: SANDBOX_END_USERS.carlos.email, company_id: SANDBOX_ORGANIZATIONS.globex.id });
    const groups = await api('GET', '/api/v2/groups');
    expect(groups.body.map((g: { name: string }) => g.name)).toContain('Finance');
    const articles = await api('GET', '/api/v2/search/solutions?term=password');
    expect(Array.isArray(articles.body)).toBe(true);
    expect(articles.body.length).toBeGreaterThan(0);
  });

  it('fires a ticket-creation rule and a requester-only update rule, but not on the API agent\'s own writes', async () => {
    received.length = 0;
    const action = { field_name: 'trigger_webhook', request_type: 'POST', url: hookUrl, custom_headers: { 'X-Baton-Secret': 's3cret' }, content: { content_layout: 'advanced', content_type: 'json', body: '{"ticket_id":"{{ticket.id}}","event":"{{triggered_event}}","status":"{{ticket.status}}","text":"{{ticket.latest_public_comment}}"}' } };
    expect((await api('POST', '/api/v2/automations/1/rules', { name: 'Baton: new ticket', actions: [action] })).status).toBe(201);
    const update = await api('POST', '/api/v2/automations/4/rules', {
      name: 'Baton: customer reply',
      performer: { type: 2 },
      events: [{ field_name: 'reply_sent' }],
      conditions: [{ name: 'condition_set_1', match_type: 'all', properties: [{ field_name: 'ticket_tags', operator: 'does_not_contain', value: ['baton_handoff'] }] }],
      actions: [action],
    });
    expect(update.status).toBe(201);
    const t = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'He said "hi"' }).ticket;
    await api('POST', `/api/v2/tickets/${t.id}/reply`, { body: 'Hello from Baton' }); // the API agent: no rule
    sandbox.customerReply(t.id, 'Still waiting');
    await sandbox.idle();
    expect(received.map((r) => JSON.parse(r.body).event)).toEqual(['{ticket_action:created}', '{reply_sent:sent}']);
    expect(received[0]!.headers['x-baton-secret']).toBe('s3cret');
    expect(JSON.parse(received[0]!.body)).toMatchObject({ ticket_id: String(t.id), status: 'Open' });
    expect(received[0]!.headers).not.toHaveProperty('x-zendesk-webhook-signature');
    await api('PUT', `/api/v2/tickets/${t.id}`, { tags: ['baton_handoff'] });
    sandbox.customerReply(t.id, 'Hello?');
    await sandbox.idle();
    expect(received).toHaveLength(2); // the tag condition holds the rule back
    const refused = await api('POST', '/api/v2/automations/4/rules', { name: 'x', events: [{ field_name: 'reply_sent' }], conditions: [{ name: 'c', match_type: 'all', properties: [{ field_name: 'mood', operator: 'is', value: 1 }] }], actions: [action] });
    expect(refused.status).toBe(400);
  });

  it('answers 429 with Retry-After past the tickets-list sub-limit', async () => {
    sandbox.setRateLimit(2000);
    const limited = await startSandbox({ helpdesk: 'freshdesk', apiKey: 'k' });
    try {
      const h = { Authorization: `Basic ${Buffer.from('k:X').toString('base64')}` };
      const statuses: number[] = [];
      for (let i = 0; i < 402; i++) statuses.push((await fetch(`${limited.url}/api/v2/tickets`, { headers: h })).status);
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
      const res = await fetch(`${limited.url}/api/v2/tickets`, { headers: h });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
