/**
 * The account and order lookup clients against loopback services speaking the contracts
 * in connector/src/integrations/lookups/CONTRACTS.md: request shape, bearer token,
 * 404 as "not found", contract violations and timeouts reported by name.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '../../connector/src/integrations/errors.js';
import { httpAccountLookup, httpOrderLookup } from '../../connector/src/integrations/lookups/http-contracts.js';
import { closeAll, hang, serve } from './loopback.js';

afterEach(closeAll);

const TOKEN = 'lookup-token-123';

function lookupService(seen: { path: string; query: Record<string, unknown>; auth?: string }[]) {
  const app = express();
  app.use((req, res, next) => {
    seen.push({ path: req.path, query: { ...req.query }, auth: req.header('authorization') });
    if (req.header('authorization') !== `Bearer ${TOKEN}`) return void res.status(401).json({ error: 'unauthorized' });
    next();
  });
  app.get('/accounts', (req, res) => {
    const email = String(req.query.email);
    if (email === 'locked+test@acme.example') return void res.json({ status: 'locked', locked_until: '2026-11-24T03:30:00Z', reason: 'too many failed sign-in attempts', reset_url: 'https://app.example.com/reset/abc' });
    if (email === 'dana@acme.example') return void res.json({ status: 'active', reset_url: 'https://app.example.com/reset/3b9f' });
    if (email === 'gone@acme.example') return void res.status(404).json({ error: 'no such account' });
    if (email === 'evil@acme.example') return void res.json({ status: 'active', reset_url: 'javascript:alert(1)' });
    res.json({ status: 'not_found' });
  });
  app.get('/orders/:number', (req, res) => {
    if (req.params.number === 'NW-123456' && req.query.email === 'dana@acme.example') {
      return void res.json({ number: 'NW-123456', status: 'shipped', carrier: 'UPS', tracking_url: 'https://www.ups.com/track?tracknum=1Z999', eta: '2026-11-27', items: [{ name: 'Trail jacket', quantity: 1 }] });
    }
    if (req.params.number === 'BROKEN') return void res.json({ number: 'BROKEN', status: 'lost_in_space' });
    if (req.params.number === 'DOWN') return void res.status(503).send('maintenance');
    res.status(404).json({ error: 'not found' });
  });
  return app;
}

describe('account lookup contract', () => {
  it('asks GET /accounts?email= with the bearer token and maps the answer', async () => {
    const seen: { path: string; query: Record<string, unknown>; auth?: string }[] = [];
    const accounts = httpAccountLookup({ baseUrl: `${await serve(lookupService(seen))}/`, token: TOKEN });
    expect(await accounts.findAccount('locked+test@acme.example')).toEqual({ status: 'locked', lockedUntil: '2026-11-24T03:30:00Z', reason: 'too many failed sign-in attempts', resetUrl: 'https://app.example.com/reset/abc' });
    expect(seen[0]).toEqual({ path: '/accounts', query: { email: 'locked+test@acme.example' }, auth: `Bearer ${TOKEN}` });
    expect(await accounts.findAccount('dana@acme.example')).toEqual({ status: 'active', resetUrl: 'https://app.example.com/reset/3b9f' });
    expect(await accounts.findAccount('gone@acme.example')).toEqual({ status: 'not_found' });
  });

  it('refuses a reset link that is not a web link', async () => {
    const accounts = httpAccountLookup({ baseUrl: await serve(lookupService([])), token: TOKEN });
    const err = (await accounts.findAccount('evil@acme.example').catch((e: unknown) => e)) as IntegrationError;
    expect(err.kind).toBe('invalid_response');
    expect(err.message).toContain('account lookup broke its contract: reset_url');
  });

  it('reports a wrong token and a timeout without the e-mail address', async () => {
    const denied = (await httpAccountLookup({ baseUrl: await serve(lookupService([])), token: 'nope' }).findAccount('dana@acme.example').catch((e: unknown) => e)) as IntegrationError;
    expect(denied.short).toBe('access denied');
    expect(denied.message).toBe('account lookup answered 401 to GET /accounts: {"error":"unauthorized"}');
    const app = express();
    app.get('/accounts', hang);
    const slow = (await httpAccountLookup({ baseUrl: await serve(app), timeoutMs: 50 }).findAccount('dana@acme.example').catch((e: unknown) => e)) as IntegrationError;
    expect(slow.kind).toBe('timeout');
    expect(slow.message).toBe('account lookup did not answer GET /accounts within 50 ms');
  });
});

describe('order lookup contract', () => {
  it('asks GET /orders/{number}?email= and maps the answer', async () => {
    const seen: { path: string; query: Record<string, unknown>; auth?: string }[] = [];
    const orders = httpOrderLookup({ baseUrl: await serve(lookupService(seen)), token: TOKEN });
    expect(await orders.findOrder('NW-123456', 'dana@acme.example')).toEqual({
      number: 'NW-123456',
      status: 'shipped',
      carrier: 'UPS',
      trackingUrl: 'https://www.ups.com/track?tracknum=1Z999',
      eta: '2026-11-27',
      items: [{ name: 'Trail jacket', quantity: 1 }],
    });
    expect(seen[0]).toEqual({ path: '/orders/NW-123456', query: { email: 'dana@acme.example' }, auth: `Bearer ${TOKEN}` });
  });

  it('reads 404 as no such order (or not this customer’s)', async () => {
    const orders = httpOrderLookup({ baseUrl: await serve(lookupService([])), token: TOKEN });
    expect(await orders.findOrder('NW-123456', 'someone-else@example.com')).toBeNull();
  });

  it('names the field when the service breaks the contract, and says a 503 is retryable', async () => {
    const orders = httpOrderLookup({ baseUrl: await serve(lookupService([])), token: TOKEN });
    const broken = (await orders.findOrder('BROKEN', 'dana@acme.example').catch((e: unknown) => e)) as IntegrationError;
    expect(broken.message).toMatch(/^order lookup broke its contract: status: /);
    expect(broken.retryable).toBe(false);
    const down = (await orders.findOrder('DOWN', 'dana@acme.example').catch((e: unknown) => e)) as IntegrationError;
    expect(down).toMatchObject({ kind: 'http', status: 503, retryable: true, short: 'HTTP 503' });
    expect(down.message).toBe('order lookup answered 503 to GET /orders/DOWN: maintenance');
  });

  it('reports a service that cannot be reached', async () => {
    const base = await serve(express());
    await closeAll(); // the port is now closed
    const err = (await httpOrderLookup({ baseUrl: base }).findOrder('1001', 'dana@acme.example').catch((e: unknown) => e)) as IntegrationError;
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/^order lookup could not be reached for GET \/orders\/1001/);
  });
});
