/**
 * What the order-status and account playbooks get from a lookup: a reply built from the
 * customer's own facts, a handoff with its reason, or "skip" to the generic template,
 * here through the real contract clients against a loopback service.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { httpAccountLookup, httpOrderLookup } from '../../connector/src/integrations/lookups/http-contracts.js';
import { accountStatusLookup, orderStatusLookup } from '../../connector/src/integrations/lookups/playbook-replies.js';
import { closeAll, hang, serve } from './loopback.js';

afterEach(closeAll);

const ORDERS: Record<string, unknown> = {
  'NW-123456': { number: 'NW-123456', status: 'shipped', carrier: 'UPS', tracking_url: 'https://www.ups.com/track?tracknum=1Z999', eta: '2026-11-27', items: [{ name: 'Trail jacket', quantity: 1 }] },
  '1002': { number: '1002', status: 'processing' },
  '1003': { number: '1003', status: 'delayed', carrier: 'DHL' },
  '1004': { number: '1004', status: 'cancelled' },
  '1005': { number: '1005', status: 'delivered', carrier: 'USPS' },
};

async function service() {
  const app = express();
  app.get('/orders/:n', (req, res) => {
    if (req.params.n === '7777') return; // hangs
    if (req.query.email !== 'dana@acme.example' || !ORDERS[req.params.n]) return void res.status(404).json({});
    res.json(ORDERS[req.params.n]);
  });
  app.get('/accounts', (req, res) => {
    const byEmail: Record<string, unknown> = {
      'dana@acme.example': { status: 'active', reset_url: 'https://app.example.com/reset/3b9f' },
      'lee@acme.example': { status: 'locked', locked_until: '2026-11-24T03:30:00Z', reason: 'too many failed sign-in attempts' },
      'old@acme.example': { status: 'inactive', reason: 'closed by the account owner' },
      'plain@acme.example': { status: 'active' },
    };
    res.json(byEmail[String(req.query.email)] ?? { status: 'not_found' });
  });
  app.get('/slow/accounts', hang);
  return serve(app);
}

describe('order status from a lookup', () => {
  it('replies with status, carrier, date, items and tracking link', async () => {
    const orders = httpOrderLookup({ baseUrl: await service() });
    const out = await orderStatusLookup({ firstName: 'Dana', email: 'dana@acme.example', text: 'Where is my order NW-123456??' }, orders);
    expect('reply' in out).toBe(true);
    const reply = (out as { reply: string }).reply;
    expect(reply).toContain('your order NW-123456 (Trail jacket) has shipped with UPS');
    expect(reply).toContain('arrive by Friday, November 27');
    expect(reply).toContain('https://www.ups.com/track?tracknum=1Z999');
  });

  it('answers processing and delivered, and hands delayed and cancelled orders to a person', async () => {
    const orders = httpOrderLookup({ baseUrl: await service() });
    const ask = (text: string) => orderStatusLookup({ firstName: 'Dana', email: 'dana@acme.example', text }, orders);
    expect(await ask('order #1002')).toMatchObject({ reply: expect.stringContaining("hasn't shipped yet") });
    expect(await ask('order #1005 says delivered but it is not here')).toMatchObject({ reply: expect.stringContaining('(USPS) reports your order 1005 as delivered') });
    expect(await ask('where is order #1003')).toEqual({ handoff: { code: 'order_delayed', text: 'order 1003 is delayed (DHL): a person should follow up with the carrier' } });
    expect(await ask('order #1004?')).toMatchObject({ handoff: { code: 'order_cancelled' } });
  });

  it('asks again when the order is not this customer’s, and skips without a number, an e-mail or a working lookup', async () => {
    const base = await service();
    const orders = httpOrderLookup({ baseUrl: base, timeoutMs: 50 });
    expect(await orderStatusLookup({ firstName: 'Sam', email: 'sam@else.example', text: 'order NW-123456' }, orders)).toMatchObject({ reply: expect.stringContaining("I couldn't find order NW-123456") });
    expect(await orderStatusLookup({ firstName: 'Sam', email: 'sam@else.example', text: 'where is my stuff' }, orders)).toEqual({ skip: { code: 'no_order_number', text: 'no order number in the message' } });
    expect(await orderStatusLookup({ firstName: 'Sam', text: 'order #1002' }, orders)).toMatchObject({ skip: { code: 'no_requester_email' } });
    expect(await orderStatusLookup({ firstName: 'Dana', email: 'dana@acme.example', text: 'order #7777' }, orders)).toEqual({
      skip: { code: 'order_lookup_unavailable', text: 'order lookup unavailable (order lookup timeout); generic reply used' },
    });
  });
});

describe('account status from a lookup', () => {
  it('sends the reset link, explains a lock, hands off an inactive account, and asks when unknown', async () => {
    const base = await service();
    const accounts = httpAccountLookup({ baseUrl: base });
    const ask = (email: string) => accountStatusLookup({ firstName: 'Dana', email, text: 'I cannot log in' }, accounts);
    expect(await ask('dana@acme.example')).toMatchObject({ reply: expect.stringContaining('https://app.example.com/reset/3b9f') });
    const locked = (await ask('lee@acme.example')) as { reply: string };
    expect(locked.reply).toContain('locked (too many failed sign-in attempts)');
    expect(locked.reply).toContain('unlocks on its own at 03:30 UTC on Tuesday, November 24');
    expect(await ask('old@acme.example')).toEqual({ handoff: { code: 'account_inactive', text: 'account is inactive (closed by the account owner): a person should decide whether to reactivate it' } });
    expect(await ask('new@acme.example')).toMatchObject({ reply: expect.stringContaining('Which e-mail address did you sign up with?') });
    expect(await ask('plain@acme.example')).toMatchObject({ skip: { code: 'no_reset_link' } });
  });

  it('skips to the generic reply when the lookup times out', async () => {
    const accounts = httpAccountLookup({ baseUrl: `${await service()}/slow`, timeoutMs: 50 });
    expect(await accountStatusLookup({ firstName: 'Dana', email: 'dana@acme.example', text: '' }, accounts)).toEqual({
      skip: { code: 'account_lookup_unavailable', text: 'account lookup unavailable (account lookup timeout); generic reply used' },
    });
  });
});
