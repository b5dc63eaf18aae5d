/**
 * Rollout controls: changes are validated, persisted atomically with the rest of the policy
 * file untouched, and take effect in a connector started on the returned policy; the shadow
 * report then puts Baton's would-be decisions next to what agents did on the helpdesk.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changeRollout, readRollout } from '../../connector/src/admin/rollout/rollout-controls.js';
import { shadowReport } from '../../connector/src/admin/rollout/shadow-report.js';
import { DAY } from '../../connector/src/admin/time.js';
import { SANDBOX_AGENTS, SANDBOX_GROUPS } from '../../connector/src/sandbox/index.js';
import { DEFAULT_POLICY_PATH, loadPolicy } from '../../connector/src/triage/index.js';
import { HELPDESKS } from '../helpers/stack.js';
import { BACKENDS } from '../helpers/stores.js';
import { startPolicyStack, type PolicyStack } from './policy-stack.js';

const copyPolicy = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-rollout-'));
  const file = path.join(dir, 'policy.yaml');
  copyFileSync(DEFAULT_POLICY_PATH, file);
  return file;
};
const changedLines = (before: string, after: string) => after.split('\n').filter((line, i) => line !== before.split('\n')[i]);

describe('rollout controls', () => {
  let file: string;
  beforeEach(() => {
    file = copyPolicy();
  });

  it('reads every intent with its mode and whether it follows the default', () => {
    const view = readRollout(file);
    expect(view.default).toBe('live');
    expect(view.intents.find((i) => i.intent === 'refund_request')).toEqual({ intent: 'refund_request', mode: 'live', explicit: false });
    expect(view.segments).toEqual([{ name: 'trial_accounts', mode: 'shadow', match: { org_tags: ['trial'] } }]);
  });

  it('switches an intent, persists it, and changes nothing else in the file', async () => {
    const before = readFileSync(file, 'utf8');
    const result = await changeRollout(file, { target: { kind: 'intent', intent: 'refund_request' }, mode: 'shadow' });
    expect(result.changed).toBe(true);
    expect(result.policy.rollout.intents).toEqual({ refund_request: 'shadow' });
    expect(loadPolicy(file).rollout.intents).toEqual({ refund_request: 'shadow' });
    expect(changedLines(before, readFileSync(file, 'utf8'))).toEqual(['  intents: { refund_request: shadow }']);
    // Back to following the default: the file is as it was.
    await changeRollout(file, { target: { kind: 'intent', intent: 'refund_request' }, mode: 'inherit' });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(path.dirname(file))).toEqual(['policy.yaml']); // no temporary file left behind
  });

  it('switches a segment and the default', async () => {
    await changeRollout(file, { target: { kind: 'segment', segment: 'trial_accounts' }, mode: 'off' });
    const { rollout } = await changeRollout(file, { target: { kind: 'default' }, mode: 'shadow' });
    expect(rollout.default).toBe('shadow');
    expect(rollout.segments[0]!.mode).toBe('off');
    expect(loadPolicy(file).rollout).toMatchObject({ default: 'shadow', segments: [{ name: 'trial_accounts', mode: 'off' }] });
  });

  it('refuses invalid changes and leaves the file as it was', async () => {
    const before = readFileSync(file, 'utf8');
    await expect(changeRollout(file, { target: { kind: 'intent', intent: 'refund_request' }, mode: 'sometimes' as never })).rejects.toMatchObject({
      status: 400,
      message: 'mode: expected one of off, shadow, live, got "sometimes"',
    });
    await expect(changeRollout(file, { target: { kind: 'intent', intent: 'refunds' }, mode: 'live' })).rejects.toThrow(/unknown intent "refunds"; expected one of password_reset/);
    await expect(changeRollout(file, { target: { kind: 'segment', segment: 'nope' }, mode: 'live' })).rejects.toThrow(/unknown segment "nope"; expected one of trial_accounts/);
    await expect(changeRollout(file, { target: { kind: 'default' }, mode: 'inherit' })).rejects.toThrow(/inherit" applies to intents only/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('still edits (through the YAML Document, comments kept) where the text cannot be spliced', async () => {
    // A policy without `rollout.intents` (it defaults to {}): there is no map to add the entry to.
    writeFileSync(file, readFileSync(file, 'utf8').replace('  intents: {}\n', ''));
    expect(loadPolicy(file).rollout.intents).toEqual({});
    await changeRollout(file, { target: { kind: 'intent', intent: 'how_to' }, mode: 'off' });
    const text = readFileSync(file, 'utf8');
    expect(loadPolicy(file).rollout.intents).toEqual({ how_to: 'off' });
    expect(text).toContain('# off: Baton leaves the message alone; shadow: decide and record, post only an internal');
    expect(text).toContain('# Baton triage policy — the shipped defaults.');
  });

  it('applies concurrent changes one after the other, losing none', async () => {
    await Promise.all(
      ['password_reset', 'order_status', 'how_to', 'cancellation'].map((intent, i) => changeRollout(file, { target: { kind: 'intent', intent }, mode: i % 2 ? 'shadow' : 'off' })),
    );
    expect(loadPolicy(file).rollout.intents).toEqual({ password_reset: 'off', order_status: 'shadow', how_to: 'off', cancellation: 'shadow' });
  });
});

describe.each(HELPDESKS.flatMap((helpdesk) => BACKENDS.map(([name, open]) => [helpdesk, name, open] as const)))('shadow mode report on %s with %s', (helpdesk, _name, makeStore) => {
  let stack: PolicyStack;
  const ids: Record<string, number> = {};
  const from = Date.now() - DAY;
  beforeAll(async () => {
    const file = copyPolicy();
    const { policy } = await changeRollout(file, { target: { kind: 'default' }, mode: 'shadow' });
    stack = await startPolicyStack(policy, makeStore, helpdesk);
    const write = (key: string, subject: string, body: string) => {
      ids[key] = stack.sandbox.inbound({ requester: { name: 'Sam Lee', email: `sam.${key}.${Math.random().toString(36).slice(2)}@example.com` }, subject, body, channel: 'email' }).ticket.id;
    };
    write('password', 'Forgot password', 'Hi, I forgot my password and the login page will not let me in. Can you help me reset it?');
    write('refund', 'Double charge', 'I was charged TWICE for my subscription this month. This is terrible. I want a refund today or I will file a chargeback.');
    write('cancel', 'Cancel', 'I want to cancel my subscription, please close my account.');
    await stack.settle();
  });
  afterAll(async () => stack?.close());

  const report = () => shadowReport(stack.db.store, stack.connector.helpdesk, { tenantId: stack.tenantId, from, to: Date.now() + DAY, policy: loadPolicy() });
  const verdicts = async () => Object.fromEntries((await report()).rows.map((r) => [Number(r.ticketId), r.verdict]));

  it('records decisions without acting on them, so nothing is decided on the helpdesk yet', async () => {
    // Workers take the three tickets at once, so the attempts' order is not the tickets' order.
    const rows = await stack.db.store.db.selectFrom('attempts').select(['ticket_id', 'mode', 'action']).execute();
    expect(Object.fromEntries(rows.map((r) => [Number(r.ticket_id), `${r.mode}:${r.action}`]))).toEqual({
      [ids.password!]: 'shadow:automate',
      [ids.refund!]: 'shadow:handoff',
      [ids.cancel!]: 'shadow:handoff',
    });
    expect(rows).toHaveLength(3);
    expect(await verdicts()).toEqual({ [ids.password!]: 'pending', [ids.refund!]: 'pending', [ids.cancel!]: 'pending' });
  });

  it('compares what Baton would have done with what the agents did', async () => {
    stack.sandbox.agentUpdate(ids.password!, SANDBOX_AGENTS.priya.id, { comment: { body: 'Here is your reset link.', public: true }, status: 'solved' });
    stack.sandbox.agentUpdate(ids.refund!, SANDBOX_AGENTS.marcus.id, { group_id: SANDBOX_GROUPS.finance.id, comment: { body: 'Looking into the double charge.', public: true } });
    stack.sandbox.agentUpdate(ids.cancel!, SANDBOX_AGENTS.tom.id, { group_id: SANDBOX_GROUPS.tier1.id, comment: { body: 'Cancelled for you.', public: true }, status: 'solved' });
    await stack.settle();
    const r = await report();
    expect(Object.fromEntries(r.rows.map((x) => [Number(x.ticketId), x.verdict]))).toEqual({ [ids.password!]: 'agreed', [ids.refund!]: 'agreed', [ids.cancel!]: 'disagreed' });
    const cancel = r.rows.find((x) => Number(x.ticketId) === ids.cancel)!;
    expect(cancel.ai).toMatchObject({ action: 'handoff', team: 'revenue' });
    expect(cancel.agent).toMatchObject({ team: 'general_support', group: 'Tier 1 Support', solved: true });
    expect(cancel.agent!.firstReplyMinutes).not.toBeNull();
    expect(r.byIntent.reduce((s, i) => s + i.agreed, 0)).toBe(2);
  });
});
