/**
 * Coded errors: every failure the connector reports carries a stable code (for logs,
 * metrics and API clients) and a message that says what to do about it.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'WEBHOOK_SIGNATURE_MISSING'
  | 'WEBHOOK_SIGNATURE_INVALID'
  | 'WEBHOOK_TIMESTAMP_STALE'
  | 'WEBHOOK_BODY_TOO_LARGE'
  | 'WEBHOOK_MALFORMED_JSON'
  | 'WEBHOOK_INVALID_PAYLOAD'
  | 'HELPDESK_HTTP'
  /** The helpdesk refused a write as invalid (details.fields names what it refused). */
  | 'HELPDESK_REFUSED'
  | 'HELPDESK_RATE_LIMITED'
  | 'HELPDESK_CONFLICT'
  | 'HELPDESK_UNREACHABLE'
  /** The helpdesk did not answer within its timeout (ZENDESK_TIMEOUT_MS, FRESHDESK_TIMEOUT_MS). */
  | 'HELPDESK_TIMEOUT'
  | 'STORE'
  | 'JOB_FAILED'
  | 'POLICY_INVALID'
  | 'ENGINE_FAILED'
  | 'AUTH_INVALID'
  | 'NOT_FOUND'
  | 'BAD_REQUEST';

export class BatonError extends Error {
  readonly code: ErrorCode;
  /** HTTP status when the error is answered to a client. */
  readonly status: number;
  /** Extra machine-readable details (e.g. the failing field path). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { status?: number; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'BatonError';
    this.code = code;
    this.status = opts.status ?? 500;
    this.details = opts.details;
  }

  toJSON(): { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export function isBatonError(err: unknown, code?: ErrorCode): err is BatonError {
  return err instanceof BatonError && (code === undefined || err.code === code);
}
