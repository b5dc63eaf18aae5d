/** What a `baton serve` process (or an in-process connector) needs to talk to the sandbox. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectorEnvFor, type Sandbox } from '../../../connector/src/sandbox/index.js';

const root = path.resolve(import.meta.dirname, '../../..');

export function serveEnv(sandbox: Sandbox, secret: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...connectorEnvFor(sandbox, secret),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/**
 * A copy of the shipped policy with a short customer-silence limit, so the silence timer
 * fires within a test (0.02 min = 1.2 s). Returns the file's path (BATON_POLICY_PATH).
 */
export function policyWithSilenceMinutes(minutes: number): string {
  const shipped = fs.readFileSync(path.join(root, 'connector/policy/baton.policy.yaml'), 'utf8');
  const changed = shipped.replace(/^(\s*silence_minutes:\s*)\d+(\.\d+)?/m, `$1${minutes}`);
  if (changed === shipped) throw new Error('stuck.silence_minutes not found in the shipped policy');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-policy-'));
  const file = path.join(dir, 'baton.policy.yaml');
  fs.writeFileSync(file, changed);
  return file;
}

/** A mix of messages: routine ones Baton answers and ones it hands to a team. */
export const MIXED_BODIES = [
  'I forgot my password and cannot log in, can you help me reset it?',
  'Where is my order NW-{n}? The tracking has not updated for days.',
  'I was charged twice this month and want a refund immediately.',
  'How do I export my inventory to a CSV file?',
  'The app crashes with error E-{n} every time I open the scanner screen.',
];

export function mixedMessage(i: number): { requester: { name: string; email: string }; subject: string; body: string; channel: 'email' | 'web' | 'chat' } {
  return {
    requester: { name: `Customer ${i}`, email: `customer${i}@example.com` },
    subject: `Question ${i}`,
    body: MIXED_BODIES[i % MIXED_BODIES.length]!.replace('{n}', String(1000 + i)),
    channel: (['email', 'web', 'chat'] as const)[i % 3]!,
  };
}
