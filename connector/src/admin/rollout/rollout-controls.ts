/**
 * Read and change the policy's `rollout` switches (off / shadow / live), for the connector's
 * API and the analytics page. Every change is validated (mode, intent or segment exists) and
 * written atomically with comments kept (policy-file.ts); the new policy is returned so the
 * caller can swap it into the running connector.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { BatonError } from '../../errors.js';
import { loadPolicy, type Policy, type RolloutMode } from '../../triage/index.js';
import { editPolicyFile, type PolicyOp } from '../policy-file.js';

export const ROLLOUT_MODES: RolloutMode[] = ['off', 'shadow', 'live'];

export type RolloutTarget = { kind: 'default' } | { kind: 'intent'; intent: string } | { kind: 'segment'; segment: string };

export interface RolloutView {
  default: RolloutMode;
  /** Every intent of the policy with its mode; `explicit` false when it follows the default. */
  intents: { intent: string; mode: RolloutMode; explicit: boolean }[];
  segments: { name: string; mode: RolloutMode; match: Policy['rollout']['segments'][number]['match'] }[];
}

export interface RolloutChange {
  target: RolloutTarget;
  /** 'inherit' removes an intent's own mode so it follows the default. */
  mode: RolloutMode | 'inherit';
}

export function rolloutView(policy: Policy): RolloutView {
  const r = policy.rollout;
  return {
    default: r.default,
    intents: Object.keys(policy.intents).map((intent) => ({ intent, mode: r.intents[intent] ?? r.default, explicit: r.intents[intent] !== undefined })),
    segments: r.segments.map((s) => ({ name: s.name, mode: s.mode, match: s.match })),
  };
}

export function readRollout(policyPath: string): RolloutView {
  return rolloutView(loadPolicy(policyPath));
}

const bad = (message: string) => new BatonError('BAD_REQUEST', message, { status: 400 });

/** Check a change request (e.g. from an HTTP body) before touching the file. */
export function validateRolloutChange(policy: Policy, change: RolloutChange): void {
  const { target, mode } = change;
  if (mode === 'inherit') {
    if (target.kind !== 'intent') throw bad('mode "inherit" applies to intents only');
  } else if (!ROLLOUT_MODES.includes(mode)) {
    throw bad(`mode: expected one of ${ROLLOUT_MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  }
  if (target.kind === 'intent' && !policy.intents[target.intent]) {
    throw bad(`intent: unknown intent "${target.intent}"; expected one of ${Object.keys(policy.intents).join(', ')}`);
  }
  if (target.kind === 'segment' && !policy.rollout.segments.some((s) => s.name === target.segment)) {
    const names = policy.rollout.segments.map((s) => s.name);
    throw bad(`segment: unknown segment "${target.segment}"; ${names.length ? `expected one of ${names.join(', ')}` : 'the policy defines no segments'}`);
  }
}

export async function changeRollout(policyPath: string, change: RolloutChange): Promise<{ policy: Policy; rollout: RolloutView; changed: boolean }> {
  const result = await editPolicyFile(policyPath, (current, doc): PolicyOp[] => {
    validateRolloutChange(current, change);
    const { target, mode } = change;
    if (target.kind === 'default') return [{ op: 'set', path: ['rollout', 'default'], value: mode }];
    if (target.kind === 'intent') {
      const path = ['rollout', 'intents', target.intent];
      if (mode !== 'inherit') return [{ op: 'set', path, value: mode }];
      return doc.hasIn(path) ? [{ op: 'delete', path }] : [];
    }
    const segments = doc.getIn(['rollout', 'segments']);
    if (!isSeq(segments)) throw bad('rollout.segments is not a list in the policy file');
    const index = segments.items.findIndex((item) => isMap(item) && (item as YAMLMap).get('name') === target.segment);
    if (index < 0) throw bad(`segment: unknown segment "${target.segment}"`);
    return [{ op: 'set', path: ['rollout', 'segments', index, 'mode'], value: mode }];
  });
  return { policy: result.policy, rollout: rolloutView(result.policy), changed: result.changed };
}
