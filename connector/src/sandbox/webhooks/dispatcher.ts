/**
 * Delivers trigger webhooks over real HTTP, signed as Zendesk signs them, without blocking
 * the request that caused them. A failed attempt (non-2xx or a connection error) is retried
 * after a short backoff; every attempt is recorded. `idle()` lets a test wait until nothing is
 * in flight instead of sleeping.
 */
import type { DeliveryRecord, WebhookRecord } from '../model.js';
import type { SandboxState } from '../state.js';
import { signatureTimestamp, signWebhookBody } from './signing.js';

export interface DispatcherOptions {
  accountId: number;
  /** Waits before each retry; the number of entries is the number of retries. */
  retryDelaysMs: number[];
  /** Per-attempt timeout. */
  timeoutMs: number;
  log: (msg: string) => void;
  /**
   * Headers of one attempt instead of Zendesk's signed ones: the Freshdesk face sends only
   * the rule's custom headers (Freshdesk does not sign webhooks).
   */
  headers?: (webhook: WebhookRecord, delivery: DeliveryRecord) => Record<string, string>;
}

const CONTENT_TYPE: Record<WebhookRecord['requestFormat'], string> = {
  json: 'application/json',
  xml: 'application/xml',
  form_encoded: 'application/x-www-form-urlencoded',
};

export class WebhookDispatcher {
  private readonly inflight = new Set<Promise<void>>();
  private readonly shutdown = new AbortController();

  constructor(
    private readonly state: SandboxState,
    private readonly opts: DispatcherOptions,
  ) {}

  /** Records the delivery and starts it in the background. */
  dispatch(webhook: WebhookRecord, triggerId: number, ticketId: number, body: string): DeliveryRecord {
    const delivery: DeliveryRecord = {
      invocationId: String(this.state.nextId('invocation')),
      webhookId: webhook.id,
      triggerId,
      ticketId,
      endpoint: webhook.endpoint,
      body,
      attempts: [],
      state: 'pending',
      lastStatus: null,
    };
    this.state.deliveries.push(delivery);
    if (this.shutdown.signal.aborted) {
      delivery.state = 'failed';
      return delivery;
    }
    const run = this.deliver(webhook, delivery).finally(() => this.inflight.delete(run));
    this.inflight.add(run);
    return delivery;
  }

  /** Resolves once no delivery (including retries) is in flight. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Abandons retries and in-flight attempts, then waits for them to settle. */
  async close(): Promise<void> {
    this.shutdown.abort();
    await this.idle();
  }

  private async deliver(webhook: WebhookRecord, delivery: DeliveryRecord): Promise<void> {
    const attempts = this.opts.retryDelaysMs.length + 1;
    for (let i = 0; i < attempts; i++) {
      if (i > 0) {
        const waited = await this.sleep(this.opts.retryDelaysMs[i - 1] ?? 0);
        if (!waited) break;
      }
      const ok = await this.attempt(webhook, delivery);
      if (ok) {
        delivery.state = 'delivered';
        return;
      }
      if (this.shutdown.signal.aborted) break;
    }
    delivery.state = 'failed';
    this.opts.log(`webhook ${webhook.id} delivery ${delivery.invocationId} for ticket ${delivery.ticketId} failed after ${delivery.attempts.length} attempt(s)`);
  }

  private async attempt(webhook: WebhookRecord, delivery: DeliveryRecord): Promise<boolean> {
    const timestamp = signatureTimestamp(this.state.now());
    const sendsBody = webhook.httpMethod !== 'GET';
    const headers: Record<string, string> = this.opts.headers?.(webhook, delivery) ?? {
      ...webhook.customHeaders,
      'Content-Type': CONTENT_TYPE[webhook.requestFormat],
      'User-Agent': 'Zendesk Webhook',
      'X-Zendesk-Account-Id': String(this.opts.accountId),
      'X-Zendesk-Webhook-Id': webhook.id,
      'X-Zendesk-Webhook-Invocation-Id': delivery.invocationId,
      'X-Zendesk-Webhook-Signature-Timestamp': timestamp,
      'X-Zendesk-Webhook-Signature': signWebhookBody(webhook.signingSecret, timestamp, sendsBody ? delivery.body : ''),
    };
    const at = this.state.now();
    try {
      const res = await fetch(webhook.endpoint, {
        method: webhook.httpMethod,
        headers,
        body: sendsBody ? delivery.body : undefined,
        signal: AbortSignal.any([this.shutdown.signal, AbortSignal.timeout(this.opts.timeoutMs)]),
      });
      await res.arrayBuffer(); // drain so the connection is reused
      delivery.attempts.push({ at, status: res.status, signatureTimestamp: timestamp });
      delivery.lastStatus = res.status;
      return res.ok;
    } catch (err) {
      const message = err instanceof Error ? (err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message) : String(err);
      delivery.attempts.push({ at, status: null, error: message, signatureTimestamp: timestamp });
      delivery.lastStatus = null;
      return false;
    }
  }

  /** Sleeps unless the dispatcher shuts down first; false when interrupted. */
  private sleep(ms: number): Promise<boolean> {
    if (this.shutdown.signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.shutdown.signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve(false);
      };
      this.shutdown.signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
