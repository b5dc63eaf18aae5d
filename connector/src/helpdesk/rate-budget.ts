/**
 * Client-side request budget per helpdesk account: a token bucket refilled at the plan's
 * per-minute limit (with headroom), so Baton never causes 429s itself. Zendesk's limit is
 * per account, so all clients of one account in this process share one bucket.
 */
export class RateBudget {
  private tokens: number;
  private last: number;
  private readonly perMs: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {
    this.tokens = Math.max(1, Math.floor(perMinute / 10)); // allow a small burst
    this.last = now();
    this.perMs = perMinute / 60_000;
  }

  /** Resolves when a request may be sent. Calls are served in order. */
  take(): Promise<void> {
    const next = this.queue.then(() => this.waitForToken());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A 429 from the server: empty the bucket so we also pause. */
  drain(): void {
    this.tokens = 0;
    this.last = this.now();
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      const now = this.now();
      const cap = Math.max(1, Math.floor(this.perMinute / 10));
      this.tokens = Math.min(cap, this.tokens + (now - this.last) * this.perMs);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.ceil((1 - this.tokens) / this.perMs)));
    }
  }
}

const budgets = new Map<string, RateBudget>();

/** Keep 10% headroom below the plan limit for the customer's other integrations. */
export function budgetFor(account: string, planPerMinute: number): RateBudget {
  const key = `${account}|${planPerMinute}`;
  let b = budgets.get(key);
  if (!b) budgets.set(key, (b = new RateBudget(Math.floor(planPerMinute * 0.9))));
  return b;
}
