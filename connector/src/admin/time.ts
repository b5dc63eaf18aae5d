/** Time helpers shared by the admin reports. Times are epoch milliseconds, weeks are UTC. */
import { BatonError } from '../errors.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Monday 00:00 UTC of the week holding `ms`, as YYYY-MM-DD. */
export function weekStart(ms: number): string {
  const d = new Date(ms);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return new Date(midnight - ((d.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A share, or null when there is nothing to divide (a rate of nothing is not 0%). */
export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** "2025-03-01" or an ISO time or epoch ms → epoch ms; throws naming the input. */
export function parseTime(value: string | number, what: string): number {
  if (typeof value === 'number') return value;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new BatonError('BAD_REQUEST', `${what}: expected a date like 2025-03-01 or an ISO time, got "${value}"`, { status: 400 });
  return ms;
}

export const pct = (x: number | null, digits = 1): string => (x === null ? '–' : `${(x * 100).toFixed(digits)}%`);
