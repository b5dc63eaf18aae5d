/**
 * resilientCrm: the cache (TTL, LRU bound, shared in-flight calls), the circuit breaker
 * (open after N failures, half-open after the cooldown, one trial, close or re-open) and
 * the per-call deadline. Time is an injected clock; only the deadline uses a real timer,
 * and nothing asserts how long anything took.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { hubspotCrm } from '../../connector/src/integrations/crm/hubspot.js';
import { resilientCrm } from '../../connector/src/integrations/crm/resilient.js';
import type { CrmAdapter, CrmCustomer, CrmRecord } from '../../connector/src/integrations/crm/types.js';
import { IntegrationError } from '../../connector/src/integrations/errors.js';
import { closeAll, hang, serve } from './loopback.js';

afterEach(closeAll);

/** An adapter whose answer the test scripts, counting the calls that reach it. */
function scripted(answer: (c: CrmCustomer) => Promise<CrmRecord | null>) {
  const seen: CrmCustomer[] = [];
  const adapter: CrmAdapter = {
    name: 'Test CRM',
    lookup: (c) => {
      seen.push(c);
      return answer(c);
    },
  };
  return { adapter, seen };
}

const down = () => Promise.reject(new IntegrationError('Test CRM', 'http', 'Test CRM answered 503', { status: 503 }));
const acme = (): Promise<CrmRecord> => Promise.resolve({ accountName: 'Acme', plan: 'enterprise' });

describe('resilientCrm cache', () => {
  it('answers repeat lookups (any e-mail case) from the cache until the TTL passes', async () => {
    let clock = 0;
    const { adapter, seen } = scripted(acme);
    const crm = resilientCrm(adapter, { timeoutMs: 1000, cacheTtlMs: 60_000, breaker: { failures: 3, cooldownMs: 1000 }, now: () => clock });
    await crm.lookup({ email: 'dana@acme.example' });
    expect(await crm.lookup({ email: 'Dana@Acme.example' })).toEqual({ accountName: 'Acme', plan: 'enterprise' });
    expect(seen).toHaveLength(1);
    clock = 59_999;
    await crm.lookup({ email: 'dana@acme.example' });
    expect(seen).toHaveLength(1);
    clock = 60_000;
    await crm.lookup({ email: 'dana@acme.example' });
    expect(seen).toHaveLength(2);
  });

  it('caches "no such customer" too', async () => {
    const { adapter, seen } = scripted(() => Promise.resolve(null));
    const crm = resilientCrm(adapter, { timeoutMs: 1000, cacheTtlMs: 60_000, breaker: { failures: 3, cooldownMs: 1000 }, now: () => 0 });
    expect(await crm.lookup({ email: 'new@x.example' })).toBeNull();
    expect(await crm.lookup({ email: 'new@x.example' })).toBeNull();
    expect(seen).toHaveLength(1);
  });

  it('keeps at most cacheMaxEntries customers, dropping the least recently used', async () => {
    const { adapter, seen } = scripted(acme);
    const crm = resilientCrm(adapter, { timeoutMs: 1000, cacheTtlMs: 60_000, cacheMaxEntries: 2, breaker: { failures: 3, cooldownMs: 1000 }, now: () => 0 });
    for (const email of ['a@x.example', 'b@x.example', 'a@x.example', 'c@x.example']) await crm.lookup({ email });
    expect(seen.map((c) => c.email)).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
    await crm.lookup({ email: 'a@x.example' }); // still cached: used after b
    await crm.lookup({ email: 'b@x.example' }); // evicted by c
    expect(seen.map((c) => c.email)).toEqual(['a@x.example', 'b@x.example', 'c@x.example', 'b@x.example']);
  });

  it('shares one call between concurrent lookups of the same customer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { adapter, seen } = scripted(async () => {
      await gate;
      return { accountName: 'Acme' };
    });
    const crm = resilientCrm(adapter, { timeoutMs: 1000, cacheTtlMs: 60_000, breaker: { failures: 3, cooldownMs: 1000 } });
    const both = Promise.all([crm.lookup({ email: 'a@x.example' }), crm.lookup({ email: 'a@x.example' })]);
    release();
    expect(await both).toEqual([{ accountName: 'Acme' }, { accountName: 'Acme' }]);
    expect(seen).toHaveLength(1);
  });
});

