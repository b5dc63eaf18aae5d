/**
 * `baton doctor --helpdesk freshdesk` against the sandbox's Freshdesk face and a connector over
 * real HTTP: an account set up as the README says passes every check, and each way of setting
 * it up wrong (key, plan, a missing rule, a rule that would loop, a wrong secret header) fails
 * the check that covers it, with the fix spelled out.
 */
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDoctor } from '../../connector/src/cli/commands/doctor.js';
import { loadConfig } from '../../connector/src/config/load.js';
import { RULE_ACCOUNT_CHECKS, ruleDoctorContext } from '../../connector/src/doctor/rule-account/index.js';
import { runDoctor } from '../../connector/src/doctor/run-doctor.js';
import type { CheckResult } from '../../connector/src/doctor/types.js';
import { connectorEnvFor } from '../../connector/src/sandbox/index.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('baton doctor on Freshdesk', () => {
  let stack: Stack;
  let env: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ helpdesk: 'freshdesk' });
    env = { ...connectorEnvFor(stack.sandbox, stack.secret), LOG_LEVEL: 'silent' };
  });
  afterAll(async () => stack?.close());

  const run = async (over: Record<string, string> = {}, connectorUrl = stack.url) => {
    const results = await runDoctor(ruleDoctorContext(loadConfig({ ...env, ...over }), { connectorUrl }), RULE_ACCOUNT_CHECKS);
    return Object.fromEntries(results.map((r) => [r.id, r])) as Record<string, CheckResult>;
  };
  const rule = (name: string) => stack.sandbox.freshdesk!.rules().find((r) => r.name === name)!;
  /** Changes a rule for one run and puts it back. */
  const withRule = async <T>(name: string, change: (r: ReturnType<typeof rule>) => void, body: () => Promise<T>): Promise<T> => {
    const r = rule(name);
    const saved = structuredClone({ performer: r.performer, events: r.events, conditions: r.conditions, actions: r.actions, active: r.active });
    change(r);
    try {
      return await body();
    } finally {
      Object.assign(r, saved);
    }
  };

  it('passes every check on an account set up as the README says, and the test delivery records nothing', async () => {
    const r = await run();
    expect(Object.fromEntries(Object.values(r).map((c) => [c.id, c.status]))).toEqual({
      credentials: 'ok',
      rate_limit: 'ok',
      automation_rules: 'ok',
      statuses: 'ok',
      teams: 'ok',
      knowledge_base: 'ok',
      test_delivery: 'ok',
    });
    expect(r.credentials!.details.join('\n')).toMatch(/Baton's replies, notes and updates are made as this agent/);
    expect(r.automation_rules!.details).toHaveLength(3); // new ticket, customer reply, agent's return
    expect(r.automation_rules!.details.join('\n')).toMatch(/only while the return tag is on the ticket/);
    expect(await stack.db.store.db.selectFrom('webhook_events').selectAll().execute()).toEqual([]);
  });

  it('a wrong API key fails and skips the rest', async () => {
    const r = await run({ FRESHDESK_API_KEY: 'not-the-key' });
    expect(r.credentials).toMatchObject({ status: 'fail', details: [expect.stringMatching(/refused FRESHDESK_API_KEY \(401\)/)], fix: expect.stringMatching(/View API key/) });
    expect(r.automation_rules!.status).toBe('skip');
  });

  it('a plan above the account\'s X-RateLimit-Total fails, one below warns', async () => {
    stack.sandbox.setRateLimit(400);
    try {
      expect((await run({ FRESHDESK_PLAN: 'enterprise' })).rate_limit).toMatchObject({ status: 'fail', details: [expect.stringMatching(/700\/min.*400\/min/)] });
      expect((await run({ FRESHDESK_PLAN: 'growth' })).rate_limit).toMatchObject({ status: 'warn', details: [expect.stringMatching(/allows 400\/min/)] });
      expect((await run({ FRESHDESK_PLAN: 'pro' })).rate_limit!.status).toBe('ok');
    } finally {
      stack.sandbox.setRateLimit(2000); // the add-on plan the stack's connector is configured for
    }
  });

  it('an update rule without loop prevention fails with each missing condition named', async () => {
    const r = await withRule(
      'Baton: customer reply',
      (x) => {
        x.performer = { type: 3 };
        x.events = [{ field_name: 'reply_sent' }, { field_name: 'note_type' }];
        x.conditions = [];
      },
      () => run(),
    );
    expect(r.automation_rules!.status).toBe('fail');
    const text = r.automation_rules!.details.join('\n');
    expect(text).toMatch(/Baton's agent included/);
    expect(text).toMatch(/"Note is added"/);
    expect(text).toMatch(/Tags does not contain baton_handoff/);
    expect(r.automation_rules!.fix).toMatch(/README/);
  });

  it('a missing or inactive rule fails', async () => {
    const missing = await withRule('Baton: new ticket', (x) => (x.actions = [{ field_name: 'add_note' }]), () => run());
    expect(missing.automation_rules!.details).toContain(`no Ticket creation rule triggers a webhook to ${stack.url}/webhooks/freshdesk`);
    const inactive = await withRule('Baton: customer reply', (x) => (x.active = false), () => run());
    expect(inactive.automation_rules!.details).toContain('"Baton: customer reply" is inactive');
  });

  it('a rule sending another secret fails the rules check and the test delivery (401)', async () => {
    const r = await withRule(
      'Baton: new ticket',
      (x) => {
        const action = x.actions[0] as { custom_headers?: Record<string, string> };
        action.custom_headers = { 'X-Baton-Webhook-Secret': 'a-stale-secret' };
      },
      () => run(),
    );
    expect(r.automation_rules!.details.join('\n')).toMatch(/"Baton: new ticket" sends a X-Baton-Webhook-Secret that is none of BATON_WEBHOOK_SECRET/);
    expect(r.test_delivery).toMatchObject({ status: 'fail', details: [expect.stringMatching(/refused the rules' secret header \(401/)] });
  });

  it('rules pointing at another connector are not Baton\'s for this one', async () => {
    const r = await run({}, 'https://elsewhere.example.com');
    expect(r.automation_rules).toMatchObject({ status: 'fail', details: expect.arrayContaining(['no Ticket updates rule triggers a webhook to https://elsewhere.example.com/webhooks/freshdesk']) });
    expect(r.test_delivery!.status).toBe('skip');
  });

  it('`baton doctor --helpdesk freshdesk --json` prints the Freshdesk checks and exits 0 when all pass', async () => {
    const out: string[] = [];
    const program = new Command().exitOverride();
    const { BATON_HELPDESK: _, ...withoutHelpdesk } = env;
    registerDoctor(program, { env: withoutHelpdesk, out: (t) => out.push(t) });
    try {
      await program.parseAsync(['node', 'baton', 'doctor', '--helpdesk', 'freshdesk', '--connector-url', `${stack.url}/`, '--json']);
      expect(process.exitCode ?? 0).toBe(0);
    } finally {
      process.exitCode = undefined;
    }
    const json = JSON.parse(out.join('')) as { helpdesk: string; results: CheckResult[] };
    expect(json.helpdesk).toBe('freshdesk');
    expect(json.results.map((r) => r.status)).toEqual(Array(7).fill('ok'));
  });
});
