/**
 * Clients for the two lookup contracts in CONTRACTS.md, for shops that put a small
 * service in front of their own systems. Responses are validated: a service that drifts
 * from the contract fails loudly with the field that is wrong, not with a wrong reply.
 */
import { z } from 'zod';
import { IntegrationError } from '../errors.js';
import { requestJson, trimBase } from '../http.js';
import type { AccountInfo, AccountLookup, OrderInfo, OrderLookup } from './types.js';

export interface ContractClientOptions {
  baseUrl: string;
  /** Sent as "Authorization: Bearer <token>" when set. */
  token?: string;
  timeoutMs?: number;
}

/** Links go into customer replies: web links only, never javascript: or data:. */
const webUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const accountBody = z.object({
  status: z.enum(['active', 'locked', 'inactive', 'not_found']),
  reset_url: webUrl.nullish(),
  locked_until: z.string().nullish(),
  reason: z.string().nullish(),
});

export const orderBody = z.object({
  number: z.coerce.string(),
  status: z.enum(['processing', 'shipped', 'delivered', 'delayed', 'cancelled']),
  carrier: z.string().nullish(),
  tracking_url: webUrl.nullish(),
  eta: z.string().nullish(),
  items: z.array(z.object({ name: z.string(), quantity: z.number().int().nonnegative() })).nullish(),
});

function parse<T>(service: string, schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new IntegrationError(service, 'invalid_response', `${service} broke its contract: ${issue?.path.join('.') || 'body'}: ${issue?.message}`);
}

const auth = (token?: string): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});

export function httpAccountLookup(opts: ContractClientOptions): AccountLookup {
  const service = 'account lookup';
  const base = trimBase(opts.baseUrl);
  return {
    name: service,
    async findAccount(email: string, o?: { signal?: AbortSignal }): Promise<AccountInfo> {
      const res = await requestJson({ service, url: `${base}/accounts?email=${encodeURIComponent(email.trim())}`, headers: auth(opts.token), timeoutMs: opts.timeoutMs ?? 3000, signal: o?.signal, acceptStatuses: [404] });
      if (res.status === 404) return { status: 'not_found' };
      const b = parse(service, accountBody, res.data);
      return { status: b.status, resetUrl: b.reset_url ?? undefined, lockedUntil: b.locked_until ?? undefined, reason: b.reason ?? undefined };
    },
  };
}

export function toOrderInfo(b: z.infer<typeof orderBody>): OrderInfo {
  return {
    number: b.number,
    status: b.status,
    carrier: b.carrier ?? undefined,
    trackingUrl: b.tracking_url ?? undefined,
    eta: b.eta ?? undefined,
    items: b.items ?? undefined,
  };
}

export function httpOrderLookup(opts: ContractClientOptions): OrderLookup {
  const service = 'order lookup';
  const base = trimBase(opts.baseUrl);
  return {
    name: service,
    async findOrder(number: string, email: string, o?: { signal?: AbortSignal }): Promise<OrderInfo | null> {
      const url = `${base}/orders/${encodeURIComponent(number)}?email=${encodeURIComponent(email.trim())}`;
      const res = await requestJson({ service, url, headers: auth(opts.token), timeoutMs: opts.timeoutMs ?? 3000, signal: o?.signal, acceptStatuses: [404] });
      if (res.status === 404) return null;
      return toOrderInfo(parse(service, orderBody, res.data));
    },
  };
}
