/**
 * Any CrmAdapter made safe to call on every ticket: a deadline per call, a bounded
 * TTL cache (answers, including "no such customer", are reused; concurrent lookups of the
 * same customer share one call), and a circuit breaker. Failures surface as
 * IntegrationError with a short reason for agents; enrichCustomer turns them into words.
 */
import { IntegrationError } from '../errors.js';
import { CircuitBreaker, type BreakerState } from './circuit-breaker.js';
import { TtlCache } from './ttl-cache.js';
import type { CrmAdapter, CrmCustomer, CrmRecord } from './types.js';

export interface ResilienceOptions {
  timeoutMs: number;
  cacheTtlMs: number;
  /** Most customers kept in the cache (least recently used go first). */
  cacheMaxEntries?: number;
  breaker: { failures: number; cooldownMs: number };
  now?: () => number;
}

export interface ResilientCrm extends CrmAdapter {
  /** For health checks and metrics. */
  readonly breakerState: () => BreakerState;
  /** Calls that actually reached the adapter (cache hits and breaker refusals excluded). */
  readonly calls: () => number;
}

/** Same customer, same key: e-mail case and organization-name case do not matter. */
export function cacheKey(c: CrmCustomer): string {
  return JSON.stringify([c.email?.trim().toLowerCase() ?? '', c.organizationId ?? '', c.organizationName?.trim().toLowerCase() ?? '']);
}

export function resilientCrm(adapter: CrmAdapter, opts: ResilienceOptions): ResilientCrm {
  const now = opts.now ?? Date.now;
  const cache = new TtlCache<CrmRecord | null>(opts.cacheTtlMs, opts.cacheMaxEntries ?? 5000, now);
  const breaker = new CircuitBreaker({ ...opts.breaker, now });
  const inFlight = new Map<string, Promise<CrmRecord | null>>();
  let calls = 0;

  async function callWithDeadline(customer: CrmCustomer): Promise<CrmRecord | null> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new IntegrationError(adapter.name, 'timeout', `${adapter.name} did not answer within ${opts.timeoutMs} ms`));
      }, opts.timeoutMs);
    });
    try {
      // The race covers adapters that ignore the signal; the signal frees their sockets.
      return await Promise.race([adapter.lookup(customer, { signal: controller.signal }), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function lookupUncached(key: string, customer: CrmCustomer): Promise<CrmRecord | null> {
    if (!breaker.tryAcquire()) {
      throw new IntegrationError(adapter.name, 'circuit_open', `${adapter.name} calls paused after repeated failures; next try in ${Math.ceil(breaker.retryInMs() / 1000)} s`);
    }
    calls++;
    try {
      const record = await callWithDeadline(customer);
      breaker.onSuccess();
      cache.set(key, record);
      return record;
    } catch (err) {
      breaker.onFailure();
      throw err instanceof IntegrationError ? err : new IntegrationError(adapter.name, 'invalid_response', `${adapter.name} failed: ${(err as Error).message}`, { cause: err });
    }
  }

  return {
    name: adapter.name,
    breakerState: () => breaker.state,
    calls: () => calls,
    async lookup(customer: CrmCustomer): Promise<CrmRecord | null> {
      const key = cacheKey(customer);
      const hit = cache.get(key);
      if (hit) return hit.value;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const p = lookupUncached(key, customer).finally(() => inFlight.delete(key));
      inFlight.set(key, p);
      return p;
    },
  };
}
