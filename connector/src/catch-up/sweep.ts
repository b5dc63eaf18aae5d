/**
 * The catch-up sweep: customer messages whose webhook never arrived (the connector was down,
 * a deploy, a network blip; a webhook gives up after a few retries) are found by reading the
 * tickets changed since a stored cursor, and accepted like a webhook would have been, under
 * the same event ids, so a message found both ways is triaged once. It runs at start and
 * every few minutes; with several replicas the lease lets exactly one sweep at a time.
 * Provider-neutral: the helpdesk is read through `TicketReader`.
 */
import type { Logger } from 'pino';
import type { TicketReader } from '../helpdesk/ticket-reader.js';
import { acceptEvent } from '../jobs/accept-event.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Store } from '../store/db.js';
import { customerMessageEvent } from './customer-messages.js';
import { missingCustomerMessages } from './missing-messages.js';
import { SweepLease } from './lease.js';

/** Pages read in one sweep before the rest waits for the next (keeps one run bounded). */
const MAX_PAGES_PER_RUN = 50;
const DONE_STATUSES = new Set(['closed', 'deleted']);
const PENDING_DELIVERY_GRACE_MS = 10 * 60_000;

export interface SweepTenant {
  tenantId: string;
  accountId: string;
  /** When Baton began to answer this account: older messages were never its to answer. */
  watchSince: number;
}

export interface SweepDeps {
  store: Store;
  queue: JobQueue;
  reader: TicketReader;
  /** The account this connector serves, once known (null: nothing to sweep yet). */
  tenant(): Promise<SweepTenant | null>;
  selfUserIds: () => ReadonlySet<string>;
  log: Logger;
  /** This process, as the lease holder. */
  holder: string;
  intervalMs: number;
  leaseMs: number;
  onRun?: (outcome: 'swept' | 'leased_elsewhere' | 'no_tenant' | 'failed', recoveredTickets: number) => void;
  now?: () => number;
}

export interface SweepResult {
  scanned: number;
  recoveredTickets: number;
  recoveredMessages: number;
}

export class CatchUpSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(private readonly deps: SweepDeps) {}

  /** Sweep now, then every interval. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .catch((err) => {
          this.deps.onRun?.('failed', 0);
          const status = (err as { details?: { httpStatus?: number } }).details?.httpStatus;
          // Zendesk's incremental export is "Allowed for Admins" (oas.yaml).
          const hint = status === 403 ? ': reading changed tickets needs an admin API user (ZENDESK_EMAIL)' : '; the next one starts where this one stopped';
          this.deps.log.warn({ err: (err as Error).message }, `catch-up sweep failed${hint}`);
        })
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.deps.intervalMs);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One sweep; null when there is nothing to sweep yet or another replica is sweeping. */
  async runOnce(): Promise<SweepResult | null> {
    const { deps } = this;
    const now = deps.now ?? Date.now;
    const tenant = await deps.tenant();
    if (!tenant) {
      deps.onRun?.('no_tenant', 0);
      return null;
    }
    const lease = new SweepLease(deps.store, `${deps.reader.provider}-sweep:${tenant.tenantId}`, deps.holder, now);
    await lease.ensure(tenant.watchSince);
    if (!(await lease.acquire(deps.leaseMs))) {
      deps.onRun?.('leased_elsewhere', 0);
      return null;
    }
    const result: SweepResult = { scanned: 0, recoveredTickets: 0, recoveredMessages: 0 };
    try {
      const state = await lease.state();
      let cursor = state?.cursor ?? null;
      const since = state?.watch_since ?? tenant.watchSince;
      for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
        const changed = await deps.reader.changedTickets(cursor, since);
        for (const t of changed.tickets) {
          if (DONE_STATUSES.has(t.status)) continue;
          result.scanned++;
          const n = await this.recoverTicket(tenant, t.id, t.requesterId, since);
          if (n > 0) {
            result.recoveredTickets++;
            result.recoveredMessages += n;
          }
        }
        // Lost the lease (a very long page): stop, the holder carries on from the cursor.
        if (!(await lease.advance(changed.cursor, deps.leaseMs))) break;
        cursor = changed.cursor;
        if (!changed.more) break;
      }
    } finally {
      await lease.release();
    }
    deps.onRun?.('swept', result.recoveredTickets);
    if (result.recoveredTickets > 0) deps.log.warn({ ...result, tenant: tenant.tenantId }, 'catch-up sweep recovered customer messages whose webhooks never arrived');
    else deps.log.debug({ ...result, tenant: tenant.tenantId }, 'catch-up sweep found nothing missing');
    return result;
  }

  /** Accept the customer messages of one ticket that Baton never saw; returns how many. */
  private async recoverTicket(tenant: SweepTenant, ticketId: string, requesterId: string, since: number): Promise<number> {
    const { deps } = this;
    const provider = deps.reader.provider;
    // A delivery for this ticket was just kept and is about to be read: its job takes the
    // messages (one stuck for long is a dead letter to look at, not a reason to wait).
    const pending = await deps.store.db
      .selectFrom('raw_deliveries')
      .select('id')
      .where('tenant_id', '=', tenant.tenantId)
      .where('ticket_id', '=', ticketId)
      .where('status', '=', 'pending')
      .where('received_at', '>', (deps.now ?? Date.now)() - PENDING_DELIVERY_GRACE_MS)
      .executeTakeFirst();
    if (pending) return 0;
    const messages = await deps.reader.messages(ticketId, requesterId);
    const query = { tenantId: tenant.tenantId, provider, accountId: tenant.accountId, ticketId, sinceMs: since };
    if ((await missingCustomerMessages(deps.store, query, messages, deps.selfUserIds())).length === 0) return 0;
    // Read whole only when something is missing; the messages are read again with it.
    const conversation = await deps.reader.conversation(ticketId);
    const missing = await missingCustomerMessages(deps.store, query, conversation.messages, deps.selfUserIds());
    const ctx = { provider, accountId: tenant.accountId, ...conversation };
    let accepted = 0;
    for (const m of missing) {
      const event = customerMessageEvent(ctx, m, conversation.messages[0]?.id === m.id, 'catch-up-sweep');
      if ((await acceptEvent(deps.store, deps.queue, event)) === 'accepted') accepted++;
    }
    return accepted;
  }
}
