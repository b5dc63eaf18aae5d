/**
 * Every tag Baton writes on a ticket, in one place, under the policy's `tags.prefix`
 * (default `baton_`). Triage, write-back, timers, return to automation and the marker tags
 * all take their names from here, so a tenant that changes the prefix changes it everywhere.
 * (The shipped Zendesk trigger in requirements.json names `baton_return_to_ai`: a tenant
 * with another prefix edits that condition too.)
 */
import crypto from 'node:crypto';

export const DEFAULT_TAG_PREFIX = 'baton_';

export interface TicketTags {
  readonly prefix: string;
  readonly handoff: string;
  readonly automated: string;
  /** Triage's action tag for an automatable decision (`<prefix>automate`). */
  readonly automate: string;
  readonly shadow: string;
  /** An agent gave the ticket back to automation. */
  readonly returned: string;
  /** The tag an agent (or a macro) adds to give a handed-off ticket back to Baton. */
  readonly returnToAi: string;
  /** Nobody answered a handoff within the promised wait. */
  readonly pickupOverdue: string;
  intent(intent: string): string;
  /** As the write-back names a reason (`<prefix>reason_<code>`). */
  reason(code: string): string;
  /** As triage names a reason among its tags (`<prefix><code>`). */
  signal(code: string): string;
  /** The idempotency marker of one write step of one event. */
  marker(eventId: string, step: 'update' | 'message'): string;
  isMarker(tag: string): boolean;
  /** Tags of a decision (action, intent, reasons, markers): replaced by the next decision. */
  isDecisionTag(tag: string): boolean;
}

export function ticketTags(prefix: string = DEFAULT_TAG_PREFIX): TicketTags {
  const markerPrefix = `${prefix}m_`;
  const t = {
    prefix,
    handoff: `${prefix}handoff`,
    automated: `${prefix}automated`,
    automate: `${prefix}automate`,
    shadow: `${prefix}shadow`,
    returned: `${prefix}returned`,
    returnToAi: `${prefix}return_to_ai`,
    pickupOverdue: `${prefix}pickup_overdue`,
  };
  // Tags that outlive a decision: set by agents, macros or timers, not by triage.
  const lasting = new Set([t.returned, t.returnToAi, t.pickupOverdue]);
  return {
    ...t,
    intent: (intent) => `${prefix}intent_${intent}`,
    reason: (code) => `${prefix}reason_${code}`,
    signal: (code) => `${prefix}${code}`,
    marker(eventId, step) {
      const h = crypto.createHash('sha256').update(eventId).digest('hex').slice(0, 12);
      return `${markerPrefix}${h}${step === 'message' ? '_c' : ''}`;
    },
    isMarker: (tag) => tag.startsWith(markerPrefix),
    isDecisionTag: (tag) => tag.startsWith(prefix) && !lasting.has(tag),
  };
}

/** The default names, for code with no policy at hand (the shipped Zendesk trigger). */
export const DEFAULT_TAGS = ticketTags();
