/** The test stack running a given policy, for rollout tests. */
import type { Policy } from '../../connector/src/triage/index.js';
import { startStack, type HelpdeskName, type Stack } from '../helpers/stack.js';
import type { TestStore } from '../helpers/stores.js';

export type PolicyStack = Stack;

export function startPolicyStack(policy: Policy, makeStore: () => Promise<TestStore>, helpdesk: HelpdeskName = 'zendesk'): Promise<PolicyStack> {
  return startStack({ helpdesk, policy, store: makeStore });
}
