/**
 * Notifications as durable jobs: one `notify` job per handoff and target, enqueued after
 * the handoff is written. The queue retries failures with backoff and dead-letters
 * permanent ones; the handoff itself never waits for, or fails because of, a notification.
 * The payload names the target; its URL and secret stay in configuration.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { NewJob } from '../../jobs/queue.js';
import { PermanentJobError, type JobHandler } from '../../jobs/worker.js';
import { sendNotification, type SendOptions } from './send.js';
import { buildSlackMessage } from './slack-message.js';
import type { HandoffNotice, NotifyTarget } from './types.js';
import { buildWebhookNotification } from './webhook-notification.js';

export const NOTIFY_JOB = 'notify';

export interface NotifyJobPayload {
  target: string;
  handoff: HandoffNotice;
}

const payloadSchema = z.object({
  target: z.string().min(1),
  handoff: z.object({
    id: z.string(),
    tenantId: z.string(),
    ticketId: z.string(),
    ticketUrl: z.string(),
    subject: z.string(),
    customer: z.object({ name: z.string(), account: z.string().optional(), plan: z.string().optional(), arr: z.number().optional(), vip: z.boolean().optional() }),
    intent: z.string(),
    team: z.string().nullable(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']),
    reasons: z.array(z.string()),
    summary: z.string().optional(),
    handedOffAt: z.string(),
  }),
});

/** The jobs to enqueue for one handoff: one per target, deduplicated per handoff and target. */
export function notifyJobs(handoff: HandoffNotice, targets: readonly NotifyTarget[], opts: { maxAttempts?: number } = {}): NewJob[] {
  return targets.map((t) => ({
    kind: NOTIFY_JOB,
    tenantId: handoff.tenantId,
    payload: { target: t.name, handoff } satisfies NotifyJobPayload,
    // No "#" in the key: notify jobs are not serialised behind the ticket's other jobs.
    dedupeKey: `notify:${handoff.tenantId}:${handoff.id}:${t.name}`,
    maxAttempts: opts.maxAttempts ?? 6,
  }));
}

export interface NotificationDeps extends SendOptions {
  targets: readonly NotifyTarget[];
  /** A notification older than this is dropped: someone has likely picked the ticket up. Default 6 h. */
  maxAgeMs?: number;
  onSent?: (target: NotifyTarget, handoff: HandoffNotice) => void;
}

export function notificationJobHandler(deps: NotificationDeps): JobHandler {
  const now = deps.now ?? Date.now;
  return async (job, log: Logger) => {
    const parsed = payloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`notify job payload is invalid: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    const { target: name, handoff } = parsed.data;
    const target = deps.targets.find((t) => t.name === name);
    if (!target) {
      log.warn({ target: name, ticket: handoff.ticketId }, 'notification target no longer configured; dropped');
      return;
    }
    const age = now() - Date.parse(handoff.handedOffAt);
    if (age > (deps.maxAgeMs ?? 6 * 3_600_000)) {
      log.warn({ target: name, ticket: handoff.ticketId, ageMinutes: Math.round(age / 60_000) }, 'notification too old to be useful; dropped');
      return;
    }
    const payload = target.kind === 'slack' ? buildSlackMessage(handoff) : buildWebhookNotification(handoff);
    await sendNotification(target, payload, deps);
    deps.onSent?.(target, handoff);
    log.info({ target: name, ticket: handoff.ticketId }, 'handoff notification sent');
  };
}
