/**
 * Which lookups playbooks may use, from the environment. Orders come from Shopify or
 * from a service speaking the order contract (CONTRACTS.md), not both; accounts from a
 * service speaking the account contract. Unset means the playbook's generic reply.
 */
import { z } from 'zod';
import { optionalText, optionalUrl, parseEnv, positiveMs, requireVar, EVEN_WITH_OTHER_ISSUES, type EnvLike } from '../env.js';
import { httpAccountLookup, httpOrderLookup } from './http-contracts.js';
import { shopifyOrderLookup } from './shopify-orders.js';
import type { AccountLookup, OrderLookup } from './types.js';

const schema = z
  .object({
    BATON_ACCOUNT_LOOKUP_URL: optionalUrl,
    BATON_ORDER_LOOKUP_URL: optionalUrl,
    BATON_LOOKUP_TOKEN: optionalText,
    BATON_SHOPIFY_SHOP_URL: optionalUrl,
    BATON_SHOPIFY_ACCESS_TOKEN: optionalText,
    BATON_LOOKUP_TIMEOUT_MS: positiveMs(3000),
  })
  .superRefine((v, ctx) => {
    if (v.BATON_SHOPIFY_SHOP_URL && v.BATON_ORDER_LOOKUP_URL) requireVar(ctx, 'BATON_ORDER_LOOKUP_URL', 'set either BATON_ORDER_LOOKUP_URL or BATON_SHOPIFY_SHOP_URL, not both');
    if (v.BATON_SHOPIFY_SHOP_URL && !v.BATON_SHOPIFY_ACCESS_TOKEN) requireVar(ctx, 'BATON_SHOPIFY_ACCESS_TOKEN', 'is required with BATON_SHOPIFY_SHOP_URL: an Admin API access token with the read_orders scope');
  }, EVEN_WITH_OTHER_ISSUES);

export interface Lookups {
  accounts: AccountLookup | null;
  orders: OrderLookup | null;
}

export function lookupsFromEnv(env: EnvLike): Lookups {
  const v = parseEnv(schema, env, 'Lookup');
  const timeoutMs = v.BATON_LOOKUP_TIMEOUT_MS;
  const accounts = v.BATON_ACCOUNT_LOOKUP_URL ? httpAccountLookup({ baseUrl: v.BATON_ACCOUNT_LOOKUP_URL, token: v.BATON_LOOKUP_TOKEN, timeoutMs }) : null;
  const orders = v.BATON_SHOPIFY_SHOP_URL
    ? shopifyOrderLookup({ shopUrl: v.BATON_SHOPIFY_SHOP_URL, accessToken: v.BATON_SHOPIFY_ACCESS_TOKEN!, timeoutMs })
    : v.BATON_ORDER_LOOKUP_URL
      ? httpOrderLookup({ baseUrl: v.BATON_ORDER_LOOKUP_URL, token: v.BATON_LOOKUP_TOKEN, timeoutMs })
      : null;
  return { accounts, orders };
}
