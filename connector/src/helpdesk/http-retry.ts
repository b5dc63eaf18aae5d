/**
 * Pieces every helpdesk gateway shares: how long a `Retry-After` asks us to wait, the
 * backoff between retries of 5xx and network failures, and the route label used in metrics.
 * Zendesk and Freshdesk both send Retry-After in seconds.
 */

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

/** `/api/v2/tickets/123/comments?x` → `/api/v2/tickets/:id/comments`, for metrics labels. */
export function routeOf(path: string): string {
  return path.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id').replace(/\/[0-9A-Z]{20,}(?=\/|$)/g, '/:id');
}
