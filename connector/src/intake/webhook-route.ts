/**
 * One webhook router for every registered intake adapter: POST <adapter.path>: raw bytes →
 * verification → parsing → event → persisted → 202. Nothing is parsed before the delivery
 * is verified, and nothing is acknowledged before it is stored.
 */
import express, { type Request, type Response, type NextFunction, type Router } from 'express';
import type { Logger } from 'pino';
import { BatonError, isBatonError } from '../errors.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Metrics } from '../metrics/registry.js';
import type { Store } from '../store/db.js';
import type { Provider } from '../events/types.js';
import { acceptEvent, tenantIdFor } from '../jobs/accept-event.js';
import type { Delivery, IntakeAdapter } from './adapter.js';
import { needsCommentRead } from './comment-read.js';
import { isOwnUpdate } from './own-updates.js';
import { keepRawDelivery, type RawDeliveryCause } from './raw-deliveries.js';

/** Seconds a sender should wait before retrying a delivery we could not record. */
export const RETRY_AFTER_SECONDS = 10;

export interface WebhookDeps {
  store: Store;
  queue: JobQueue;
  log: Logger;
  metrics: Metrics;
  /** One per helpdesk the connector serves. */
  adapters: IntakeAdapter[];
  maxBodyBytes: number;
  ignoreOwnUpdates: boolean;
  /** Ids of Baton's own API user(s) per account, learnt at start-up. */
  selfUserIds: () => ReadonlySet<string>;
}

export function webhookRouter(deps: WebhookDeps): Router {
  const router = express.Router();
  for (const adapter of deps.adapters) serve(router, adapter, deps);
  return router;
}

function serve(router: Router, adapter: IntakeAdapter, deps: WebhookDeps): void {
  router.post(
    adapter.path,
    express.raw({ type: () => true, limit: deps.maxBodyBytes }),
    async (req: Request, res: Response) => {
      const started = process.hrtime.bigint();
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const delivery = { raw, header: (name: string) => req.header(name) ?? undefined, receivedAt: new Date().toISOString() };
      const deliveryId = adapter.deliveryId(delivery);
      const log = deps.log.child({ delivery: deliveryId, provider: adapter.provider });
      const finish = (status: number, outcome: string, body: unknown) => {
        deps.metrics.webhooks.inc({ outcome });
        deps.metrics.intakeSeconds.observe({ outcome }, Number(process.hrtime.bigint() - started) / 1e9);
        res.status(status).json(body);
      };
      try {
        adapter.verify(delivery);
        let event;
        try {
          event = adapter.parse(delivery, deliveryId);
        } catch (err) {
          // Verified, so the helpdesk sent this: keep it and read the comment through the API
          // rather than drop a customer's message over its body.
          const kept = await keepUnparsed(deps, adapter, delivery, deliveryId, err);
          log.warn({ code: kept.code, cause: kept.cause, ticket: kept.ticketId, field: kept.field }, `signed delivery has ${kept.cause === 'malformed_json' ? 'a body that is not valid JSON' : 'a field of the wrong shape'}; kept it and reading the comment through the API`);
          return finish(202, 'kept', { status: 'accepted', kept: kept.cause, ticket_id: kept.ticketId });
        }
        if (!event) return finish(202, 'ignored', { status: 'ignored', reason: 'event type not used by triage' });
        if (deps.ignoreOwnUpdates && isOwnUpdate(event, deps.selfUserIds())) {
          log.debug({ ticket: event.ticket.id }, 'own update ignored');
          await acceptEvent(deps.store, deps.queue, event, { status: 'ignored', note: 'own update' });
          return finish(202, 'own_update', { status: 'ignored', reason: 'own update' });
        }
        if (await needsCommentRead(deps.store, event)) {
          // No key for the comment (the body names no id and does not carry the comment
          // whole), or its words repeat a stored message: read the comment first.
          const kept = await keepRawDelivery(deps.store, deps.queue, { tenantId: tenantIdFor(event), provider: event.provider, deliveryId, ticketId: event.ticket.id, cause: 'empty_comment_id', body: raw.toString('utf8'), partial: event });
          log.info({ ticket: event.ticket.id, type: event.type, outcome: kept, comment: 'read through the API' }, 'webhook accepted');
          return finish(202, kept === 'kept' ? 'accepted' : 'duplicate', { status: kept === 'kept' ? 'accepted' : 'duplicate', ticket_id: event.ticket.id });
        }
        const outcome = await acceptEvent(deps.store, deps.queue, event);
        log.info({ ticket: event.ticket.id, type: event.type, outcome }, 'webhook accepted');
        return finish(202, outcome, { status: outcome, event_id: event.eventId });
      } catch (err) {
        if (isBatonError(err) && err.status < 500) {
          log.warn({ code: err.code }, err.message);
          return finish(err.status, err.code.toLowerCase(), err.toJSON());
        }
        log.error({ err: err instanceof Error ? err.message : String(err) }, 'webhook intake failed');
        // 503 makes the helpdesk retry the delivery: nothing was acknowledged, so nothing is lost.
        // Zendesk retries a 503 only when it carries a Retry-After of at most 60 seconds
        // ("Webhook retries", developer.zendesk.com/api-reference/webhooks/introduction);
        // a short wait gives a restarting database a moment, and the catch-up sweep reads
        // whatever the retries still miss.
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        return finish(503, 'error', { error: { code: 'STORE', message: `Could not record the webhook; retry after ${RETRY_AFTER_SECONDS} seconds.` } });
      }
    },
  );
}

/**
 * A verified delivery whose body did not parse: kept raw with what the adapter can still read
 * from it. Rethrows the parse error (a coded 400) when the adapter cannot name the ticket.
 */
async function keepUnparsed(deps: WebhookDeps, adapter: IntakeAdapter, delivery: Delivery, deliveryId: string, err: unknown) {
  if (!isBatonError(err) || (err.code !== 'WEBHOOK_MALFORMED_JSON' && err.code !== 'WEBHOOK_INVALID_PAYLOAD') || !adapter.salvage) throw err;
  const salvaged = adapter.salvage(delivery);
  const cause: RawDeliveryCause = err.code === 'WEBHOOK_MALFORMED_JSON' ? 'malformed_json' : 'invalid_payload';
  const provider = adapter.provider as Provider;
  const ticketId = salvaged.returnRequest ? null : salvaged.ticketId;
  const partial = ticketId ? { salvaged: true as const, accountId: salvaged.accountId, ticketId, actorId: salvaged.actorId, event: salvaged.event } : null;
  const tenantId = tenantIdFor({ provider, accountId: salvaged.accountId });
  await keepRawDelivery(deps.store, deps.queue, { tenantId, provider, deliveryId, ticketId, cause, body: delivery.raw.toString('utf8'), partial });
  if (!ticketId) throw err; // kept for inspection, but nothing names the ticket: the sender's error
  return { code: err.code, cause, ticketId, field: err.details?.field };
}

/** Body-parser failures (too large, aborted) become coded JSON errors, not HTML pages. */
export function bodyErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const e = err as { type?: string; status?: number; limit?: number };
  if (e?.type === 'entity.too.large') {
    res.status(413).json(new BatonError('WEBHOOK_BODY_TOO_LARGE', `Body is larger than the ${e.limit} byte limit (BATON_MAX_BODY_BYTES).`, { status: 413 }).toJSON());
    return;
  }
  if (e?.status && e.status >= 400 && e.status < 500) {
    res.status(e.status).json({ error: { code: 'BAD_REQUEST', message: (err as Error).message } });
    return;
  }
  next(err);
}
