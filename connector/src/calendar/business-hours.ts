/**
 * Business hours in a team's own time zone, with Intl doing the time-zone arithmetic
 * (no date library: Intl knows every zone and its daylight-saving rules).
 */
export type Day = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';

export interface BusinessHours {
  timezone: string;
  /** Working days, e.g. ['mon','tue','wed','thu','fri']. */
  days: Day[];
  /** "09:00" and "17:00", local time. */
  open: string;
  close: string;
}

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function local(at: Date, tz: string): { day: string; minutes: number; hh: number; mm: number } {
  let f = formatters.get(tz);
  if (!f) formatters.set(tz, (f = new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  const hh = Number(parts.hour);
  const mm = Number(parts.minute);
  return { day: String(parts.weekday).slice(0, 3).toLowerCase(), minutes: hh * 60 + mm, hh, mm };
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function isOpen(hours: BusinessHours, at: Date): boolean {
  const l = local(at, hours.timezone);
  return (hours.days as string[]).includes(l.day) && l.minutes >= toMinutes(hours.open) && l.minutes < toMinutes(hours.close);
}

/** The next moment the team is open (now if open), searched in 5-minute steps over 8 days. */
export function nextOpening(hours: BusinessHours, from: Date): Date {
  if (isOpen(hours, from)) return from;
  const step = 5 * 60_000;
  let t = Math.ceil(from.getTime() / step) * step;
  for (let i = 0; i < (8 * 24 * 60) / 5; i++, t += step) if (isOpen(hours, new Date(t))) return new Date(t);
  return from; // no working hours at all: treat as always open rather than never
}

/** "9:00 tomorrow", "9:00 on Monday", "14:30 today", in the team's time zone. */
export function describeOpening(hours: BusinessHours, at: Date, now: Date): string {
  const l = local(at, hours.timezone);
  const n = local(now, hours.timezone);
  const time = `${l.hh}:${String(l.mm).padStart(2, '0')}`;
  const dayDiff = (DAY_KEYS.indexOf(l.day) - DAY_KEYS.indexOf(n.day) + 7) % 7;
  if (dayDiff === 0 && at.getTime() - now.getTime() < 24 * 3600_000) return `${time} today`;
  if (dayDiff === 1) return `${time} tomorrow`;
  const name = new Intl.DateTimeFormat('en-US', { timeZone: hours.timezone, weekday: 'long' }).format(at);
  return `${time} on ${name}`;
}

export { DAY_KEYS };
