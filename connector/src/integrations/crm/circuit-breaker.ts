/**
 * A circuit breaker: after N failures in a row the CRM is left alone for a cooldown, so a
 * CRM outage costs one fast "unavailable" per ticket instead of a timeout per ticket.
 * After the cooldown one trial call goes through (half-open); its success closes the
 * circuit, its failure opens it for another cooldown.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failures: number;
  cooldownMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly opts: BreakerOptions) {
    if (opts.failures < 1) throw new Error('breaker.failures must be at least 1');
    this.now = opts.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.opts.cooldownMs ? 'half_open' : 'open';
  }

  /** May a call go out now? In half-open, only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  onSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  onFailure(): void {
    this.trialInFlight = false;
    this.consecutiveFailures++;
    // A failed trial re-opens at once; a closed circuit opens at the threshold.
    if (this.openedAt !== null || this.consecutiveFailures >= this.opts.failures) this.openedAt = this.now();
  }

  /** Ms until a trial call is allowed (0 when closed or half-open). */
  retryInMs(): number {
    if (this.openedAt === null) return 0;
    return Math.max(0, this.opts.cooldownMs - (this.now() - this.openedAt));
  }
}
