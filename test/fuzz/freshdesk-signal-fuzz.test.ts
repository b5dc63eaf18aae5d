/**
 * Property-based fuzzing of POST /webhooks/freshdesk with the right secret header, so every
 * request gets past authentication into parsing and storage (the Freshdesk counterpart of
 * webhook-fuzz.test.ts): random bytes, random JSON, a valid signal with one field replaced by
 * anything. Never a 5xx, every refusal a coded 4xx that does not repeat the body (a rule's
 * body can carry a customer's words), and what is accepted is stored under the ticket it names.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshdeskSignalBody } from '../../connector/src/intake/freshdesk/signal.js';
import { loadEvent } from '../../connector/src/store/events.js';
import { TEST_SECRET } from '../helpers/config.js';
import { anyJsonValue, paths, replaceAt } from './generators.js';
import { expectCleanAnswer, startIntake, type IntakeFixture } from './intake-fixture.js';
import { readAnswer } from './read-response.js';

let intake: IntakeFixture;
beforeAll(async () => {
  // The worker is off: no signal is read through the API, so no Freshdesk needs to answer.
  intake = await startIntake(undefined, { BATON_HELPDESK: 'freshdesk', FRESHDESK_BASE_URL: 'http://127.0.0.1:9', FRESHDESK_DOMAIN: 'acme', FRESHDESK_API_KEY: 'fuzz-key' });
});
afterAll(() => intake?.close());

const RUNS = { numRuns: 150, endOnFailure: true };
/** A marker in every body: a refusal that quotes the body would carry it. */
const MARKER = 'zqxq';

async function post(body: Buffer | string) {
  const res = await fetch(`${intake.url}/webhooks/freshdesk`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': 'application/json', 'x-baton-webhook-secret': TEST_SECRET } });
  return readAnswer(res);
}

let n = 0;
const signal = () =>
  JSON.parse(freshdeskSignalBody('ticket.customer_reply').replace('{{ticket.id}}', String(++n)).replace('{{ticket.url}}', `https://acme.freshdesk.com/a/tickets/${n}`).replace('{{triggered_event}}', '{reply_sent:sent}')) as Record<string, unknown>;

describe('Freshdesk intake under random input (right secret)', () => {
  it('answers random bytes with a coded 400 that does not repeat them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        const res = await post(Buffer.concat([Buffer.from(`{"email":${MARKER}`), Buffer.from(bytes)]));
        expectCleanAnswer(res, [400]);
        expect(res.text).not.toContain(MARKER);
      }),
      RUNS,
    );
  });

  it('answers any JSON value as a whole body with 202 or a coded 400', async () => {
    await fc.assert(
      fc.asyncProperty(anyJsonValue, async (value) => {
        expectCleanAnswer(await post(JSON.stringify(value)));
      }),
      RUNS,
    );
  });

  it('survives any single field of a signal replaced or removed, and stores what it accepts', async () => {
    const fieldPaths = paths(signal());
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fieldPaths), fc.option(anyJsonValue, { nil: undefined }), async (path, value) => {
        const res = await post(JSON.stringify(replaceAt(signal(), path, value)));
        expectCleanAnswer(res);
        if (res.json.status === 'accepted') expect(await loadEvent(intake.db.store, res.json.event_id)).toMatchObject({ type: 'ticket.signal', provider: 'freshdesk' });
      }),
      RUNS,
    );
  });
});
