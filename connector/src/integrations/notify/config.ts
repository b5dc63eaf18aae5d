/**
 * Notification targets from the environment: a Slack incoming webhook, a generic signed
 * webhook, both or neither. The webhook needs its signing secret; Baton will not send
 * unsigned handoff data.
 */
import { z } from 'zod';
import { optionalText, optionalUrl, parseEnv, requireVar, EVEN_WITH_OTHER_ISSUES, type EnvLike } from '../env.js';
import type { NotifyTarget } from './types.js';

const schema = z
  .object({
    BATON_SLACK_WEBHOOK_URL: optionalUrl,
    BATON_NOTIFY_WEBHOOK_URL: optionalUrl,
    BATON_NOTIFY_WEBHOOK_SECRET: optionalText,
  })
  .superRefine((v, ctx) => {
    if (v.BATON_NOTIFY_WEBHOOK_URL && !v.BATON_NOTIFY_WEBHOOK_SECRET) {
      requireVar(ctx, 'BATON_NOTIFY_WEBHOOK_SECRET', 'is required with BATON_NOTIFY_WEBHOOK_URL: the shared secret the receiver uses to check X-Baton-Signature');
    }
    if (v.BATON_NOTIFY_WEBHOOK_SECRET && v.BATON_NOTIFY_WEBHOOK_SECRET.length < 16) {
      requireVar(ctx, 'BATON_NOTIFY_WEBHOOK_SECRET', 'must be at least 16 characters (e.g. openssl rand -hex 32)');
    }
  }, EVEN_WITH_OTHER_ISSUES);

export function notifyFromEnv(env: EnvLike): NotifyTarget[] {
  const v = parseEnv(schema, env, 'Notification');
  const targets: NotifyTarget[] = [];
  if (v.BATON_SLACK_WEBHOOK_URL) targets.push({ name: 'slack', kind: 'slack', url: v.BATON_SLACK_WEBHOOK_URL });
  if (v.BATON_NOTIFY_WEBHOOK_URL) targets.push({ name: 'webhook', kind: 'webhook', url: v.BATON_NOTIFY_WEBHOOK_URL, secret: v.BATON_NOTIFY_WEBHOOK_SECRET! });
  return targets;
}
