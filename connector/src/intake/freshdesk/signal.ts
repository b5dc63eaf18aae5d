/**
 * What a Freshdesk automation rule's "Trigger webhook" sends Baton, and how it is read.
 *
 * Placeholders render as strings, and status, priority, agent and group as labels rather
 * than ids (../shared/freshdesk/FACTS.md §7, from Zulip's recorded fixtures), and Freshdesk
 * does not sign the request. So the body is only a signal — "ticket N changed, because of
 * {{triggered_event}}" — and the job reads the ticket and its latest conversation through
 * the API. No delivery id is documented either: deliveries are deduplicated per
 * conversation once the job has read it.
 */
import { z } from 'zod';

export const FRESHDESK_SIGNAL_SCHEMA = 'baton.freshdesk.v1';

/**
 * Events Baton's rules send; the rule chooses, the API read decides what really happened.
 * `ticket.return_requested`: an agent's update on a ticket that carries the return tag.
 */
export const FRESHDESK_SIGNAL_EVENTS = ['ticket.created', 'ticket.customer_reply', 'ticket.return_requested'] as const;
export type FreshdeskSignalEvent = (typeof FRESHDESK_SIGNAL_EVENTS)[number];

/** The rule's "Advanced" JSON content, with Freshdesk's placeholders (FACTS.md §7 list). */
export function freshdeskSignalBody(event: FreshdeskSignalEvent): string {
  return `{"schema":"${FRESHDESK_SIGNAL_SCHEMA}","event":"${event}","ticket_id":"{{ticket.id}}","ticket_url":"{{ticket.url}}","triggered_event":"{{triggered_event}}"}`;
}

export const freshdeskSignal = z.object({
  schema: z.literal(FRESHDESK_SIGNAL_SCHEMA),
  event: z.enum(FRESHDESK_SIGNAL_EVENTS),
  // A string of digits (placeholders render as text); a JSON number is taken too.
  ticket_id: z.union([z.string().regex(/^\d{1,19}$/), z.number().int().positive()]).transform(String),
  ticket_url: z.string().optional(),
  triggered_event: z.string().max(500).optional(),
});
export type FreshdeskSignal = z.infer<typeof freshdeskSignal>;
