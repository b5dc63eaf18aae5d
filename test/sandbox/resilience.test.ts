/**
 * The sandbox's failure modes, as a client meets them: authentication, the rate limit with
 * Retry-After, injected faults, malformed and off-contract bodies, and request statistics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicTokenHeader, SANDBOX_END_USERS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { validateResponseBody } from '../contract/oas.js';
import { callApi } from './helpers.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ apiEmail: 'bot@acme.example', apiToken: 's3cret' });
});
afterAll(async () => {
  await sandbox?.close();
});

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sandbox.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('authentication', () => {
  it.each([
    ['no header', null],
    ['wrong token', basicTokenHeader('bot@acme.example', 'nope')],
    ['wrong e-mail', basicTokenHeader('other@acme.example', 's3cret')],
    ['password instead of token', `Basic ${Buffer.from('bot@acme.example:s3cret').toString('base64')}`],
  ])('%s → 401 with Zendesk’s body', async (_name, authorization) => {
    const res = await callApi(sandbox, 'GET', '/api/v2/users/me', undefined, { authorization });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "Couldn't authenticate you" });
  });

  it('accepts {email}/token:{token}, e-mail case-insensitively', async () => {
    const res = await callApi(sandbox, 'GET', '/api/v2/users/me', undefined, { authorization: basicTokenHeader('BOT@acme.example', 's3cret') });
    expect(res.status).toBe(200);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the per-minute limit, then recovers when the window resets', async () => {
    sandbox.setRateLimit(3);
    sandbox.resetRateLimit();
    try {
      const statuses: number[] = [];
      const remaining: Array<string | null> = [];
      for (let i = 0; i < 3; i++) {
        const res = await callApi(sandbox, 'GET', '/api/v2/groups');
        statuses.push(res.status);
        remaining.push(res.headers.get('x-rate-limit-remaining'));
      }
      expect(statuses).toEqual([200, 200, 200]);
      expect(remaining).toEqual(['2', '1', '0']);
      const limited = await callApi(sandbox, 'GET', '/api/v2/tickets/1');
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
      expect(limited.body.errors[0]).toMatchObject({ code: 'TooManyRequests' });
      expect(validateResponseBody('GET', '/api/v2/tickets/1', 429, limited.body).valid).toBe(true);
      sandbox.resetRateLimit();
      expect((await callApi(sandbox, 'GET', '/api/v2/groups')).status).toBe(200);
    } finally {
      sandbox.setRateLimit(700);
      sandbox.resetRateLimit();
    }
  });
});

describe('fault injection', () => {
  it('fails the next N requests under a path prefix, leaving other paths alone', async () => {
    const { ticket } = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.sam.email }, body: 'x' });
    expect((await control('POST', '/sandbox/faults', { status: 503, count: 2, path: '/api/v2/tickets' })).status).toBe(201);
    expect((await callApi(sandbox, 'GET', '/api/v2/groups')).status).toBe(200);
    const first = await callApi(sandbox, 'GET', `/api/v2/tickets/${ticket.id}`);
    const second = await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'open' } });
    const third = await callApi(sandbox, 'GET', `/api/v2/tickets/${ticket.id}`);
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(sandbox.state.getTicket(ticket.id)?.status).toBe('new'); // the faulted PUT changed nothing
  });

  it('injects 429 and 409 with Zendesk’s bodies, and DELETE clears pending faults', async () => {
    await control('POST', '/sandbox/faults', { status: 429, count: 1 });
    const limited = await callApi(sandbox, 'GET', '/api/v2/groups');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    await control('POST', '/sandbox/faults', { status: 409, count: 1, path: '/api/v2/tickets/' });
    const conflict = await callApi(sandbox, 'PUT', '/api/v2/tickets/1', { ticket: { priority: 'low' } });
    expect(conflict.body.error).toBe('UpdateConflict');
    await control('POST', '/sandbox/faults', { status: 500, count: 5 });
    expect((await control('DELETE', '/sandbox/faults')).status).toBe(204);
    expect((await callApi(sandbox, 'GET', '/api/v2/groups')).status).toBe(200);
  });

  it('a delay-only fault slows the request but still serves it', async () => {
    sandbox.injectFault({ count: 1, delayMs: 30, path: '/api/v2/users/me' });
    const res = await callApi(sandbox, 'GET', '/api/v2/users/me');
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('bot@acme.example');
  });

  it('refuses a malformed fault request', async () => {
    const res = await control('POST', '/sandbox/faults', { status: 503 });
    expect(res.status).toBe(400);
  });
});

describe('request bodies', () => {
  it('strict contract: an unknown field is a 400 that names it, and nothing changes', async () => {
    const { ticket } = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.lena.email }, body: 'x' });
    const res = await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}.json`, { ticket: { status: 'pending', remove_tags: ['x'] } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'SandboxContractViolation', details: { operation: 'UpdateTicket', fields: ['remove_tags'] } });
    expect(res.body.description).toContain('remove_tags');
    expect(sandbox.state.getTicket(ticket.id)?.status).toBe('new');
  });

  it('with strictContract off the same body is accepted (the unknown field is ignored, as Zendesk does)', async () => {
    const lax = await startSandbox({ strictContract: false });
    try {
      const { ticket } = lax.inbound({ requester: { email: SANDBOX_END_USERS.lena.email }, body: 'x' });
      const res = await callApi(lax, 'PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'pending', remove_tags: ['x'] } });
      expect(res.status).toBe(200);
      expect(res.body.ticket.status).toBe('pending');
    } finally {
      await lax.close();
    }
  });

  it('malformed JSON is a 400 JSON error, unknown endpoints a 404 JSON error', async () => {
    const res = await fetch(`${sandbox.url}/api/v2/tickets/1`, { method: 'PUT', headers: { Authorization: sandbox.authorization, 'Content-Type': 'application/json' }, body: '{"ticket":' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('InvalidRequest');
    const missing = await callApi(sandbox, 'GET', '/api/v2/macros');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('InvalidEndpoint');
  });
});

describe('request statistics', () => {
  it('counts API calls per route and per ticket, including refused ones', async () => {
    const { ticket } = sandbox.inbound({ requester: { email: SANDBOX_END_USERS.omar.email }, body: 'x' });
    sandbox.resetStats();
    await callApi(sandbox, 'GET', `/api/v2/tickets/${ticket.id}`);
    await callApi(sandbox, 'PUT', `/api/v2/tickets/${ticket.id}.json`, { ticket: { priority: 'low' } });
    await callApi(sandbox, 'GET', `/api/v2/tickets/${ticket.id}/comments`, undefined, { authorization: null });
    await callApi(sandbox, 'GET', '/api/v2/groups');
    const stats = await control('GET', '/sandbox/stats').then((r) => r.json());
    expect(stats.total).toBe(4);
    expect(stats.byTicket[String(ticket.id)]).toEqual({
      'GET /api/v2/tickets/{id}': 1,
      'GET /api/v2/tickets/{id}/comments': 1,
      'PUT /api/v2/tickets/{id}': 1,
    });
    expect(stats.byRoute['GET /api/v2/groups']).toBe(1);
    expect(stats.byStatus).toEqual({ '200': 3, '401': 1 });
    expect(sandbox.stats()).toEqual(stats);
  });
});
