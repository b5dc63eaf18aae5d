/**
 * Freshdesk deliveries: POST /webhooks/freshdesk from an automation rule's "Trigger
 * webhook" action. Freshdesk does not sign requests (FACTS.md §7), so the rule sends a
 * secret in a custom header, compared here in constant time with the configured secret(s).
 * The body is only a signal (signal.ts): it becomes a `ticket.signal` event, persisted before
 * the 202, and the job reads the ticket and its latest conversation through the API.
 * No delivery id is documented, so each delivery gets its own; the job deduplicates per
 * conversation.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { BatonError } from '../../errors.js';
import type { TicketSignalEvent } from '../../events/types.js';
import type { IntakeAdapter } from '../adapter.js';
import { jsonErrorPosition } from '../json-error.js';
import { freshdeskSignal } from './signal.js';

export const FRESHDESK_SECRET_HEADER = 'x-baton-webhook-secret';

export interface FreshdeskIntakeOptions {
  /** The secret header's value, and the previous one during a rotation. */
  secrets: string[];
  /** The Freshdesk account this connector serves (`acme` of acme.freshdesk.com): the tenant. */
  account: string;
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  // Compare equal lengths only, still in constant time for the length we were given.
  return a.length === b.length ? timingSafeEqual(a, b) : (timingSafeEqual(a, a), false);
}

export function freshdeskIntake(opts: FreshdeskIntakeOptions): IntakeAdapter {
  if (opts.secrets.length === 0) throw new BatonError('CONFIG_INVALID', 'No webhook secret configured: set BATON_WEBHOOK_SECRET to the value of the rule\'s X-Baton-Webhook-Secret header.');
  return {
    provider: 'freshdesk',
    path: '/webhooks/freshdesk',
    deliveryId: (d) => d.header('x-request-id') ?? randomUUID(),
    verify(d) {
      const given = d.header(FRESHDESK_SECRET_HEADER);
      if (!given) throw new BatonError('WEBHOOK_SIGNATURE_MISSING', `Missing ${FRESHDESK_SECRET_HEADER} header: add it under "Add custom headers" in the automation rule's Trigger webhook action.`, { status: 401 });
      let ok = false;
      for (const s of opts.secrets) ok = sameSecret(given, s) || ok; // every secret compared: no early exit
      if (!ok) throw new BatonError('WEBHOOK_SIGNATURE_INVALID', `The ${FRESHDESK_SECRET_HEADER} header does not match BATON_WEBHOOK_SECRET.`, { status: 401 });
    },
    parse(d, deliveryId): TicketSignalEvent {
      let body: unknown;
      try {
        body = JSON.parse(d.raw.toString('utf8'));
      } catch (err) {
        throw new BatonError('WEBHOOK_MALFORMED_JSON', `The webhook body is not JSON${jsonErrorPosition(err)}: set the rule's Encoding to JSON and check its Advanced content.`, { status: 400 });
      }
      const parsed = freshdeskSignal.safeParse(body);
      if (!parsed.success) {
        throw new BatonError('WEBHOOK_INVALID_PAYLOAD', `The webhook body is not Baton's signal: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`, {
          status: 400,
          details: { fields: parsed.error.issues.map((i) => i.path.join('.')) },
        });
      }
      const s = parsed.data;
      const host = s.ticket_url ? safeHost(s.ticket_url) : undefined;
      if (host?.endsWith('.freshdesk.com') && host.split('.')[0] !== opts.account) {
        throw new BatonError('WEBHOOK_INVALID_PAYLOAD', `The signal names ticket ${s.ticket_id} of ${host}, not of the account this connector serves (${opts.account}).`, { status: 400 });
      }
      return {
        type: 'ticket.signal',
        provider: 'freshdesk',
        accountId: opts.account,
        eventId: `freshdesk:${opts.account}:${s.ticket_id}:signal:${deliveryId}`,
        deliveryId,
        occurredAt: d.receivedAt,
        // A signal knows only the ticket's id; the job reads the rest through the API.
        ticket: { id: s.ticket_id, subject: '', status: '', priority: null, tags: [], groupId: null, assigneeId: null, requesterId: '', organizationId: null, channel: 'unknown', url: s.ticket_url },
        requester: { id: '', name: '', tags: [] },
        organization: null,
        actor: { id: null, via: 'automation_rule' },
        signal: { reason: s.event, triggeredEvent: s.triggered_event ?? null },
      };
    },
  };
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
