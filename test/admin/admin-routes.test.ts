/**
 * The admin routes the analytics page calls, mounted on a bare router (the connector mounts
 * them behind the app's auth): rollout changes validated, persisted and handed to the running
 * connector; analytics and calibration answered for the caller's tenant only.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAdminRoutes } from '../../connector/src/admin/http/admin-routes.js';
import { ensureAdminTables } from '../../connector/src/admin/store/tables.js';
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { DEFAULT_POLICY_PATH, loadPolicy, type Policy } from '../../connector/src/triage/index.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';
import { insertAttempt } from './records.js';

describe('admin routes', () => {
  let db: TestStore;
  let policyPath: string;
  const swapped: Policy[] = [];
  let app: express.Express;

  beforeAll(async () => {
    db = await sqliteTestStore();
    await ensureAdminTables(db.store);
    policyPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-routes-')), 'policy.yaml');
    copyFileSync(DEFAULT_POLICY_PATH, policyPath);
    await insertAttempt(db.store, { tenantId: 'zendesk:acme', intent: 'how_to', confidence: 0.95, action: 'automate' });
    await insertAttempt(db.store, { tenantId: 'zendesk:acme', intent: 'refund_request', confidence: 0.9, action: 'handoff', reasons: ['intent_not_automated'], team: 'finance' });
    await insertAttempt(db.store, { tenantId: 'zendesk:other', intent: 'how_to', confidence: 0.95, action: 'handoff' });
    const router = express.Router();
    router.use(express.json());
    registerAdminRoutes(router, {
      store: db.store,
      // Never called by these routes; the shadow and sync routes are covered against the sandbox elsewhere.
      helpdesk: ZendeskHelpdesk.connect({ baseUrl: 'http://127.0.0.1:9', email: 'x@example.com', apiToken: 't', ratePerMinute: 700 }),
      policyPath,
      tenantOf: () => 'zendesk:acme',
      onPolicyChange: (p) => void swapped.push(p),
    });
    app = express().use('/api/admin', router);
  });
  afterAll(async () => db?.cleanup());

  it('answers the analytics for the caller’s tenant only', async () => {
    const res = await request(app).get('/api/admin/analytics').query({ days: 7 }).expect(200);
    expect(res.body.totals).toMatchObject({ tickets: 2, handedOff: 1, handoffRate: 0.5 });
    expect(res.body.healthy.handoffRate).toMatchObject({ min: 0.1, max: 0.4, status: 'above' });
    await request(app).get('/api/admin/analytics').query({ from: 'yesterday-ish' }).expect(400, { error: { code: 'BAD_REQUEST', message: 'from: expected a date like 2025-03-01 or an ISO time, got "yesterday-ish"' } });
  });

  it('changes a rollout switch, writes it, and hands the new policy to the connector', async () => {
    const res = await request(app).put('/api/admin/rollout').send({ target: { kind: 'intent', intent: 'how_to' }, mode: 'shadow' }).expect(200);
    expect(res.body.changed).toBe(true);
    expect(res.body.rollout.intents).toContainEqual({ intent: 'how_to', mode: 'shadow', explicit: true });
    expect(loadPolicy(policyPath).rollout.intents.how_to).toBe('shadow');
    expect(swapped.map((p) => p.rollout.intents.how_to)).toEqual(['shadow']);
    expect((await request(app).get('/api/admin/rollout').expect(200)).body.intents).toContainEqual({ intent: 'how_to', mode: 'shadow', explicit: true });
  });

  it('refuses a bad rollout change with 400 and leaves the policy alone', async () => {
    const before = readFileSync(policyPath, 'utf8');
    const badMode = await request(app).put('/api/admin/rollout').send({ target: { kind: 'intent', intent: 'how_to' }, mode: 'maybe' }).expect(400);
    expect(badMode.body.error.code).toBe('BAD_REQUEST');
    expect(badMode.body.error.message).toMatch(/^mode: /);
    const badIntent = await request(app).put('/api/admin/rollout').send({ target: { kind: 'intent', intent: 'nope' }, mode: 'live' }).expect(400);
    expect(badIntent.body.error.message).toMatch(/unknown intent "nope"/);
    expect(readFileSync(policyPath, 'utf8')).toBe(before);
    expect(swapped).toHaveLength(1);
  });

  it('answers the calibration and the weekly review', async () => {
    const cal = await request(app).get('/api/admin/calibration').expect(200);
    expect(cal.body.intents.map((i: { intent: string }) => i.intent).sort()).toEqual(['how_to', 'refund_request']);
    const review = await request(app).get('/api/admin/weekly-review').query({ week: new Date(Date.now() - 60_000).toISOString() }).expect(200);
    expect(review.body.groups).toEqual([expect.objectContaining({ reason: 'intent_not_automated', escalations: 1 })]);
  });
});
