/**
 * Fault injection for resilience tests: "the next N API requests (under this path prefix)
 * fail with status S and/or take D ms". Faulted responses use Zendesk's bodies for the status
 * (429 with Retry-After, 409 UpdateConflict, 5xx errors), so the client under test sees what
 * a struggling Zendesk sends.
 */
import type { RequestHandler } from 'express';
import { tooManyRequests, updateConflict, ZendeskApiError } from '../zendesk-errors.js';

export interface FaultSpec {
  /** HTTP status to answer with; omitted: the request is only delayed, then served. */
  status?: number;
  count: number;
  delayMs?: number;
  /** Only requests whose path starts with this prefix (e.g. /api/v2/tickets). */
  path?: string;
  /** Only requests with this method (e.g. PUT: the writes, not the reads). */
  method?: string;
  /**
   * Apply the request normally, then hold the answer this long: the change is made but
   * the client hears nothing yet (a client that dies now never learns it succeeded).
   */
  answerDelayMs?: number;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export function faultError(status: number): ZendeskApiError {
  if (status === 429) return tooManyRequests(1, 0);
  if (status === 409) return updateConflict();
  if (status === 503) return new ZendeskApiError(503, { error: 'ServiceUnavailable', description: 'Service temporarily unavailable (injected fault)' }, { 'Retry-After': '1' });
  if (status >= 500) return new ZendeskApiError(status, { error: 'InternalError', description: 'Internal server error (injected fault)' });
  return new ZendeskApiError(status, { error: 'InjectedFault', description: `Injected fault with status ${status}` });
}

export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ ...spec, remaining: spec.count });
  }

  clear(): void {
    this.faults = [];
  }

  pending(): FaultSpec[] {
    return this.faults.map(({ remaining, ...spec }) => ({ ...spec, count: remaining }));
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const fault = this.faults.find((f) => f.remaining > 0 && (!f.path || req.path.startsWith(f.path)) && (!f.method || req.method === f.method.toUpperCase()));
      if (!fault) {
        next();
        return;
      }
      fault.remaining--;
      this.faults = this.faults.filter((f) => f.remaining > 0);
      if (fault.answerDelayMs && fault.answerDelayMs > 0) {
        const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
        (res as unknown as { end: (...args: unknown[]) => typeof res }).end = (...args: unknown[]) => {
          setTimeout(() => end(...args), fault.answerDelayMs);
          return res;
        };
      }
      const act = (): void => (fault.status ? next(faultError(fault.status)) : next());
      if (fault.delayMs && fault.delayMs > 0) setTimeout(act, fault.delayMs);
      else act();
    };
  }
}
