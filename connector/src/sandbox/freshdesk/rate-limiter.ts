/**
 * Freshdesk's limits as the server applies them (FACTS.md §2): per account per minute, a
 * total and tighter sub-limits for ticket create, ticket update, the tickets list and the
 * contacts list; embeds cost extra credits. Every response says X-RateLimit-Total,
 * X-RateLimit-Remaining and X-RateLimit-Used-CurrentRequest; over a limit: 429 with
 * Retry-After in seconds. Written apart from the connector's client-side budget on purpose:
 * the sandbox checks the client rather than sharing its assumptions.
 */
import type { RequestHandler } from 'express';
import { fdTooMany } from './errors.js';

export interface FdLimits {
  total: number;
  ticketCreate: number;
  ticketUpdate: number;
  ticketsList: number;
  contactsList: number;
}

/** The "add-on 2000" plan: the demo and tests run fast without hitting it. */
export const FD_SANDBOX_LIMITS: FdLimits = { total: 2000, ticketCreate: 800, ticketUpdate: 800, ticketsList: 400, contactsList: 400 };

const WINDOW_MS = 60_000;

function bucketOf(method: string, path: string): keyof Omit<FdLimits, 'total'> | undefined {
  if (method === 'POST' && path === '/api/v2/tickets') return 'ticketCreate';
  if (method === 'PUT' && /^\/api\/v2\/tickets\/\d+$/.test(path)) return 'ticketUpdate';
  if (method === 'GET' && path === '/api/v2/tickets') return 'ticketsList';
  if (method === 'GET' && path === '/api/v2/contacts') return 'contactsList';
  return undefined;
}

function cost(method: string, path: string, include: unknown): number {
  if (method !== 'GET' || typeof include !== 'string' || include === '') return 1;
  const n = include.split(',').filter(Boolean).length;
  return 1 + (path === '/api/v2/tickets' ? 2 * n : n);
}

export class FreshdeskRateLimiter {
  private windowStart = 0;
  private used = new Map<string, number>();

  constructor(private limits: FdLimits = FD_SANDBOX_LIMITS, private readonly clock: () => number = Date.now) {}

  setLimits(limits: Partial<FdLimits>): void {
    this.limits = { ...this.limits, ...limits };
  }

  reset(): void {
    this.windowStart = 0;
    this.used.clear();
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const now = this.clock();
      if (now - this.windowStart >= WINDOW_MS) {
        this.windowStart = now;
        this.used.clear();
      }
      const retryAfter = Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
      const credits = cost(req.method, req.path, req.query.include);
      const bucket = bucketOf(req.method, req.path);
      const total = (this.used.get('total') ?? 0) + credits;
      const sub = bucket ? (this.used.get(bucket) ?? 0) + 1 : 0;
      // Invalid and refused requests count too (FACTS.md §2).
      this.used.set('total', total);
      if (bucket) this.used.set(bucket, sub);
      res.setHeader('X-RateLimit-Total', String(this.limits.total));
      res.setHeader('X-RateLimit-Remaining', String(Math.max(0, this.limits.total - total)));
      res.setHeader('X-RateLimit-Used-CurrentRequest', String(credits));
      if (total > this.limits.total || (bucket && sub > this.limits[bucket])) {
        next(fdTooMany(retryAfter));
        return;
      }
      next();
    };
  }
}
