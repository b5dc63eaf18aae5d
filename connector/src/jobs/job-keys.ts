/** Job kinds and dedupe keys shared by intake (which enqueues) and the pipeline (which arms timers). */

export const PROCESS_EVENT_JOB = 'process-event';

/** Jobs of one ticket share the part before '#', which the queue uses to keep them in order. */
export function ticketJobKey(tenantId: string, ticketId: string, rest: string): string {
  return `t:${tenantId}:${ticketId}#${rest}`;
}
