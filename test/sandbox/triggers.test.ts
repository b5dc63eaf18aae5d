/**
 * Triggers and webhook delivery: Baton's two triggers fire for customer activity and not for
 * API updates; deliveries are signed exactly as Zendesk signs (checked here with an HMAC
 * computed independently), carry Zendesk's headers, parse with the connector's payload
 * schema, and are retried when the endpoint fails.
 */
import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { triggerPayloadSchema } from '../../connector/src/intake/zendesk/trigger-payload.js';
import { installBatonTriggers, SANDBOX_AGENTS, SANDBOX_END_USERS, SANDBOX_ORGANIZATIONS, startSandbox, type BatonTriggers, type Sandbox } from '../../connector/src/sandbox/index.js';
import { callApi, deadEndpoint, startReceiver, type ReceivedRequest, type Receiver } from './helpers.js';

const SECRET = 'dGVzdC1zaWduaW5nLXNlY3JldC1mb3ItYmF0b24=';

function expectZendeskSignature(req: ReceivedRequest, secret: string): void {
  const timestamp = String(req.headers['x-zendesk-webhook-signature-timestamp']);
  expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  const expected = crypto.createHmac('sha256', secret).update(timestamp + req.rawBody).digest('base64');
  expect(req.headers['x-zendesk-webhook-signature']).toBe(expected);
}

describe('Baton triggers on the sandbox', () => {
  let sandbox: Sandbox;
  let receiver: Receiver;
  let installed: BatonTriggers;

  beforeAll(async () => {
    sandbox = await startSandbox({ strictContract: true });
    receiver = await startReceiver();
    installed = await installBatonTriggers(sandbox, { endpointUrl: receiver.url, secret: SECRET });
  });
  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });

  it('installs one webhook and three triggers through the API', async () => {
    expect(installed.secret).toBe(SECRET);
    const triggers = await callApi(sandbox, 'GET', '/api/v2/triggers');
    expect(triggers.body.triggers.map((t: any) => t.id)).toEqual([installed.triggers.ticketCreated, installed.triggers.commentAdded, installed.triggers.returnRequested]);
    expect(triggers.body.triggers.every((t: any) => t.conditions.all.some((c: any) => c.field === 'current_via_id' && c.operator === 'is_not' && String(c.value) === '5'))).toBe(true);
  });

  it('an inbound ticket fires ticket.created: signed, with Zendesk headers, parseable by the connector', async () => {
    const before = receiver.received.length;
    const { ticket } = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.carlos.email }, subject: 'Renewal "quote"', body: 'Line one\nLine "two" with a \\ backslash — and {{ticket.id}} typed by the customer' });
    await sandbox.idle();
    const delivered = receiver.received.slice(before);
    expect(delivered).toHaveLength(1);
    const req = delivered[0]!;
    expectZendeskSignature(req, SECRET);
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-zendesk-webhook-id']).toBe(installed.webhookId);
    expect(req.headers['x-zendesk-account-id']).toBe(String(sandbox.accountId));
    expect(req.headers['x-zendesk-webhook-invocation-id']).toMatch(/^\d+$/);
    const payload = triggerPayloadSchema.parse(JSON.parse(req.rawBody));
    expect(payload).toMatchObject({
      event: 'ticket.created',
      ticket: { id: String(ticket.id), subject: 'Renewal "quote"', status: 'New', via: 'Mail' },
      requester: { id: String(SANDBOX_END_USERS.carlos.id), email: SANDBOX_END_USERS.carlos.email },
      organization: { id: String(SANDBOX_ORGANIZATIONS.globex.id), tags: ['vip', 'enterprise', 'strategic'] },
      current_user: { id: String(SANDBOX_END_USERS.carlos.id), role: 'End-user' },
    });
    // The comment comes with its text, author and public flag (documented placeholders), no id.
    expect(payload.comment).toMatchObject({ id: null, body: 'Line one\nLine "two" with a \\ backslash — and {{ticket.id}} typed by the customer', author_id: String(SANDBOX_END_USERS.carlos.id), public: true });
  });

  it('a customer reply fires ticket.comment_added with the reply', async () => {
    const { ticket } = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'Order 77 missing' });
    await sandbox.idle();
    const before = receiver.received.length;
    const res = await fetch(`${sandbox.url}/sandbox/tickets/${ticket.id}/customer-reply`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ body: 'Any news?' }) });
    expect(res.status).toBe(200);
    await sandbox.idle();
    const delivered = receiver.received.slice(before);
    expect(delivered).toHaveLength(1);
    expectZendeskSignature(delivered[0]!, SECRET);
    const payload = triggerPayloadSchema.parse(JSON.parse(delivered[0]!.rawBody));
    expect(payload).toMatchObject({ event: 'ticket.comment_added', ticket: { id: String(ticket.id) }, current_user: { id: String(SANDBOX_END_USERS.sam.id), role: 'End-user' } });
  });

  it('does not fire on API updates — not even a public comment authored as the customer', async () => {
    const { ticket } = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.omar.email }, body: 'How do I export?' });
    await sandbox.idle();
    const before = receiver.received.length;
    const deliveriesBefore = sandbox.deliveries().length;
    const agentReply = await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'solved', comment: { body: 'See Settings → Data → Export.', public: true } } });
    expect(agentReply.status).toBe(200);
    const asCustomer = await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { comment: { body: 'Logged for the customer', public: true, author_id: SANDBOX_END_USERS.omar.id } } });
    expect(asCustomer.status).toBe(200);
    const created = await callApi(sandbox, 'POST', '/api/v2/tickets', { ticket: { requester_id: SANDBOX_END_USERS.omar.id, comment: { body: 'Created by the API' } } });
    expect(created.status).toBe(201);
    await sandbox.idle();
    expect(receiver.received.length).toBe(before);
    expect(sandbox.deliveries().length).toBe(deliveriesBefore);
  });
});

