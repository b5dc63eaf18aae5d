/**
 * JSON over fetch for the integrations, with a hard timeout and errors that name the
 * service and the route (never the query string: it can carry an e-mail address).
 */
import { IntegrationError } from './errors.js';

export interface JsonRequest {
  /** Who we are calling, for messages: "HubSpot", "order lookup". */
  service: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  /** Aborts the call early (e.g. the caller's own deadline). */
  signal?: AbortSignal;
  /** Statuses answered as data instead of thrown (e.g. 404 = "no such order"). */
  acceptStatuses?: number[];
}

export interface JsonResponse {
  status: number;
  data: unknown;
}

/** "POST /crm/v3/objects/contacts/search": enough to find the call, nothing personal. */
export function routeLabel(method: string, url: string): string {
  try {
    return `${method} ${new URL(url).pathname}`;
  } catch {
    return method;
  }
}

export async function requestJson(req: JsonRequest): Promise<JsonResponse> {
  const method = req.method ?? (req.body === undefined ? 'GET' : 'POST');
  const route = routeLabel(method, req.url);
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(req.url, {
      method,
      headers: { Accept: 'application/json', ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...req.headers },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal,
    });
  } catch (err) {
    throw failure(req, route, err, timeout);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw failure(req, route, err, timeout);
  }
  const accepted = res.ok || (req.acceptStatuses ?? []).includes(res.status);
  if (!accepted) {
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    throw new IntegrationError(req.service, 'http', `${req.service} answered ${res.status} to ${route}: ${text.slice(0, 200)}`, { status: res.status, retryAfterMs });
  }
  if (text.trim() === '') return { status: res.status, data: null };
  try {
    return { status: res.status, data: JSON.parse(text) };
  } catch (err) {
    throw new IntegrationError(req.service, 'invalid_response', `${req.service} sent a body that is not JSON for ${route}`, { status: res.status, cause: err });
  }
}

function failure(req: JsonRequest, route: string, err: unknown, timeout: AbortSignal): IntegrationError {
  if (timeout.aborted) {
    return new IntegrationError(req.service, 'timeout', `${req.service} did not answer ${route} within ${req.timeoutMs} ms`, { cause: err });
  }
  return new IntegrationError(req.service, 'network', `${req.service} could not be reached for ${route}: ${(err as Error).message}`, { cause: err });
}

/** Retry-After is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Base URL without trailing slashes, so `${base}/path` never doubles them. */
export function trimBase(url: string): string {
  return url.replace(/\/+$/, '');
}
