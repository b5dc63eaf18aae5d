import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBatonError } from '../../connector/src/errors.js';
import { DEFAULT_POLICY_PATH, loadPolicy, parsePolicyYaml } from '../../connector/src/triage/policy/load.js';

const shippedYaml = readFileSync(DEFAULT_POLICY_PATH, 'utf8');

/** The problems a policy text is rejected with (fails the test when it is accepted). */
function problemsOf(yaml: string): string[] {
  try {
    parsePolicyYaml(yaml, 'test.yaml');
  } catch (err) {
    expect(isBatonError(err, 'POLICY_INVALID')).toBe(true);
    return (err as { details: { problems: string[] } }).details.problems;
  }
  throw new Error('policy was accepted');
}

describe('policy loading', () => {
  it('loads the shipped defaults with the default intents, threshold and stuck rules', () => {
    const p = loadPolicy();
    expect(p.defaults.threshold).toBe(0.85);
    expect(Object.keys(p.intents)).toHaveLength(15);
    expect(p.intents.password_reset?.automatable).toBe(true);
    expect(p.intents.refund_request?.automatable).toBe(false);
    expect(p.stuck).toMatchObject({ max_ai_messages: 5, silence_minutes: 10 });
    expect(p.groups[p.intents.legal_privacy_security!.team]).toBe('Trust & Safety');
  });

  it('names the key path, what is expected and what was found for a bad threshold', () => {
    const yaml = shippedYaml.replace(
      'refund_request:         { automatable: false, team: finance }',
      'refund_request:         { automatable: false, team: finance, threshold: "high" }',
    );
    expect(problemsOf(yaml)).toContain('policy.intents.refund_request.threshold: expected a number between 0 and 1, got "high"');
  });

  it('rejects a threshold above 1 with the same words', () => {
    const yaml = shippedYaml.replace('threshold: 0.85', 'threshold: 85');
    expect(problemsOf(yaml)).toContain('policy.defaults.threshold: expected a number between 0 and 1, got 85');
  });

  it('reports a misspelt key instead of silently using a default', () => {
    const yaml = shippedYaml.replace('typo_min_length: 7', 'typo_min_lenght: 7');
    const problems = problemsOf(yaml);
    expect(problems.some((p) => p.startsWith('policy.matching: unknown key "typo_min_lenght"'))).toBe(true);
    expect(problems).toContain('policy.matching.typo_min_length: missing; expected a whole number (letters)');
  });

  it('checks that teams used by intents and triggers exist under groups', () => {
    const clean = shippedYaml.replace(/(  refund:\n(?:.*\n){3})    team: finance/, '$1    team: finanse');
    expect(clean).not.toBe(shippedYaml);
    expect(problemsOf(clean)).toContain(
      'policy.triggers.refund.team: unknown team "finanse"; expected one of the teams under policy.groups (general_support, finance, product_support, revenue, trust_safety, senior_support)',
    );
  });

  it('rejects rollout modes and priorities outside the allowed words', () => {
    const yaml = shippedYaml.replace('  default: live', '  default: on').replace('    priority: urgent\n    negatable: false\n  lawsuit', '    priority: critical\n    negatable: false\n  lawsuit');
    const problems = problemsOf(yaml);
    expect(problems).toContain('policy.rollout.default: expected one of off, shadow, live, got "on"');
    expect(problems).toContain('policy.triggers.chargeback.priority: expected one of low, normal, high, urgent, got "critical"');
  });

  it('rejects a multi-word entry under words, pointing to phrases', () => {
    const yaml = shippedYaml.replace('words: [lawsuit, litigation]', 'words: [lawsuit, "legal action"]');
    expect(problemsOf(yaml)).toContain('policy.triggers.lawsuit.words.1: expected a single word, got "legal action" (put word sequences under phrases)');
  });

  it('says where a YAML syntax error is', () => {
    const [problem] = problemsOf('version: 1\nintents: [unclosed\n');
    expect(problem).toMatch(/^YAML syntax error at line \d+, column \d+/);
  });

  it('refuses an unreadable file with the path in the message', () => {
    expect(() => loadPolicy('/nonexistent/baton.policy.yaml')).toThrow(/\/nonexistent\/baton\.policy\.yaml/);
  });
});
