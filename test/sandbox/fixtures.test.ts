/**
 * The committed trigger fixtures (test/fixtures/zendesk/*.trigger.json) are exactly what the
 * sandbox renders and sends today, their signatures verify with the real algorithm, and the
 * connector's payload schema accepts them. If this fails after an intended change, regenerate
 * with `npx tsx test/fixtures/zendesk/capture-trigger-fixtures.ts`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { triggerPayloadSchema } from '../../connector/src/intake/zendesk/trigger-payload.js';
import { captureTriggerDeliveries, FIXTURE_NAMES, type CapturedDelivery, type FixtureName } from '../fixtures/zendesk/trigger-fixture-scenario.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/zendesk');
const readFixture = (name: FixtureName): { body: string; signing_secret: string; headers: Record<string, string> } => {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, `${name}.headers.json`), 'utf8')) as { signing_secret: string; headers: Record<string, string> };
  return { body: fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'), ...meta };
};

let captured: Record<FixtureName, CapturedDelivery>;
beforeAll(async () => {
  captured = await captureTriggerDeliveries();
});

describe.each(FIXTURE_NAMES)('%s', (name) => {
  it('matches what the sandbox sends, byte for byte', () => {
    const fixture = readFixture(name);
    expect(captured[name].body).toBe(fixture.body);
    expect(captured[name].headers).toEqual(fixture.headers);
  });

  it('carries a signature that verifies: base64(HMAC-SHA256(secret, timestamp + body))', () => {
    const { body, signing_secret, headers } = readFixture(name);
    const timestamp = headers['x-zendesk-webhook-signature-timestamp']!;
    expect(headers['x-zendesk-webhook-signature']).toBe(crypto.createHmac('sha256', signing_secret).update(timestamp + body).digest('base64'));
    const tampered = body.replace('"schema"', '"schema" ');
    expect(crypto.createHmac('sha256', signing_secret).update(timestamp + tampered).digest('base64')).not.toBe(headers['x-zendesk-webhook-signature']);
  });

  it('is accepted by the connector’s trigger payload schema', () => {
    const payload = triggerPayloadSchema.parse(JSON.parse(readFixture(name).body));
    expect(payload.event).toBe(name.startsWith('ticket-created') ? 'ticket.created' : 'ticket.comment_added');
  });
});
