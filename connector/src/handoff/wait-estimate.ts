/**
 * An honest expected wait: the team's queue spread over the agents who can take it, and
 * when the team is closed, the time it opens instead of a promise nobody will keep.
 */
import { describeOpening, isOpen, nextOpening, type BusinessHours } from '../calendar/business-hours.js';

export interface WaitInputs {
  hours: BusinessHours | null; // null: staffed around the clock
  /** Open tickets waiting in the team's queue (unassigned or new). */
  queueDepth: number;
  /** Agents of the team with spare capacity. */
  agentsAvailable: number;
  baseMinutes: number;
  minutesPerTicket: number;
  now: Date;
}

export type WaitEstimate =
  | { online: true; minutes: number }
  | { online: false; opensAt: Date; opensText: string };

export function estimateWait(w: WaitInputs): WaitEstimate {
  const raw = w.baseMinutes + Math.ceil(w.queueDepth / Math.max(1, w.agentsAvailable)) * w.minutesPerTicket;
  const minutes = Math.max(5, Math.ceil(raw / 5) * 5); // promise in steps of 5: nobody believes "13 minutes"
  if (!w.hours) return { online: true, minutes };
  const replyBy = new Date(w.now.getTime() + minutes * 60_000);
  if (isOpen(w.hours, w.now) && isOpen(w.hours, replyBy)) return { online: true, minutes };
  // Closed now, or closing before we could answer: promise the first hour of the next opening.
  const from = isOpen(w.hours, w.now) ? new Date(replyBy.getTime()) : w.now;
  const opensAt = nextOpening(w.hours, from);
  return { online: false, opensAt, opensText: describeOpening(w.hours, opensAt, w.now) };
}
