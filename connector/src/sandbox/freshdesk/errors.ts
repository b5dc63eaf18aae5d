/**
 * Error responses with the bodies Freshdesk sends (../shared/freshdesk/FACTS.md §6):
 * 400 {"description":"Validation failed","errors":[{field,message,code}]}; other errors a
 * top-level {code, message} (the shape third-party mocks use; unverified against the live
 * service, see FACTS.md). Domain errors of the shared ticket service (Zendesk-shaped) are
 * translated here so the Freshdesk face never leaks a Zendesk body.
 */
import { ZendeskApiError } from '../zendesk-errors.js';

export interface FdFieldError {
  field: string;
  message: string;
  code: string;
}

export class FreshdeskApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === 'string' ? body.message : typeof body.description === 'string' ? body.description : `Freshdesk API error ${status}`);
    this.name = 'FreshdeskApiError';
  }
}

export const fdValidation = (errors: FdFieldError[]): FreshdeskApiError => new FreshdeskApiError(400, { description: 'Validation failed', errors });

export const fdInvalidValue = (field: string, message: string): FreshdeskApiError => fdValidation([{ field, message, code: 'invalid_value' }]);

export const fdUnauthorized = (): FreshdeskApiError => new FreshdeskApiError(401, { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' });

/** A read the API key's role may not make (FACTS.md §1: agent and group lists are admin-only). */
export const fdAccessDenied = (): FreshdeskApiError => new FreshdeskApiError(403, { code: 'access_denied', message: 'You are not authorized to perform this action.' });

export const fdNotFound = (): FreshdeskApiError => new FreshdeskApiError(404, { code: 'not_found', message: 'The requested resource could not be found.' });

export const fdTooMany = (retryAfterSeconds: number): FreshdeskApiError =>
  new FreshdeskApiError(429, { code: 'rate_limit_exceeded', message: `You have exceeded the limit of requests per minute. Try again in ${retryAfterSeconds} seconds.` }, { 'Retry-After': String(retryAfterSeconds) });

/** Any error thrown under the Freshdesk face, as Freshdesk would answer it. */
export function asFreshdeskError(err: unknown): FreshdeskApiError | undefined {
  if (err instanceof FreshdeskApiError) return err;
  if (err instanceof ZendeskApiError) {
    if (err.status === 401) return fdUnauthorized();
    if (err.status === 404) return fdNotFound();
    if (err.status === 429) return fdTooMany(Number(err.headers['Retry-After'] ?? 1));
    if (err.status === 422 || err.status === 400) {
      const details = (err.body.details ?? {}) as Record<string, Array<{ description?: string }>>;
      const errors = Object.entries(details).map(([field, list]) => ({ field, message: list[0]?.description ?? err.message, code: 'invalid_value' }));
      return fdValidation(errors.length > 0 ? errors : [{ field: 'request', message: err.message, code: 'invalid_value' }]);
    }
    return new FreshdeskApiError(err.status, { code: err.status >= 500 ? 'internal_error' : 'error', message: err.message }, err.headers);
  }
  return undefined;
}
