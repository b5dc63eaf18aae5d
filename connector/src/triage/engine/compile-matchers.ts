/**
 * Every phrase list of a policy compiled when an engine is created, not by the first message
 * that needs it: compiling tokenises and indexes hundreds of policy phrases (tens of
 * milliseconds for the triggers, safety net and complaint cues; an intent's answerability
 * rules wait for the first message of that intent), which the first customers would
 * otherwise wait for. Each list caches its compiled form per policy, so reading the policy
 * once with no words fills those caches and changes nothing else.
 */
import type { Policy } from '../policy/schema.js';
import type { Token } from '../text/tokens.js';
import { findTriggers } from '../signals/triggers.js';
import { findSafetyNet } from '../signals/safety-net.js';
import { findComplaint } from '../signals/complaint.js';
import { findInjection } from '../signals/injection.js';
import { findAutoReply } from '../signals/auto-reply.js';
import { firstPhrase } from '../signals/phrase-list.js';
import { readAnswerability } from '../signals/answerable.js';

export function compilePolicyMatchers(policy: Policy): void {
  const none: Token[] = [];
  findTriggers(policy, none);
  findSafetyNet(policy, none);
  findComplaint(policy, none);
  findInjection(policy, none);
  findAutoReply(policy, none, '');
  firstPhrase(policy.resolution.phrases, none);
  for (const rule of Object.values(policy.intents)) readAnswerability(rule.answerable, none, policy.matching.typo_min_length);
}
