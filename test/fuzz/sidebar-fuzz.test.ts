/**
 * Fuzzing the sidebar API (connector/src/sidebar-api) on both backends: random and forged
 * Authorization headers, hostile ticket ids in the path (malformed percent-encoding
 * included), hostile bodies for "flag a mistake" and "return to automation", hostile
 * analytics queries, and valid tokens carrying hostile claims. Never a 5xx; every refusal
 * a 4xx with `{error:{code,message}}`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/stores.js';
import { appToken, bearer } from '../sidebar/helpers/app-token.js';
import { anyJsonValue, EDGE_STRINGS, hostileText } from './generators.js';
import { startSidebar, type SidebarFixture } from './sidebar-fixture.js';
import { readAnswer } from './read-response.js';

const RUNS = { numRuns: 80, endOnFailure: true };
/** A URL cannot carry a lone surrogate: replace those, keep everything else hostile. */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

async function call(f: SidebarFixture, method: string, path: string, opts: { auth?: string; body?: string; type?: string } = {}) {
  const res = await fetch(`${f.url}${path}`, {
    method,
    headers: { ...(opts.auth === undefined ? {} : { authorization: opts.auth }), ...(opts.body === undefined ? {} : { 'content-type': opts.type ?? 'application/json' }) },
    body: opts.body,
  });
  return readAnswer(res);
}

function expectAnswer(res: { status: number; json: any; text: string }, allowed: number[]): void {
  if (!allowed.includes(res.status)) throw new Error(`unexpected ${res.status}: ${res.text.slice(0, 300)}`);
  if (res.status >= 400) {
    expect(res.json?.error?.code, res.text.slice(0, 200)).toMatch(/^[A-Z_]+$/);
    expect(typeof res.json.error.message).toBe('string');
  }
}

describe.each(BACKENDS)('sidebar API under hostile input (%s)', (_name, open) => {
  let f: SidebarFixture;
  let auth: string;
  beforeAll(async () => {
    f = await startSidebar(open);
    auth = await bearer({ account: 'acme' });
  });
  afterAll(() => f?.close());

  it('refuses any Authorization header that is not a valid app token with 401', async () => {
    const forged = fc.oneof(
      hostileText(),
      fc.string({ maxLength: 400 }).map((s) => `Bearer ${s}`),
      fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map(([a, b, c]) => `Bearer ${a}.${b}.${c}`),
      fc.constantFrom('Bearer', 'Bearer ', 'Basic Zm9vOmJhcg==', `Bearer ${'a'.repeat(6000)}`),
    );
    await fc.assert(
      fc.asyncProperty(forged, async (header) => {
        // Header values must be ISO-8859-1 without CR/LF; anything else never reaches a server.
        if (!/^[\x20-\x7e\x80-\xff]*$/.test(header)) return;
        expectAnswer(await call(f, 'GET', `/api/sidebar/tickets/${f.ticketId}`, { auth: header }), [401]);
      }),
      RUNS,
    );
  });

  it('answers hostile ticket ids in the path with 400 or 404', async () => {
    const ids = fc.oneof(hostileText().map((s) => encodeURIComponent(wellFormed(s))), fc.constantFrom('%', '%E0%A4%A', '%00', '%ZZ', '0', '-1', '1e3', '99999999999999999999', '..%2F..%2Fmetrics', '%2e%2e'));
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        expectAnswer(await call(f, 'GET', `/api/sidebar/tickets/${id}`, { auth }), [200, 400, 404]);
        expectAnswer(await call(f, 'POST', `/api/sidebar/tickets/${id}/flags`, { auth, body: '{"kind":"other"}' }), [201, 400, 404]);
      }),
      RUNS,
    );
  });

  it('records or refuses any flag body, never failing on its content', async () => {
    const field = (valid: fc.Arbitrary<unknown>) => fc.option(fc.oneof(valid, anyJsonValue), { nil: undefined });
    const body = fc.oneof(
      fc.record({ kind: field(fc.constantFrom('should_have_automated', 'wrong_answer', 'wrong_team', 'other')), comment: field(hostileText(20)), attemptId: field(fc.integer()) }).map((b) => JSON.stringify(b)),
      anyJsonValue.map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        expectAnswer(await call(f, 'POST', `/api/sidebar/tickets/${f.ticketId}/flags`, { auth, body: b }), [201, 400, 413]);
      }),
      RUNS,
    );
  });

  it('answers every hostile "other" flag comment, one edge string at a time', async () => {
    for (const comment of EDGE_STRINGS) {
      expectAnswer(await call(f, 'POST', `/api/sidebar/tickets/${f.ticketId}/flags`, { auth, body: JSON.stringify({ kind: 'other', comment }) }), [201]);
    }
  });

  it('answers hostile analytics queries with 200 or 400', async () => {
    const q = fc.record({ from: fc.option(fc.oneof(hostileText(4), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('0000-00-00', '9999-12-31', '2026-02-30', '-271821-04-20', '+275760-09-13T00:00:00.000Z'))), to: fc.option(hostileText(4)) });
    await fc.assert(
      fc.asyncProperty(q, async ({ from, to }) => {
        const params = new URLSearchParams();
        if (from !== null) params.set('from', from);
        if (to !== null) params.set('to', to);
        expectAnswer(await call(f, 'GET', `/api/analytics/summary?${params}`, { auth }), [200, 400]);
      }),
      RUNS,
    );
    expectAnswer(await call(f, 'GET', '/api/analytics/summary?from=a&from=b&to[x]=1', { auth }), [200, 400]);
  });

  it('treats hostile claims in a validly signed token as data, not as a failure', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(8), hostileText(8), fc.oneof(fc.constant('acme'), hostileText(3)), async (name, sub, iss) => {
        const token = await appToken({ agentName: name, agentId: sub || '1', account: iss });
        expectAnswer(await call(f, 'GET', `/api/sidebar/tickets/${f.ticketId}`, { auth: `Bearer ${token}` }), [200, 401, 404]);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('answers malformed JSON and oversized bodies with a coded 4xx, and return-to-automation with hostile notes', async () => {
    expectAnswer(await call(f, 'POST', `/api/sidebar/tickets/${f.ticketId}/flags`, { auth, body: '{"kind":' }), [400]);
    expectAnswer(await call(f, 'POST', `/api/sidebar/tickets/${f.ticketId}/flags`, { auth, body: JSON.stringify({ kind: 'other', comment: 'x'.repeat(20_000) }) }), [413]);
    expectAnswer(await call(f, 'POST', `/api/sidebar/tickets/${f.ticketId}/return`, { auth, body: '[]' }), [400]);
    expectAnswer(await call(f, 'POST', `/api/sidebar/tickets/${f.ticketId}/return`, { auth, body: JSON.stringify({ note: '\u202eevil\u0000 \ud800' }) }), [200]);
    expectAnswer(await call(f, 'POST', `/api/sidebar/tickets/${f.ticketId}/return`, { auth, body: JSON.stringify({ note: 'again' }) }), [409]);
  });
});
