/**
 * Error responses with the bodies Zendesk sends, so the connector's error handling is tested
 * against the real shapes (API reference → Introduction → Errors; ticket collisions; rate
 * limits). Thrown by the domain code, answered by the app's error handler.
 */

export class ZendeskApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.description === 'string' ? body.description : `Zendesk API error ${status}`);
    this.name = 'ZendeskApiError';
  }
}

export const unauthorized = (): ZendeskApiError => new ZendeskApiError(401, { error: "Couldn't authenticate you" });

/** 403: the API user's role may not use this endpoint (e.g. an agent listing CSAT ratings, which is "Allowed For: Admins"). */
export const forbidden = (): ZendeskApiError =>
  new ZendeskApiError(403, { error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' });

export const notFound = (what = 'Not found'): ZendeskApiError => new ZendeskApiError(404, { error: 'RecordNotFound', description: what });

export const invalidEndpoint = (method: string, path: string): ZendeskApiError =>
  new ZendeskApiError(404, { error: 'InvalidEndpoint', description: `Not found: ${method} ${path}` });

export type FieldErrors = Record<string, Array<{ description: string; error: string; field_key?: number }>>;

/** 422 with Zendesk's per-field details, e.g. {"assignee":[{"description":"...","error":"InvalidValue"}]}. */
export const recordInvalid = (details: FieldErrors): ZendeskApiError =>
  new ZendeskApiError(422, { error: 'RecordInvalid', description: 'Record validation errors', details });

export const invalidValue = (field: string, description: string): ZendeskApiError =>
  recordInvalid({ [field]: [{ description, error: 'InvalidValue' }] });

export const badRequest = (description: string, details?: Record<string, unknown>): ZendeskApiError =>
  new ZendeskApiError(400, { error: 'InvalidRequest', description, ...(details ? { details } : {}) });

/** The body Zendesk answers a stale `safe_update` with (Tickets API → "Protecting against ticket update collisions"). */
export const updateConflict = (): ZendeskApiError =>
  new ZendeskApiError(409, {
    error: 'UpdateConflict',
    description: 'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.',
  });

/** 429 in the spec's `Errors` shape, with Retry-After in whole seconds. */
export const tooManyRequests = (retryAfterSeconds: number, limit: number): ZendeskApiError =>
  new ZendeskApiError(
    429,
    { errors: [{ code: 'TooManyRequests', title: 'Too Many Requests', detail: `Rate limit of ${limit} requests per minute exceeded. Retry after ${retryAfterSeconds} seconds.` }] },
    { 'Retry-After': String(retryAfterSeconds) },
  );

/** Search pages past the first 1,000 results (Search API: "returns up to 1,000 results per query"). */
export const searchLimitExceeded = (): ZendeskApiError =>
  new ZendeskApiError(422, { error: 'InvalidPaginationParameter', description: 'Search results are limited to 1,000 per query; use /api/v2/search/count or the export endpoint.' });
