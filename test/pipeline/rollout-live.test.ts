/**
 * A rollout switch flipped through the admin API applies to the very next message, without
 * a restart: order status goes from live to shadow, and the next order question gets only
 * an internal note.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PATH, loadPolicy } from '../../connector/src/triage/index.js';
import { internalNotes, publicComments, startStack, type Stack } from '../helpers/stack.js';
import { bearer } from '../sidebar/helpers/app-token.js';
import { openNavBarAs } from '../helpers/admin-session.js';

let stack: Stack;
let policyFile: string;
const secret = 'rollout-test-app-secret-0123456789';

beforeAll(async () => {
  policyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-policy-')), 'baton.policy.yaml');
  fs.copyFileSync(DEFAULT_POLICY_PATH, policyFile);
  stack = await startStack({ policy: loadPolicy(policyFile), env: (sandbox) => ({ BATON_POLICY_PATH: policyFile, BATON_APP_SHARED_SECRET: secret, BATON_APP_PUBLIC_KEY: sandbox.appPublicKeyPem() }) });
});
afterAll(async () => stack?.close());

const ask = (n: number) => stack.sandbox.inbound({ requester: { name: `Kai ${n}`, email: `kai${n}@example.com` }, subject: 'order', body: `Where is my order NW-55500${n}? It has not arrived yet.`, channel: 'web' }).ticket.id;
const botReplies = (id: number) => publicComments(stack.sandbox, id).filter((c) => c.authorId === stack.sandbox.apiUser.id);

describe('rollout switch through the admin API', () => {
  it('applies to the next message without a restart', async () => {
    const before = ask(1);
    await stack.settle();
    expect(botReplies(before)).toHaveLength(1);

    // An admin opens the Baton page in Zendesk's nav bar, and flips the switch from there.
    const { session } = await openNavBarAs(stack.url, stack.sandbox, stack.sandbox.apiUser.id);
    const res = await fetch(`${stack.url}/api/admin/rollout`, {
      method: 'PUT',
      headers: { authorization: await bearer({ account: stack.sandbox.subdomain, secret }), 'x-baton-admin-session': session!, 'content-type': 'application/json' },
      body: JSON.stringify({ target: { kind: 'intent', intent: 'order_status' }, mode: 'shadow' }),
    });
    expect(res.status).toBe(200);
    expect(loadPolicy(policyFile).rollout.intents.order_status).toBe('shadow');

    const after = ask(2);
    await stack.settle();
    expect(botReplies(after)).toHaveLength(0);
    expect(internalNotes(stack.sandbox, after).at(-1)!.body).toMatch(/^Baton \(shadow mode\) would have answered automatically/);
    expect(stack.sandbox.state.getTicket(after)!.tags).toContain('baton_shadow');
  });
});
