/**
 * Deliver one notification. Errors say which target failed and whether a retry can help:
 * timeouts, network errors, 408, 429 and 5xx are retryable; other 4xx (a revoked Slack
 * webhook answers 403/404/410, a receiver rejecting our signature 401) are permanent and
 * become dead letters at once instead of hammering a dead endpoint. Messages never
 * contain the URL: a Slack webhook URL is itself a credential.
 */
import { PermanentJobError } from '../../jobs/worker.js';
import { parseRetryAfter } from '../http.js';
import type { SlackMessage } from './slack-message.js';
import { EVENT_HEADER, SIGNATURE_HEADER, signatureHeader, type WebhookNotification } from './webhook-notification.js';
import type { NotifyTarget } from './types.js';

export class RetryableNotificationError extends Error {
  readonly retryable = true;
  constructor(message: string, readonly status?: number, readonly retryAfterMs?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryableNotificationError';
  }
}

/** A PermanentJobError, so the job worker dead-letters it without further attempts. */
export class PermanentNotificationError extends PermanentJobError {
  readonly retryable = false;
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'PermanentNotificationError';
  }
}

export interface SendOptions {
  timeoutMs?: number;
  /** Epoch ms, for the signature timestamp. */
  now?: () => number;
}

const label = (t: NotifyTarget) => `${t.kind === 'slack' ? 'Slack webhook' : 'notification webhook'} "${t.name}"`;

export async function sendNotification(target: NotifyTarget, payload: SlackMessage | WebhookNotification, opts: SendOptions = {}): Promise<void> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Baton-Notifier/1' };
  if (target.kind === 'webhook') {
    headers[SIGNATURE_HEADER] = signatureHeader(target.secret, body, Math.floor((opts.now ?? Date.now)() / 1000));
    headers[EVENT_HEADER] = 'handoff.assigned';
  }
  const timeoutMs = opts.timeoutMs ?? 5000;
  let res: Response;
  try {
    res = await fetch(target.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    throw new RetryableNotificationError(timedOut ? `${label(target)} did not answer within ${timeoutMs} ms` : `${label(target)} could not be reached: ${(err as Error).message}`, undefined, undefined, { cause: err });
  }
  const text = (await res.text().catch(() => '')).slice(0, 200);
  if (res.ok) return;
  const what = `${label(target)} answered ${res.status}${text ? `: ${text}` : ''}`;
  if (res.status >= 500 || res.status === 429 || res.status === 408) {
    throw new RetryableNotificationError(what, res.status, parseRetryAfter(res.headers.get('retry-after')));
  }
  throw new PermanentNotificationError(what, res.status);
}
