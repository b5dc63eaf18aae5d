/**
 * What playbooks can ask outside systems: the state of a customer's account (for password
 * resets and lockouts) and of an order (for "where is my order?"). The HTTP shapes behind
 * these are in CONTRACTS.md; Shopify is one more OrderLookup.
 */
export type AccountStatus = 'active' | 'locked' | 'inactive' | 'not_found';

export interface AccountInfo {
  status: AccountStatus;
  /** A self-service reset link to give the customer. */
  resetUrl?: string;
  /** ISO time the lock ends on its own. */
  lockedUntil?: string;
  /** Why the account is locked or inactive, in words fit for the customer. */
  reason?: string;
}

export type OrderStatus = 'processing' | 'shipped' | 'delivered' | 'delayed' | 'cancelled';

export interface OrderInfo {
  number: string;
  status: OrderStatus;
  carrier?: string;
  trackingUrl?: string;
  /** ISO date or time of expected delivery. */
  eta?: string;
  items?: { name: string; quantity: number }[];
}

export interface AccountLookup {
  readonly name: string;
  /** Throws IntegrationError when the service cannot answer. */
  findAccount(email: string, opts?: { signal?: AbortSignal }): Promise<AccountInfo>;
}

export interface OrderLookup {
  readonly name: string;
  /** The order if it exists and belongs to `email`; null otherwise. Throws IntegrationError when the service cannot answer. */
  findOrder(number: string, email: string, opts?: { signal?: AbortSignal }): Promise<OrderInfo | null>;
}
