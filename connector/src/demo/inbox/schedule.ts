/**
 * When tickets arrive. The night runs from 22:00 to 08:00: a busy late evening, a quiet
 * stretch after 2am, and a rise from 6am as early shifts (and customers in earlier time
 * zones) start work.
 */
import type { Random } from './rng.js';

export const NIGHT_START_HOUR = 22;
export const NIGHT_MINUTES = 600;

/** Relative ticket volume for each hour of the night, 22:00 first. */
const HOUR_WEIGHTS = [16, 13, 10, 8, 6, 5, 5, 7, 12, 18] as const;

export function drawArrivalMinute(rng: Random): number {
  const hourIndex = rng.weighted(HOUR_WEIGHTS.map((w, i) => [i, w] as const));
  return hourIndex * 60 + rng.int(0, 59);
}

/** Clock hour (22, 23, 0 .. 7) of a minute of the night. */
export function clockHour(minute: number): number {
  return (NIGHT_START_HOUR + Math.floor(minute / 60)) % 24;
}

/** Keeps a jittered minute inside the night. */
export function clampMinute(minute: number): number {
  return Math.min(NIGHT_MINUTES - 1, Math.max(0, minute));
}
