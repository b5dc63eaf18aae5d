/**
 * `baton doctor` against the sandbox over real HTTP: an account set up right passes every
 * check, and each way of setting it up wrong fails (or warns) the check that covers it,
 * with the fix spelled out.
 */
import crypto from 'node:crypto';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../connector/src/config/load.js';
import { doctorContext } from '../../connector/src/doctor/context.js';
import { runDoctor } from '../../connector/src/doctor/run-doctor.js';
import type { CheckResult } from '../../connector/src/doctor/types.js';
import { registerDoctor } from '../../connector/src/cli/commands/doctor.js';
import { connectorEnvFor, SANDBOX_GROUPS } from '../../connector/src/sandbox/index.js';
import { startStack, type Stack } from '../helpers/stack.js';

const APP_SECRET = 'stack-app-secret-0123456789abcdef';

describe('baton doctor', () => {
  let stack: Stack;
  let env: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ env: (sandbox) => ({ BATON_APP_PUBLIC_KEY: sandbox.appPublicKeyPem() }) });
    stack.sandbox.installApp({ connector_url: stack.url, shared_secret: APP_SECRET });
    env = { ...connectorEnvFor(stack.sandbox, stack.secret), BATON_APP_SHARED_SECRET: APP_SECRET, BATON_APP_PUBLIC_KEY: stack.sandbox.appPublicKeyPem(), LOG_LEVEL: 'silent' };
  });
  afterAll(async () => stack?.close());

  const run = async (over: Record<string, string> = {}, opts: { connectorUrl?: string; locales?: string[]; groups?: Record<string, string> } = {}) => {
    const ctx = doctorContext(loadConfig({ ...env, ...over }), { connectorUrl: opts.connectorUrl ?? stack.url, locales: opts.locales ?? ['en-us'] });
    if (opts.groups) ctx.policy = { ...ctx.policy, groups: opts.groups };
    const results = await runDoctor(ctx);
    return Object.fromEntries(results.map((r) => [r.id, r])) as Record<string, CheckResult>;
  };
  const webhook = () => [...stack.sandbox.state.webhooks.values()][0]!;
  const trigger = (title: string) => [...stack.sandbox.state.triggers.values()].find((t) => t.title === title)!;

  it('passes every check on an account set up right', async () => {
    const r = await run();
    expect(Object.fromEntries(Object.values(r).map((c) => [c.id, c.status]))).toEqual({
      credentials: 'ok',
      rate_limit: 'ok',
      webhook: 'ok',
      triggers: 'ok',
      teams: 'ok',
      help_center: 'ok',
      app: 'ok',
      test_delivery: 'ok',
    });
    // The test delivery was verified and recorded nothing.
    expect(await stack.db.store.db.selectFrom('webhook_events').selectAll().execute()).toEqual([]);
  });

  it('wrong credentials: fails and skips the rest', async () => {
    const r = await run({ ZENDESK_API_TOKEN: 'not-the-token' });
    expect(r.credentials).toMatchObject({ status: 'fail', fix: expect.stringMatching(/API token/) });
    expect(r.webhook!.status).toBe('skip');
  });

  it("an agent's token: says what the role cannot do, and skips the admin-only checks", async () => {
    stack.sandbox.apiUser.role = 'agent';
    try {
      const r = await run();
      expect(r.credentials!.status).toBe('warn');
      expect(r.credentials!.details.join('\n')).toMatch(/cannot list CSAT ratings/);
      for (const id of ['webhook', 'app', 'test_delivery']) expect(r[id]!.status).toBe('skip');
    } finally {
      stack.sandbox.apiUser.role = 'admin';
    }
  });

  it('the plan allows less than configured', async () => {
    stack.sandbox.setRateLimit(700);
    try {
      const r = await run();
      expect(r.rate_limit).toMatchObject({ status: 'fail', fix: 'Set ZENDESK_RATE_LIMIT_PER_MINUTE=700.' });
    } finally {
      stack.sandbox.setRateLimit(2500);
    }
  });

  it('the webhook is missing, inactive, or signs with another secret', async () => {
    expect((await run({}, { connectorUrl: 'https://elsewhere.example.com' })).webhook).toMatchObject({ status: 'fail', details: [expect.stringMatching(/No webhook posts to https:\/\/elsewhere\.example\.com\/webhooks\/zendesk/)] });
    webhook().status = 'inactive';
    try {
      expect((await run()).webhook!.status).toBe('fail');
    } finally {
      webhook().status = 'active';
    }
    const other = await run({ BATON_WEBHOOK_SECRET: 'some-other-secret-0123456789' });
    expect(other.webhook).toMatchObject({ status: 'fail', fix: expect.stringMatching(/BATON_WEBHOOK_SECRET/) });
  });

  it('a trigger is missing, inactive, or lost a condition', async () => {
    const created = trigger('Baton: ticket created by customer');
    const comment = trigger('Baton: public comment by customer');
    const ret = trigger('Baton: agent returned ticket to automation');
    const keptConditions = comment.conditions.all;
    stack.sandbox.state.triggers.delete(ret.id);
    created.active = false;
    comment.conditions.all = keptConditions.filter((c) => c.field !== 'current_via_id');
    try {
      const r = await run();
      expect(r.triggers!.status).toBe('fail');
      expect(r.triggers!.details).toEqual([
        '"Baton: ticket created by customer" is inactive',
        '"Baton: public comment by customer" lacks the condition current_via_id is_not 5',
        '"Baton: agent returned ticket to automation" is missing',
      ]);
    } finally {
      stack.sandbox.state.triggers.set(ret.id, ret);
      created.active = true;
      comment.conditions.all = keptConditions;
    }
  });

  it('a policy team has no group, or a group without agents', async () => {
    const memberships = stack.sandbox.state.memberships;
    const kept = [...memberships];
    memberships.splice(0, memberships.length, ...kept.filter((m) => m.groupId !== SANDBOX_GROUPS.revenue.id));
    try {
      const r = await run({}, { groups: { finance: 'Finance', revenue: 'Revenue', legal: 'Legal Team' } });
      expect(r.teams!.status).toBe('fail');
      expect(r.teams!.details.slice(0, 2)).toEqual(['team revenue: group "Revenue" has no agent who can take tickets', 'team legal: no group named "Legal Team"']);
    } finally {
      memberships.splice(0, memberships.length, ...kept);
    }
  });

  it('Help Center has no articles, or none in a supported locale', async () => {
    expect((await run({}, { locales: ['en-us', 'de'] })).help_center).toMatchObject({ status: 'warn', fix: expect.stringMatching(/Publish articles in de/) });
    const articles = stack.sandbox.state.articles;
    const kept = articles.splice(0, articles.length);
    try {
      expect((await run()).help_center!.status).toBe('fail');
    } finally {
      articles.push(...kept);
    }
  });

  it('the app is not installed for this connector, disabled, or its key is not the configured one', async () => {
    stack.sandbox.installApp({ connector_url: 'https://old-connector.example.com', shared_secret: APP_SECRET });
    expect((await run()).app!.details[0]).toMatch(/installed with connector_url https:\/\/old-connector\.example\.com/);
    stack.sandbox.installApp({ connector_url: stack.url, shared_secret: APP_SECRET }, { enabled: false });
    expect((await run()).app!.status).toBe('fail');
    stack.sandbox.installApp({ connector_url: stack.url, shared_secret: APP_SECRET });
    const otherKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect((await run({ BATON_APP_PUBLIC_KEY: otherKey })).app).toMatchObject({ status: 'fail', fix: expect.stringMatching(/public_key\.pem/) });
  });

  it('the signed test delivery: refused for a wrong secret, unreachable for a connector that is not there', async () => {
    const w = webhook();
    const keptSecret = w.signingSecret;
    w.signingSecret = 'a-secret-the-connector-does-not-know';
    try {
      // The doctor is configured with the webhook's (new) secret; the running connector is not.
      expect((await run({ BATON_WEBHOOK_SECRET: w.signingSecret })).test_delivery).toMatchObject({ status: 'fail', details: [expect.stringMatching(/refused Zendesk's signature \(401/)] });
    } finally {
      w.signingSecret = keptSecret;
    }
    const keptEndpoint = w.endpoint;
    w.endpoint = 'http://127.0.0.1:9/webhooks/zendesk';
    try {
      expect((await run({}, { connectorUrl: 'http://127.0.0.1:9' })).test_delivery).toMatchObject({ status: 'fail', details: [expect.stringMatching(/could not reach/)] });
    } finally {
      w.endpoint = keptEndpoint;
    }
  });

  it('`baton doctor` prints each check with its fix and exits 1 when something fails', async () => {
    const out: string[] = [];
    const program = new Command().exitOverride();
    registerDoctor(program, { env: { ...env, ZENDESK_RATE_LIMIT_PER_MINUTE: '700' }, out: (t) => out.push(t) });
    stack.sandbox.setRateLimit(400);
    let exitCode: typeof process.exitCode;
    try {
      await program.parseAsync(['node', 'baton', 'doctor', '--connector-url', `${stack.url}/`, '--locales', 'en-us']);
      exitCode = process.exitCode;
    } finally {
      stack.sandbox.setRateLimit(2500);
      process.exitCode = undefined;
    }
    const text = out.join('');
    expect(text).toMatch(/^OK {4}API credentials/m);
    expect(text).toMatch(/^FAIL {2}Rate-limit plan\n.*700.*400\/min.*\n {6}fix: Set ZENDESK_RATE_LIMIT_PER_MINUTE=400\./m);
    expect(text).toMatch(/1 problem\(s\) to fix before going live/);
    expect(exitCode).toBe(1);
  });
});
