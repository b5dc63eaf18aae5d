/**
 * One error type for every outside system Baton calls (CRMs, order and account lookups,
 * notification webhooks). It says which service failed and how, in words short enough to
 * show an agent ("timeout", "HTTP 503"), and whether trying again could help.
 */
export type FailureKind = 'timeout' | 'network' | 'http' | 'invalid_response' | 'circuit_open';

export class IntegrationError extends Error {
  readonly service: string;
  readonly kind: FailureKind;
  readonly status?: number;
  /** From a Retry-After header, when the service sent one. */
  readonly retryAfterMs?: number;

  constructor(service: string, kind: FailureKind, message: string, opts: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'IntegrationError';
    this.service = service;
    this.kind = kind;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
  }

  /** Timeouts, network failures, 5xx and 429 may succeed later; other 4xx and bad bodies will not. */
  get retryable(): boolean {
    if (this.kind === 'timeout' || this.kind === 'network' || this.kind === 'circuit_open') return true;
    if (this.kind === 'http') return this.status === undefined || this.status >= 500 || this.status === 429 || this.status === 408;
    return false;
  }

  /** A few words an agent can read in a reason: "timeout", "HTTP 503", "access denied". */
  get short(): string {
    switch (this.kind) {
      case 'timeout':
        return 'timeout';
      case 'network':
        return 'not reachable';
      case 'circuit_open':
        return 'paused after repeated failures';
      case 'invalid_response':
        return 'unexpected response';
      case 'http':
        if (this.status === 401 || this.status === 403) return 'access denied';
        if (this.status === 429) return 'rate limited';
        return `HTTP ${this.status ?? '?'}`;
    }
  }
}

export function isIntegrationError(err: unknown): err is IntegrationError {
  return err instanceof IntegrationError;
}
