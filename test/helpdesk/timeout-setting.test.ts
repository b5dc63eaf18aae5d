/**
 * The helpdesk timeout is a setting (ZENDESK_TIMEOUT_MS, FRESHDESK_TIMEOUT_MS) that reaches the
 * gateway the connector opens: against a server that accepts the request and never answers, a
 * small timeout ends each try, and after the gateway's retries the call fails with its own coded
 * error naming the setting, instead of waiting 15 s a try. The admin commands that read the
 * helpdesk (audit, report --sync, train) take the same setting, and so does `baton doctor`:
 * its unretried Zendesk reads fail with the same coded error, and its Freshdesk test delivery
 * gives up after FRESHDESK_TIMEOUT_MS, saying so.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBatonError } from '../../connector/src/errors.js';
import { DOCTOR_PING } from '../../connector/src/doctor/checks/test-delivery.js';
import { helpdeskFromEnv, openAccountSetup, openHelpdesk, openRuleAccountSetup } from '../../connector/src/helpdesk/open.js';
import { testConfig } from '../helpers/config.js';

let server: http.Server;
let url: string;
let requests = 0;

beforeAll(async () => {
  // Reads the request and never answers; the sockets are closed when the server is.
  server = http.createServer(() => void requests++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const SETTINGS = {
  zendesk: { ZENDESK_BASE_URL: () => url, ZENDESK_TIMEOUT_MS: '150' },
  freshdesk: { BATON_HELPDESK: 'freshdesk', FRESHDESK_BASE_URL: () => url, FRESHDESK_DOMAIN: 'acme', FRESHDESK_API_KEY: 'key', FRESHDESK_TIMEOUT_MS: '150' },
} as const;

describe.each(['zendesk', 'freshdesk'] as const)('the %s timeout setting', (helpdesk) => {
  it('ends a request the helpdesk never answers with HELPDESK_TIMEOUT, naming the setting', async () => {
    const env = Object.fromEntries(Object.entries(SETTINGS[helpdesk]).map(([k, v]) => [k, typeof v === 'function' ? v() : v]));
    const gateway = openHelpdesk(testConfig(env));
    const before = requests;
    const err = await gateway.selfUserId().catch((e: unknown) => e);
    expect(isBatonError(err, 'HELPDESK_TIMEOUT')).toBe(true);
    const setting = `${helpdesk.toUpperCase()}_TIMEOUT_MS`;
    expect((err as Error).message).toContain(`within 150 ms`);
    expect((err as Error).message).toContain(`raise ${setting}`);
    expect((err as { status: number }).status).toBe(503); // retryable: the job tries again later
    expect(requests - before).toBe(4); // the first try and the gateway's three retries
  }, 20_000);
});

describe('the admin commands\' helpdesk', () => {
  it('takes the same timeout settings, and refuses one that is not a number of milliseconds', async () => {
    const zendesk = helpdeskFromEnv({ ZENDESK_BASE_URL: url, ZENDESK_EMAIL: 'a@example.com', ZENDESK_API_TOKEN: 't', ZENDESK_TIMEOUT_MS: '150' });
    expect(isBatonError(await zendesk.selfUserId().catch((e: unknown) => e), 'HELPDESK_TIMEOUT')).toBe(true);
    const freshdesk = helpdeskFromEnv({ BATON_HELPDESK: 'freshdesk', FRESHDESK_BASE_URL: url, FRESHDESK_API_KEY: 'key', FRESHDESK_TIMEOUT_MS: '150' });
    expect(isBatonError(await freshdesk.selfUserId().catch((e: unknown) => e), 'HELPDESK_TIMEOUT')).toBe(true);
    expect(() => helpdeskFromEnv({ ZENDESK_BASE_URL: url, ZENDESK_EMAIL: 'a@example.com', ZENDESK_API_TOKEN: 't', ZENDESK_TIMEOUT_MS: '2s' })).toThrow('ZENDESK_TIMEOUT_MS: expected a positive number of milliseconds, got "2s"');
  }, 20_000);
});

describe("baton doctor's helpdesk", () => {
  const env = (helpdesk: 'zendesk' | 'freshdesk') => Object.fromEntries(Object.entries(SETTINGS[helpdesk]).map(([k, v]) => [k, typeof v === 'function' ? v() : v]));

  it('fails a Zendesk read it does not retry with HELPDESK_TIMEOUT, naming ZENDESK_TIMEOUT_MS', async () => {
    const before = requests;
    const err = await openAccountSetup(testConfig(env('zendesk'))).planRateLimit().catch((e: unknown) => e);
    expect(isBatonError(err, 'HELPDESK_TIMEOUT')).toBe(true);
    expect((err as Error).message).toBe('Zendesk did not answer GET /api/v2/users/me within 150 ms. If Zendesk is slow rather than down, raise ZENDESK_TIMEOUT_MS.');
    expect(requests - before).toBe(1);
  }, 20_000);

  it('gives up on a Freshdesk test delivery after FRESHDESK_TIMEOUT_MS, and says which setting that was', async () => {
    const before = requests;
    const sent = await openRuleAccountSetup(testConfig(env('freshdesk'))).deliver(`${url}/webhooks/freshdesk`, { 'X-Baton-Webhook-Secret': 's' }, DOCTOR_PING);
    expect(sent).toEqual({ status: 0, body: 'no answer within 150 ms (FRESHDESK_TIMEOUT_MS; raise it if the connector is slow rather than down)' });
    expect(requests - before).toBe(1);
  }, 20_000);
});
