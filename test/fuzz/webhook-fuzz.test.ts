/**
 * Property-based fuzzing of POST /webhooks/zendesk with VALID signatures, so every request
 * gets past the signature check into parsing, validation and storage: random bytes, random
 * JSON, valid payloads with one field replaced by anything, and hostile text in every text
 * field. The intake must never answer 5xx, never crash, refuse with a coded 4xx, and store
 * what it accepts so that it reads back exactly. Runs are bounded (numRuns) and seeded by
 * fast-check; a failure prints the seed and the smallest failing input.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEvent } from '../../connector/src/store/events.js';
import { BACKENDS } from '../helpers/stores.js';
import { anyJsonValue, eventPayload, hostileText, paths, replaceAt, triggerPayload } from './generators.js';
import { expectCleanAnswer, startIntake, type IntakeFixture } from './intake-fixture.js';

let intake: IntakeFixture;
beforeAll(async () => {
  intake = await startIntake();
});
afterAll(() => intake?.close());

let n = 0;
const withoutNul = (s: string) => s.replace(/\u0000/g, '');
const RUNS = { numRuns: 200, endOnFailure: true };

describe('webhook intake under random input (valid signatures)', () => {
  it('answers random bytes with a coded 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        expectCleanAnswer(await intake.post(Buffer.from(bytes)), [400]);
      }),
      RUNS,
    );
  });

  it('answers any JSON value as a whole body with 202 or a coded 400', async () => {
    await fc.assert(
      fc.asyncProperty(anyJsonValue, async (value) => {
        expectCleanAnswer(await intake.post(JSON.stringify(value)));
      }),
      RUNS,
    );
  });

  it.each([
    ['trigger', triggerPayload],
    ['event subscription', eventPayload],
  ] as const)('survives any single field of a %s body replaced or removed', async (_kind, make) => {
    const fieldPaths = paths(make(0));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fieldPaths), fc.option(anyJsonValue, { nil: undefined }), async (path, value) => {
        const res = await intake.post(JSON.stringify(replaceAt(make(++n), path, value)));
        expectCleanAnswer(res);
        if (res.status === 400 && res.json.error.code === 'WEBHOOK_INVALID_PAYLOAD') expect(typeof res.json.error.details?.field).toBe('string');
        if (res.json.status === 'accepted' && res.json.event_id) expect(await loadEvent(intake.db.store, res.json.event_id)).toBeDefined();
        // Accepted without an event id: kept, to read its comment through the API.
        if (res.json.status === 'accepted' && !res.json.event_id) {
          const kept = await intake.db.store.db.selectFrom('raw_deliveries').select('status').where('ticket_id', '=', String(res.json.ticket_id)).execute();
          expect(kept.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });
});

describe.each(BACKENDS)('hostile text in every field, stored on %s', (_name, open) => {
  let stored: IntakeFixture;
  beforeAll(async () => {
    stored = await startIntake(open);
  });
  afterAll(() => stored?.close());

  it('accepts it and reads back exactly what was sent', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), hostileText(), hostileText(6), hostileText(6), async (body, subject, name, tags) => {
        const p = triggerPayload(++n);
        p.comment.body = body;
        p.ticket.subject = subject;
        p.requester.name = name;
        p.organization.name = name;
        p.ticket.tags = tags;
        const res = await stored.post(JSON.stringify(p));
        expectCleanAnswer(res, [202]);
        expect(res.json.status).toBe('accepted');
        const event = await loadEvent(stored.db.store, res.json.event_id);
        if (event?.type !== 'ticket.customer_message') throw new Error(`stored as ${event?.type}`);
        // NUL may be dropped at the edge (PostgreSQL text cannot hold it); all else is kept.
        expect(withoutNul(event.message.body)).toBe(withoutNul(body));
        expect(withoutNul(event.ticket.subject)).toBe(withoutNul(subject));
        expect(withoutNul(event.requester.name)).toBe(withoutNul(name));
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});
