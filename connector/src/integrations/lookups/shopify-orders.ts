/**
 * Shopify as an OrderLookup (Admin REST API, `X-Shopify-Access-Token`, read_orders scope):
 * GET /admin/api/2024-01/orders.json?name=%23{number}&status=any finds the order by its
 * name ("#1001"; stores with their own prefix, like "NW-1001", use the name as written).
 * The status comes from the order and its fulfillments[]: cancelled_at -> cancelled; no
 * successful fulfillment -> processing (delayed once it is older than `lateAfterDays`);
 * shipment_status delivered on every shipment of a fully fulfilled order -> delivered;
 * failure or attempted_delivery -> delayed; otherwise shipped. An order is only returned
 * when its e-mail is the customer's: nobody learns about someone else's order.
 */
import { z } from 'zod';
import { IntegrationError } from '../errors.js';
import { requestJson, trimBase } from '../http.js';
import type { OrderInfo, OrderLookup, OrderStatus } from './types.js';

export interface ShopifyOptions {
  /** https://{shop}.myshopify.com, or a test server. */
  shopUrl: string;
  accessToken: string;
  apiVersion?: string;
  timeoutMs?: number;
  /** An unshipped order older than this many days is reported as delayed. */
  lateAfterDays?: number;
  now?: () => number;
}

const fulfillment = z.object({
  status: z.string().nullish(),
  shipment_status: z.string().nullish(),
  tracking_company: z.string().nullish(),
  tracking_url: z.string().nullish(),
  tracking_urls: z.array(z.string()).nullish(),
  created_at: z.string().nullish(),
});
const order = z.object({
  name: z.string(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  created_at: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  fulfillments: z.array(fulfillment).nullish(),
  line_items: z.array(z.object({ title: z.string().nullish(), name: z.string().nullish(), quantity: z.number().nullish() })).nullish(),
});
const ordersResponse = z.object({ orders: z.array(order) });

type ShopifyOrder = z.infer<typeof order>;

const SERVICE = 'Shopify';
const FIELDS = 'name,email,contact_email,created_at,cancelled_at,fulfillment_status,fulfillments,line_items';

/** "1001" -> "#1001"; "NW-1001" stays (a store prefix replaces the "#"). */
export function shopifyOrderName(number: string): string {
  const n = number.trim().replace(/^#/, '');
  return /^\d+$/.test(n) ? `#${n}` : n;
}

export function shopifyStatus(o: ShopifyOrder, now: number, lateAfterDays: number): OrderStatus {
  if (o.cancelled_at) return 'cancelled';
  const shipped = (o.fulfillments ?? []).filter((f) => f.status === 'success');
  if (shipped.length === 0) {
    const created = o.created_at ? Date.parse(o.created_at) : NaN;
    return !Number.isNaN(created) && now - created > lateAfterDays * 86_400_000 ? 'delayed' : 'processing';
  }
  if (shipped.some((f) => f.shipment_status === 'failure' || f.shipment_status === 'attempted_delivery')) return 'delayed';
  if (o.fulfillment_status === 'fulfilled' && shipped.every((f) => f.shipment_status === 'delivered')) return 'delivered';
  return 'shipped';
}

export function toOrderInfoFromShopify(o: ShopifyOrder, now: number, lateAfterDays: number): OrderInfo {
  const latest = [...(o.fulfillments ?? [])].filter((f) => f.status === 'success').sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? '')).pop();
  const trackingUrl = latest?.tracking_url ?? latest?.tracking_urls?.[0];
  return {
    number: o.name.replace(/^#/, ''),
    status: shopifyStatus(o, now, lateAfterDays),
    carrier: latest?.tracking_company ?? undefined,
    trackingUrl: trackingUrl && /^https?:\/\//i.test(trackingUrl) ? trackingUrl : undefined,
    items: o.line_items?.map((li) => ({ name: li.title ?? li.name ?? 'item', quantity: li.quantity ?? 1 })),
  };
}

export function shopifyOrderLookup(opts: ShopifyOptions): OrderLookup {
  const base = trimBase(opts.shopUrl);
  const version = opts.apiVersion ?? '2024-01';
  const now = opts.now ?? Date.now;
  return {
    name: SERVICE,
    async findOrder(number: string, email: string, o?: { signal?: AbortSignal }): Promise<OrderInfo | null> {
      const query = new URLSearchParams({ name: shopifyOrderName(number), status: 'any', fields: FIELDS });
      const res = await requestJson({
        service: SERVICE,
        url: `${base}/admin/api/${version}/orders.json?${query}`,
        headers: { 'X-Shopify-Access-Token': opts.accessToken },
        timeoutMs: opts.timeoutMs ?? 3000,
        signal: o?.signal,
      });
      const parsed = ordersResponse.safeParse(res.data);
      if (!parsed.success) throw new IntegrationError(SERVICE, 'invalid_response', `${SERVICE} orders.json answered with an unexpected shape: ${parsed.error.issues[0]?.message}`);
      const wanted = email.trim().toLowerCase();
      const mine = parsed.data.orders.find((x) => [x.email, x.contact_email].some((e) => e?.trim().toLowerCase() === wanted));
      return mine ? toOrderInfoFromShopify(mine, now(), opts.lateAfterDays ?? 3) : null;
    },
  };
}
