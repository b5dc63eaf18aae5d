/**
 * Zendesk's account-wide limit: N requests per minute, then 429 with Retry-After (seconds
 * until the window resets). Every API response carries the limit headers Zendesk sends
 * (X-Rate-Limit, X-Rate-Limit-Remaining, ratelimit-*). The window runs on the real clock even
 * when the sandbox's ticket clock is fixed, so a limited client can actually wait it out.
 */
import type { RequestHandler } from 'express';
import { tooManyRequests } from '../zendesk-errors.js';

const WINDOW_MS = 60_000;

export class RateLimiter {
  private windowStart = 0;
  private used = 0;

  constructor(
    private limit: number,
    private readonly clock: () => number = Date.now,
  ) {}

  setLimit(limit: number): void {
    this.limit = limit;
  }

  reset(): void {
    this.windowStart = 0;
    this.used = 0;
  }

  middleware(): RequestHandler {
    return (_req, res, next) => {
      const now = this.clock();
      if (now - this.windowStart >= WINDOW_MS) {
        this.windowStart = now;
        this.used = 0;
      }
      const resetSeconds = Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
      this.used++;
      const remaining = Math.max(0, this.limit - this.used);
      res.setHeader('X-Rate-Limit', String(this.limit));
      res.setHeader('X-Rate-Limit-Remaining', String(remaining));
      res.setHeader('ratelimit-limit', String(this.limit));
      res.setHeader('ratelimit-remaining', String(remaining));
      res.setHeader('ratelimit-reset', String(resetSeconds));
      if (this.used > this.limit) {
        next(tooManyRequests(resetSeconds, this.limit));
        return;
      }
      next();
    };
  }
}