describe('trigger conditions and delivery mechanics', () => {
  let sandbox: Sandbox;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ webhookRetryDelaysMs: [10, 20, 40] });
  });
  afterEach(async () => {
    await sandbox.idle();
    sandbox.state.triggers.clear();
  });
  afterAll(async () => {
    await sandbox?.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const hook = async (statusFor?: (n: number) => number) => {
    const receiver = await startReceiver(statusFor);
    receivers.push(receiver);
    return { receiver, webhook: sandbox.createWebhook({ endpoint: receiver.url, secret: 'k' }) };
  };

  it('an API update fires a trigger that does not exclude via 5 (exclusion is the condition, not a rule of the sandbox)', async () => {
    const { receiver, webhook } = await hook();
    sandbox.createTrigger({
      title: 'Agent internal note',
      conditions: { all: [{ field: 'role', operator: 'is', value: 'agent' }, { field: 'comment_is_public', operator: 'is', value: 'false' }, { field: 'status', operator: 'less_than', value: 'solved' }] },
      actions: [{ field: 'notification_webhook', value: [webhook.id, '{"t":"{{ticket.id}}","by":"{{current_user.id}}","tags":"{{ticket.tags}}"}'] }],
    });
    const { ticket } = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.jess.email }, body: 'hi' });
    await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { tags: ['a', 'b'], comment: { body: 'internal', public: false } } });
    await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { comment: { body: 'public', public: true } } });
    await sandbox.idle();
    expect(receiver.received.map((r) => JSON.parse(r.rawBody))).toEqual([{ t: String(ticket.id), by: String(sandbox.apiUser.id), tags: 'a b' }]);
  });

  it('tag conditions: includes / not_includes', async () => {
    const { receiver, webhook } = await hook();
    sandbox.createTrigger({
      title: 'VIP tag added',
      conditions: { all: [{ field: 'current_tags', operator: 'includes', value: 'vip enterprise' }, { field: 'current_tags', operator: 'not_includes', value: 'spam' }] },
      actions: [{ field: 'notification_webhook', value: [webhook.id, '{"t":"{{ticket.id}}"}'] }],
    });
    const a = sandbox.inbound({ requester: { email: 'a@x.example' }, body: 'a' }).ticket;
    const b = sandbox.inbound({ requester: { email: 'b@x.example' }, body: 'b' }).ticket;
    await callApi(sandbox, 'PUT', `/api/v2/tickets/${a.id}`, { ticket: { tags: ['enterprise'] } });
    await callApi(sandbox, 'PUT', `/api/v2/tickets/${b.id}`, { ticket: { tags: ['vip', 'spam'] } });
    await sandbox.idle();
    expect(receiver.received.map((r) => JSON.parse(r.rawBody).t)).toEqual([String(a.id)]);
  });

  it('retries a failing endpoint; each attempt is freshly signed and shares the invocation id', async () => {
    const { receiver, webhook } = await hook((n) => (n < 2 ? 503 : 200));
    sandbox.createTrigger({ title: 'any create', conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }] }, actions: [{ field: 'notification_webhook', value: [webhook.id, '{"id":"{{ticket.id}}"}'] }] });
    const { ticket } = sandbox.inbound({ requester: { email: 'retry@x.example' }, body: 'x' });
    const delivery = sandbox.deliveries().find((d) => d.ticketId === ticket.id)!;
    expect(delivery.state).toBe('pending'); // the inbound call returned before delivery finished
    await sandbox.idle();
    expect(delivery.state).toBe('delivered');
    expect(delivery.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(new Set(receiver.received.map((r) => r.headers['x-zendesk-webhook-invocation-id']))).toEqual(new Set([delivery.invocationId]));
    for (const req of receiver.received) expectZendeskSignature(req, 'k');
    const listed = await fetch(`${sandbox.url}/sandbox/deliveries?ticket_id=${ticket.id}`).then((r) => r.json());
    expect(listed.deliveries[0]).toMatchObject({ state: 'delivered', lastStatus: 200 });
  });

  it('gives up after the last retry when nothing listens, recording connection errors', async () => {
    const webhook = sandbox.createWebhook({ endpoint: await deadEndpoint() });
    sandbox.createTrigger({ title: 'any create', conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }] }, actions: [{ field: 'notification_webhook', value: [webhook.id, '{}'] }] });
    const { ticket } = sandbox.inbound({ requester: { email: 'dead@x.example' }, body: 'x' });
    await sandbox.idle();
    const delivery = sandbox.deliveries().find((d) => d.ticketId === ticket.id)!;
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toHaveLength(4);
    expect(delivery.attempts.every((a) => a.status === null && typeof a.error === 'string')).toBe(true);
  });

  it('refuses a trigger with a condition the sandbox cannot evaluate, or a missing webhook (422)', async () => {
    const bad = await callApi(sandbox, 'POST', '/api/v2/triggers', { trigger: { title: 'x', conditions: { all: [{ field: 'satisfaction_score', operator: 'is', value: 'bad' }] }, actions: [{ field: 'notification_webhook', value: ['01HSANDBXWH999999999999999', '{}'] }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.details.conditions[0].description).toContain('satisfaction_score');
    const noHook = await callApi(sandbox, 'POST', '/api/v2/triggers', { trigger: { title: 'x', conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }] }, actions: [{ field: 'notification_webhook', value: ['01HSANDBXWH999999999999999', '{}'] }] } });
    expect(noHook.status).toBe(422);
  });

  it('renders placeholders of the assignee and VIP organization after a handoff; undocumented ones render empty', async () => {
    const { receiver, webhook } = await hook();
    sandbox.createTrigger({
      title: 'assigned',
      conditions: { all: [{ field: 'assignee_id', operator: 'changed', value: '' }] },
      actions: [{ field: 'notification_webhook', value: [webhook.id, '{"a":"{{ticket.assignee.id}}","g":"{{ticket.group.name}}","gid":"{{ticket.group.id}}","c":"{{ticket.latest_comment.id}}","p":"{{ticket.priority}}","org":"{{ticket.organization.name}}","lang":"{{ticket.requester.language}}","unknown":"{{ticket.nope}}"}'] }],
    });
    const { ticket } = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.maya.email }, body: 'urgent' });
    await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { assignee_id: SANDBOX_AGENTS.olivia.id, priority: 'urgent' } });
    await sandbox.idle();
    expect(receiver.received.map((r) => JSON.parse(r.rawBody))).toEqual([
      { a: String(SANDBOX_AGENTS.olivia.id), g: 'Senior Support', gid: '', c: '', p: 'Urgent', org: 'Northwind Logistics', lang: 'English', unknown: '' },
    ]);
  });
});
