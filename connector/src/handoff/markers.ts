/**
 * Idempotent writes. Each ticket update Baton makes carries a marker tag naming the event
 * it answers; after a crash between the helpdesk write and recording it, the retry reads
 * the ticket, finds the marker, and does not post a second reply. Only the latest marker
 * is kept on the ticket (older ones are removed with each write) so tags stay tidy.
 */
import crypto from 'node:crypto';

const PREFIX = 'baton_m_';

export function markerTag(eventId: string, step: 'update' | 'message'): string {
  const h = crypto.createHash('sha256').update(eventId).digest('hex').slice(0, 12);
  return `${PREFIX}${h}${step === 'message' ? '_c' : ''}`;
}

export function withoutMarkers(tags: string[]): string[] {
  return tags.filter((t) => !t.startsWith(PREFIX));
}

/** Tags that outlive a decision: set by agents, macros or timers, not by triage. */
const LASTING = new Set(['baton_returned', 'baton_return_to_ai', 'baton_pickup_overdue']);

/**
 * The ticket's tags without the previous decision's: each decision's tags (action, intent,
 * reasons) replace the last one's, so a ticket never says both automated and handed off.
 */
export function withoutDecisionTags(tags: string[]): string[] {
  return tags.filter((t) => !t.startsWith('baton_') || LASTING.has(t));
}

export function mergeTags(current: string[], add: string[], remove: string[] = []): string[] {
  const drop = new Set(remove);
  const out: string[] = [];
  for (const t of [...current, ...add]) if (!drop.has(t) && !out.includes(t)) out.push(t);
  return out;
}
