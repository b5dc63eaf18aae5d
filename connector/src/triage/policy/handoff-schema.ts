/**
 * The policy's `handoff` section: how handoffs are routed (skills, overflow) and what the
 * customer is promised (business hours and pace per team), and the status after an
 * automated answer. Every key is optional; DEFAULT_HANDOFF fills the gaps.
 */
import { z } from 'zod';
import { DEFAULT_HANDOFF } from './handoff-config.js';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time like 09:00' });
const day = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], { error: 'expected mon, tue, wed, thu, fri, sat or sun' });
const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'expected an IANA time zone like Europe/London' },
);

export const BusinessHoursSchema = z
  .strictObject({ timezone, days: z.array(day).min(1, { error: 'expected at least one working day' }), open: time, close: time })
  .refine((h) => h.open < h.close, { error: 'expected open before close' });

const minutes = z.number({ error: 'expected a number of minutes' }).min(0, { error: 'expected 0 or more minutes' });

export const HandoffSection = z
  .strictObject({
    assign: z.boolean({ error: 'expected true or false' }).default(DEFAULT_HANDOFF.assign),
    skills: z.record(z.string(), z.string()).default(DEFAULT_HANDOFF.skills),
    overflow: z.record(z.string(), z.string()).default(DEFAULT_HANDOFF.overflow),
    hours: z.record(z.string(), BusinessHoursSchema.nullable()).default(DEFAULT_HANDOFF.hours),
    pace: z.record(z.string(), z.strictObject({ base_minutes: minutes, minutes_per_ticket: minutes })).default(DEFAULT_HANDOFF.pace),
    automated_status: z.enum(['pending', 'solved'], { error: 'expected pending or solved' }).default(DEFAULT_HANDOFF.automated_status),
  })
  .default(DEFAULT_HANDOFF);