describe('resilientCrm circuit breaker', () => {
  it('opens after N failures in a row, refuses calls during the cooldown, and closes after a good trial', async () => {
    let clock = 1_000;
    let healthy = false;
    const { adapter, seen } = scripted(() => (healthy ? acme() : down()));
    const crm = resilientCrm(adapter, { timeoutMs: 1000, cacheTtlMs: 1, breaker: { failures: 3, cooldownMs: 30_000 }, now: () => clock });
    for (let i = 0; i < 3; i++) {
      clock += 10; // past the cache TTL, so each is a real attempt
      await expect(crm.lookup({ email: `u${i}@x.example` })).rejects.toMatchObject({ kind: 'http', status: 503 });
    }
    expect(crm.breakerState()).toBe('open');
    await expect(crm.lookup({ email: 'u9@x.example' })).rejects.toMatchObject({ kind: 'circuit_open' });
    expect(seen).toHaveLength(3); // refused without calling the CRM

    clock += 29_990;
    expect(crm.breakerState()).toBe('open');
    clock += 10;
    expect(crm.breakerState()).toBe('half_open');
    healthy = true;
    expect(await crm.lookup({ email: 'trial@x.example' })).toEqual({ accountName: 'Acme', plan: 'enterprise' });
    expect(crm.breakerState()).toBe('closed');
    clock += 10;
    await crm.lookup({ email: 'after@x.example' });
    expect(seen).toHaveLength(5);
  });

  it('re-opens at once when the half-open trial fails, for another full cooldown', async () => {
    let clock = 0;
    const { adapter, seen } = scripted(down);
    const crm = resilientCrm(adapter, { timeoutMs: 1000, cacheTtlMs: 1, breaker: { failures: 2, cooldownMs: 10_000 }, now: () => clock });
    await expect(crm.lookup({ email: 'a@x.example' })).rejects.toThrow();
    await expect(crm.lookup({ email: 'b@x.example' })).rejects.toThrow();
    clock = 10_000;
    await expect(crm.lookup({ email: 'trial@x.example' })).rejects.toMatchObject({ kind: 'http' });
    expect(seen).toHaveLength(3);
    expect(crm.breakerState()).toBe('open');
    clock = 19_999;
    await expect(crm.lookup({ email: 'c@x.example' })).rejects.toMatchObject({ kind: 'circuit_open' });
    expect(seen).toHaveLength(3);
  });

  it('lets only one trial through while half-open', async () => {
    let clock = 0;
    let fail = true;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { adapter, seen } = scripted(async () => {
      if (fail) return down();
      await gate;
      return { accountName: 'Acme' };
    });
    const crm = resilientCrm(adapter, { timeoutMs: 1000, cacheTtlMs: 1, breaker: { failures: 1, cooldownMs: 5_000 }, now: () => clock });
    await expect(crm.lookup({ email: 'a@x.example' })).rejects.toThrow();
    clock = 5_000;
    fail = false;
    const trial = crm.lookup({ email: 'trial@x.example' });
    await expect(crm.lookup({ email: 'other@x.example' })).rejects.toMatchObject({ kind: 'circuit_open' });
    release();
    await trial;
    expect(seen.map((c) => c.email)).toEqual(['a@x.example', 'trial@x.example']);
  });
});

describe('resilientCrm deadline', () => {
  it('gives up on an adapter that never answers, and aborts its signal', async () => {
    let signal: AbortSignal | undefined;
    const adapter: CrmAdapter = {
      name: 'Slow CRM',
      lookup: (_c, o) => {
        signal = o?.signal;
        return new Promise(() => {});
      },
    };
    const crm = resilientCrm(adapter, { timeoutMs: 20, cacheTtlMs: 1000, breaker: { failures: 5, cooldownMs: 1000 } });
    const err = (await crm.lookup({ email: 'a@x.example' }).catch((e: unknown) => e)) as IntegrationError;
    expect(err).toBeInstanceOf(IntegrationError);
    expect(err.kind).toBe('timeout');
    expect(signal?.aborted).toBe(true);
  });

  it('times out a real HTTP CRM that holds the connection open', async () => {
    const app = express();
    app.post('/crm/v3/objects/contacts/search', hang);
    const crm = resilientCrm(hubspotCrm({ baseUrl: await serve(app), token: 't', timeoutMs: 10_000 }), { timeoutMs: 50, cacheTtlMs: 1000, breaker: { failures: 5, cooldownMs: 1000 } });
    await expect(crm.lookup({ email: 'a@x.example' })).rejects.toMatchObject({ kind: 'timeout', short: 'timeout' });
  });
});
