/**
 * Load and validate the triage policy at start-up. A bad policy stops the connector with
 * every problem listed, each naming the key path, what is expected and what was found:
 *   policy.intents.refund_request.threshold: expected a number between 0 and 1, got "high"
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { BatonError } from '../../errors.js';
import { compilePattern } from '../text/patterns.js';
import { PolicySchema, type Policy } from './schema.js';

export type { Policy } from './schema.js';

/** The shipped defaults: connector/policy/baton.policy.yaml. */
export const DEFAULT_POLICY_PATH = fileURLToPath(new URL('../../../policy/baton.policy.yaml', import.meta.url));

function describeValue(value: unknown): string {
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function keyPath(path: PropertyKey[]): string {
  return ['policy', ...path.map(String)].join('.');
}

function formatIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `${keyPath(issue.path)}: unknown key ${keys} (misspelt? see connector/policy/baton.policy.yaml for the keys)`;
  }
  if (issue.code === 'custom') return `${keyPath(issue.path)}: ${issue.message}`;
  const found = valueAt(raw, issue.path);
  if (found === undefined) return `${keyPath(issue.path)}: missing; ${issue.message}`;
  return `${keyPath(issue.path)}: ${issue.message}, got ${describeValue(found)}`;
}

/** Checks across keys that the schema alone cannot express. */
function crossCheck(p: Policy): string[] {
  const errors: string[] = [];
  const teams = Object.keys(p.groups);
  const intents = Object.keys(p.intents);
  const team = (path: string, key: string | null) => {
    if (key !== null && !teams.includes(key)) {
      errors.push(`${path}: unknown team "${key}"; expected one of the teams under policy.groups (${teams.join(', ')})`);
    }
  };
  const intent = (path: string, key: string) => {
    if (!intents.includes(key)) {
      errors.push(`${path}: unknown intent "${key}"; expected one of the intents under policy.intents`);
    }
  };
  team('policy.defaults.fallback_team', p.defaults.fallback_team);
  for (const [k, rule] of Object.entries(p.intents)) team(`policy.intents.${k}.team`, rule.team);
  for (const [k, rule] of Object.entries(p.triggers)) team(`policy.triggers.${k}.team`, rule.team);
  team('policy.vip.team', p.vip.team);
  p.time_rules.forEach((rule, i) => {
    if (rule.team) team(`policy.time_rules.${i}.team`, rule.team);
    rule.intents?.forEach((k, j) => intent(`policy.time_rules.${i}.intents.${j}`, k));
  });
  team('policy.injection.team', p.injection.team);
  if (!intents.includes('other')) errors.push('policy.intents: expected an intent named "other" (messages that fit no intent)');
  p.ignore.intents.forEach((k, i) => intent(`policy.ignore.intents.${i}`, k));
  p.abstention?.unfamiliar_topic?.intents.forEach((k, i) => intent(`policy.abstention.unfamiliar_topic.intents.${i}`, k));
  for (const k of Object.keys(p.rollout.intents)) intent(`policy.rollout.intents.${k}`, k);
  for (const [tag, k] of Object.entries(p.training.label_map)) intent(`policy.training.label_map.${tag}`, k);
  const compiles = (path: string, source: string) => {
    try {
      compilePattern(source);
    } catch (err) {
      errors.push(`${path}: ${(err as Error).message}`);
    }
  };
  for (const [k, rule] of Object.entries(p.triggers)) {
    for (const kind of ['words', 'phrases', 'variants'] as const) {
      rule[kind].forEach((src, i) => compiles(`policy.triggers.${k}.${kind}.${i}`, src));
    }
    rule.words.forEach((w, i) => {
      if (/\s/.test(w.trim())) errors.push(`policy.triggers.${k}.words.${i}: expected a single word, got "${w}" (put word sequences under phrases)`);
    });
  }
  p.injection.patterns.forEach((src, i) => compiles(`policy.injection.patterns.${i}`, src));
  for (const [k, rule] of Object.entries(p.intents)) {
    rule.answerable?.needs.forEach((src, i) => compiles(`policy.intents.${k}.answerable.needs.${i}`, src));
    rule.answerable?.unless.forEach((src, i) => compiles(`policy.intents.${k}.answerable.unless.${i}`, src));
  }
  if (p.complaint) {
    const c = p.complaint;
    for (const key of ['failure_stated', 'complaint_question', 'churn_threat'] as const) c[key].forEach((src, i) => compiles(`policy.complaint.${key}.${i}`, src));
    c.sarcasm.praise.forEach((src, i) => compiles(`policy.complaint.sarcasm.praise.${i}`, src));
    c.sarcasm.failure.forEach((src, i) => compiles(`policy.complaint.sarcasm.failure.${i}`, src));
  }
  if (p.safety_net) {
    team('policy.safety_net.team', p.safety_net.team);
    for (const [k, rule] of Object.entries(p.safety_net.rules)) {
      if (rule.team) team(`policy.safety_net.rules.${k}.team`, rule.team);
      rule.phrases.forEach((src, i) => compiles(`policy.safety_net.rules.${k}.phrases.${i}`, src));
    }
  }
  p.ignore.phrases.forEach((src, i) => compiles(`policy.ignore.phrases.${i}`, src));
  for (const [from, to] of Object.entries(p.handoff.overflow)) {
    team(`policy.handoff.overflow.${from}`, from);
    team(`policy.handoff.overflow.${from}`, to);
  }
  for (const key of Object.keys(p.handoff.hours)) if (key !== 'default') team(`policy.handoff.hours.${key}`, key);
  return errors;
}

function fail(source: string, problems: string[]): never {
  throw new BatonError('POLICY_INVALID', `Invalid triage policy (${source}):\n  ${problems.join('\n  ')}`, {
    details: { source, problems },
  });
}

/** Validate an already parsed policy object (from YAML, JSON or code). */
export function parsePolicy(raw: unknown, source = 'policy'): Policy {
  const result = PolicySchema.safeParse(raw);
  if (!result.success) fail(source, result.error.issues.map((issue) => formatIssue(issue, raw)));
  const problems = crossCheck(result.data);
  if (problems.length > 0) fail(source, problems);
  return result.data;
}

/** Validate policy YAML text. */
export function parsePolicyYaml(text: string, source = 'policy'): Policy {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const pos = err.linePos?.[0];
      fail(source, [`YAML syntax error${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}: ${err.message.split('\n')[0]}`]);
    }
    throw err;
  }
  return parsePolicy(raw, source);
}

/** Read and validate a policy file; without a path, the shipped defaults. */
export function loadPolicy(path: string = DEFAULT_POLICY_PATH): Policy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new BatonError('POLICY_INVALID', `Cannot read triage policy ${path}: ${(err as Error).message}`, { cause: err });
  }
  return parsePolicyYaml(text, path);
}
