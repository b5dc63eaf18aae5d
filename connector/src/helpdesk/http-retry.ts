/**
 * What every helpdesk gateway does around one HTTP call: take from the rate budget, count
 * the call, retry network failures and 5xx with backoff, wait out a 429's `Retry-After`
 * (or give the job back when the wait is too long), and label the route for metrics.
 * Zendesk and Freshdesk both send Retry-After in seconds.
 */
import { BatonError } from '../errors.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Exponential backoff with jitter: about 200 ms, 400 ms, 800 ms... */
export const backoff = (attempt: number) => Math.round(200 * 2 ** attempt * (0.5 + Math.random() / 2));

/** Seconds, as both helpdesks send it; an HTTP date is allowed by the standard too. */
export function retryAfterMs(header: string | null): number {
  if (!header) return 1000;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - Date.now());
}

/** `…/tickets/123/comments?x` → `…/tickets/:id/comments`, for metrics labels. */
export function routeOf(path: string): string {
  return path.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id').replace(/\/[0-9A-Z]{20,}(?=\/|$)/g, '/:id');
}

/** How long one helpdesk request may take when ZENDESK_TIMEOUT_MS / FRESHDESK_TIMEOUT_MS is not set. */
export const DEFAULT_HELPDESK_TIMEOUT_MS = 15_000;

/**
 * A request the helpdesk never answered, coded by why: a timeout apart from an unreachable
 * helpdesk, because the cure (a longer timeout, or a slow helpdesk to look at) is not a
 * network's. `then` says what happens next for the caller (a job is tried again; a doctor
 * check fails).
 */
export function helpdeskRequestFailed(o: { helpdesk: string; label: string; timeoutMs: number; tries?: number; then?: string; cause: unknown }): BatonError {
  const message = o.cause instanceof Error ? o.cause.message : String(o.cause);
  if (!(o.cause instanceof Error && o.cause.name === 'TimeoutError')) {
    return new BatonError('HELPDESK_UNREACHABLE', `${o.helpdesk} did not answer ${o.label}: ${message}`, { status: 503, cause: o.cause });
  }
  const setting = `${o.helpdesk.toUpperCase()}_TIMEOUT_MS`;
  const tries = o.tries === undefined ? '' : `, ${o.tries} time(s)`;
  return new BatonError(
    'HELPDESK_TIMEOUT',
    `${o.helpdesk} did not answer ${o.label} within ${o.timeoutMs} ms${tries}${o.then ? `; ${o.then}` : ''}. If ${o.helpdesk} is slow rather than down, raise ${setting}.`,
    { status: 503, cause: o.cause, details: { timeoutMs: o.timeoutMs, setting } },
  );
}

/** What both gateways send alike: auth, a JSON body and its headers, and the retry defaults. */
export function jsonRequestOptions(o: { auth: string; body?: unknown; timeoutMs?: number; maxRetries?: number; maxRetryAfterMs?: number }) {
  return {
    headers: { Authorization: o.auth, Accept: 'application/json', ...(o.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
    timeoutMs: o.timeoutMs ?? DEFAULT_HELPDESK_TIMEOUT_MS,
    maxRetries: o.maxRetries ?? 3,
    maxRetryAfterMs: o.maxRetryAfterMs ?? 10_000,
  };
}

export interface SendOptions {
  /** For messages: "Zendesk", "Freshdesk". */
  helpdesk: string;
  method: string;
  url: string;
  /** Metrics label of the path. */
  route: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxRetries: number;
  /** Longest we wait on one Retry-After before giving the job back to the queue. */
  maxRetryAfterMs: number;
  /** Resolves when the budget allows one more request. */
  take(): Promise<void>;
  /** A 429: the budget pauses too. */
  drain(): void;
  /** Every request sent, retries included. */
  onSend(): void;
  onCall?: (call: { method: string; route: string; status: number }) => void;
  /** Every response, before it is judged (e.g. to read rate-limit headers). */
  onResponse?: (res: Response) => void;
}

/**
 * Sends until the helpdesk answers something other than a 429 or a 5xx worth retrying.
 * Answers the response (a 2xx with its body unread, any other status with its text read).
 */
export async function sendWithRetries(o: SendOptions): Promise<{ res: Response; text?: string }> {
  const label = `${o.method} ${o.route}`;
  for (let attempt = 0; ; attempt++) {
    await o.take();
    o.onSend();
    let res: Response;
    try {
      res = await fetch(o.url, { method: o.method, headers: o.headers, body: o.body, signal: AbortSignal.timeout(o.timeoutMs) });
    } catch (err) {
      o.onCall?.({ method: o.method, route: o.route, status: 0 });
      if (attempt < o.maxRetries) {
        await sleep(backoff(attempt));
        continue;
      }
      throw helpdeskRequestFailed({ helpdesk: o.helpdesk, label, timeoutMs: o.timeoutMs, tries: attempt + 1, then: 'the job is tried again later', cause: err });
    }
    o.onCall?.({ method: o.method, route: o.route, status: res.status });
    o.onResponse?.(res);
    if (res.ok) return { res };
    if (res.status === 429) {
      o.drain();
      const waitMs = retryAfterMs(res.headers.get('retry-after'));
      await res.body?.cancel();
      if (attempt < o.maxRetries && waitMs <= o.maxRetryAfterMs) {
        await sleep(waitMs);
        continue;
      }
      throw new BatonError('HELPDESK_RATE_LIMITED', `${o.helpdesk} rate limit on ${label}; retry after ${waitMs} ms.`, { status: 429, details: { retryAfterMs: waitMs } });
    }
    const text = await res.text();
    if (res.status >= 500 && attempt < o.maxRetries) {
      await sleep(backoff(attempt));
      continue;
    }
    return { res, text };
  }
}
