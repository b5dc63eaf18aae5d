/**
 * What the generic webhook router needs from one helpdesk's deliveries: where they arrive,
 * how one is identified, how it is verified (before anything is parsed), and how its raw
 * bytes become a provider-neutral event. One adapter per provider, in intake/<provider>/.
 */
import type { HelpdeskEvent } from '../events/types.js';

export interface Delivery {
  /** The body exactly as received: signatures are computed over these bytes. */
  raw: Buffer;
  /** A request header (case-insensitive), or undefined. */
  header(name: string): string | undefined;
  receivedAt: string;
}

export interface IntakeAdapter {
  /** For logs and metrics: `zendesk`, `freshdesk`. */
  readonly provider: string;
  /** The path the helpdesk posts to, e.g. `/webhooks/zendesk`. */
  readonly path: string;
  /** The helpdesk's id of this delivery (the same on a redelivery where it has one), for logs. */
  deliveryId(delivery: Delivery): string;
  /** Throws a coded 401 BatonError when the delivery is not from the helpdesk. */
  verify(delivery: Delivery): void;
  /** The event, null when the delivery carries nothing to triage, or a coded 400 BatonError. */
  parse(delivery: Delivery, deliveryId: string): HelpdeskEvent | null;
  /**
   * What can still be read from a verified delivery that did not parse (a body that is not
   * valid JSON, a field of the wrong shape): the ticket, so its comment can be read through
   * the API instead of the delivery being dropped.
   */
  salvage?(delivery: Delivery): SalvagedDelivery;
}

export interface SalvagedDelivery {
  ticketId: string | null;
  accountId: string;
  /** Who made the update (Baton's own updates are not work). */
  actorId: string | null;
  /** The delivery's event name, when it is there. */
  event: string | null;
  /** A request to return the ticket to automation: nothing to read a comment for. */
  returnRequest: boolean;
}
