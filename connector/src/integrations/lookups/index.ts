/** Account and order lookups for playbooks. HTTP contracts: CONTRACTS.md. */
export type { AccountInfo, AccountLookup, AccountStatus, OrderInfo, OrderLookup, OrderStatus } from './types.js';
export { httpAccountLookup, httpOrderLookup, type ContractClientOptions } from './http-contracts.js';
export { shopifyOrderLookup, shopifyOrderName, type ShopifyOptions } from './shopify-orders.js';
export { extractOrderNumber, extractOrderNumbers } from './order-number.js';
export { orderStatusLookup, accountStatusLookup, orderReply, type LookupAsk, type LookupOutcome } from './playbook-replies.js';
export { lookupsFromEnv, type Lookups } from './config.js';
