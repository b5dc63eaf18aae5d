/**
 * The Shopify order lookup against a loopback Admin REST API: orders.json?name=%23...&status=any
 * with X-Shopify-Access-Token, orders[] with fulfillments[] as Shopify documents them.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '../../connector/src/integrations/errors.js';
import { shopifyOrderLookup, shopifyOrderName } from '../../connector/src/integrations/lookups/shopify-orders.js';
import { closeAll, serve } from './loopback.js';

afterEach(closeAll);

const TOKEN = 'shpat_00000000000000000000000000000000';
const NOW = Date.parse('2026-11-22T12:00:00Z');

const fulfillment = (over: Record<string, unknown>) => ({
  id: 255858046,
  order_id: 450789469,
  status: 'success',
  created_at: '2026-11-21T10:00:00-05:00',
  service: 'manual',
  shipment_status: 'in_transit',
  tracking_company: 'UPS',
  tracking_number: '1Z2345',
  tracking_numbers: ['1Z2345'],
  tracking_url: 'https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z2345',
  tracking_urls: ['https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z2345'],
  ...over,
});

const order = (name: string, over: Record<string, unknown>) => ({
  id: 450789469,
  name,
  email: 'bob.norman@mail.example.com',
  contact_email: 'bob.norman@mail.example.com',
  created_at: '2026-11-20T11:00:00-05:00',
  cancelled_at: null,
  financial_status: 'paid',
  fulfillment_status: null,
  line_items: [
    { id: 466157049, title: 'IPod Nano - 8gb', name: 'IPod Nano - 8gb - green', quantity: 1 },
    { id: 518995019, title: 'IPod Nano - 8gb', name: 'IPod Nano - 8gb - red', quantity: 2 },
  ],
  fulfillments: [],
  ...over,
});

const ORDERS: Record<string, unknown[]> = {
  '#1001': [order('#1001', { fulfillment_status: 'partial', fulfillments: [fulfillment({})] })],
  '#1002': [order('#1002', { fulfillment_status: 'fulfilled', fulfillments: [fulfillment({ shipment_status: 'delivered' })] })],
  '#1003': [order('#1003', { cancelled_at: '2026-11-21T08:00:00-05:00' })],
  '#1004': [order('#1004', {})],
  '#1005': [order('#1005', { created_at: '2026-11-10T11:00:00-05:00' })],
  '#1006': [order('#1006', { fulfillment_status: 'fulfilled', fulfillments: [fulfillment({ shipment_status: 'failure' })] })],
  '#1007': [order('#1007', { fulfillment_status: 'fulfilled', fulfillments: [fulfillment({ status: 'cancelled', shipment_status: null }), fulfillment({ created_at: '2026-11-22T10:00:00-05:00', tracking_company: 'DHL', tracking_url: null, tracking_urls: ['https://dhl.example/t/9'] })] })],
  'NW-1001': [order('NW-1001', {})],
};

function fakeShopify(seen: { query: Record<string, unknown>; token?: string; path: string }[]) {
  const app = express();
  app.get('/admin/api/:version/orders.json', (req, res) => {
    seen.push({ query: { ...req.query }, token: req.header('x-shopify-access-token'), path: req.path });
    if (req.header('x-shopify-access-token') !== TOKEN) return void res.status(401).json({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    res.json({ orders: ORDERS[String(req.query.name)] ?? [] });
  });
  return app;
}

const lookup = async (seen: { query: Record<string, unknown>; token?: string; path: string }[] = []) =>
  shopifyOrderLookup({ shopUrl: await serve(fakeShopify(seen)), accessToken: TOKEN, now: () => NOW });

describe('Shopify order lookup', () => {
  it('asks orders.json by name with status=any and the access token header', async () => {
    const seen: { query: Record<string, unknown>; token?: string; path: string }[] = [];
    const orders = await lookup(seen);
    const found = await orders.findOrder('1001', 'Bob.Norman@mail.example.com');
    expect(seen[0]).toMatchObject({ path: '/admin/api/2024-01/orders.json', token: TOKEN, query: { name: '#1001', status: 'any' } });
    expect(found).toEqual({
      number: '1001',
      status: 'shipped',
      carrier: 'UPS',
      trackingUrl: 'https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z2345',
      items: [
        { name: 'IPod Nano - 8gb', quantity: 1 },
        { name: 'IPod Nano - 8gb', quantity: 2 },
      ],
    });
  });

  it('maps order and fulfillment state to the contract’s statuses', async () => {
    const orders = await lookup();
    const status = async (n: string) => (await orders.findOrder(n, 'bob.norman@mail.example.com'))?.status;
    expect(await status('1002')).toBe('delivered');
    expect(await status('1003')).toBe('cancelled');
    expect(await status('1004')).toBe('processing'); // 2 days old: not late yet
    expect(await status('1005')).toBe('delayed'); // two weeks without shipping
    expect(await status('1006')).toBe('delayed'); // carrier reports failure
  });

  it('ignores cancelled fulfillments and takes tracking from the latest successful one', async () => {
    const found = await (await lookup()).findOrder('1007', 'bob.norman@mail.example.com');
    expect(found).toMatchObject({ status: 'shipped', carrier: 'DHL', trackingUrl: 'https://dhl.example/t/9' });
  });

  it('never returns someone else’s order', async () => {
    expect(await (await lookup()).findOrder('1001', 'mallory@evil.example')).toBeNull();
    expect(await (await lookup()).findOrder('9999', 'bob.norman@mail.example.com')).toBeNull();
  });

  it('uses a store prefix as the name', async () => {
    expect(shopifyOrderName('1001')).toBe('#1001');
    expect(shopifyOrderName('#1001')).toBe('#1001');
    expect(shopifyOrderName('NW-1001')).toBe('NW-1001');
    const seen: { query: Record<string, unknown>; token?: string; path: string }[] = [];
    expect((await (await lookup(seen)).findOrder('NW-1001', 'bob.norman@mail.example.com'))?.number).toBe('NW-1001');
    expect(seen[0]!.query.name).toBe('NW-1001');
  });

  it('reports a bad token as Shopify access denied', async () => {
    const orders = shopifyOrderLookup({ shopUrl: await serve(fakeShopify([])), accessToken: 'shpat_wrong' });
    const err = (await orders.findOrder('1001', 'bob.norman@mail.example.com').catch((e: unknown) => e)) as IntegrationError;
    expect(err).toBeInstanceOf(IntegrationError);
    expect(err.service).toBe('Shopify');
    expect(err.short).toBe('access denied');
  });
});
