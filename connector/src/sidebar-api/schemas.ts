/** Request validation for the sidebar API (zod): bodies, params and query strings. */
import { z } from 'zod';
import { FLAG_KINDS } from './flags.js';

const DAY = 86_400_000;
/** The last instant a JavaScript Date can hold. */
const MAX_TIME = 8.64e15;

/** Zendesk ticket ids are positive integers; anything else is a client bug, said as such. */
export const ticketIdParam = z.string().regex(/^[1-9]\d{0,15}$/, 'ticket id must be a positive integer');

export const jobIdParam = z.string().regex(/^[1-9]\d{0,15}$/, 'job id must be a positive integer').transform(Number);

export const returnBody = z
  .object({ note: z.string().max(1000, 'note must be at most 1000 characters').transform(withoutNul).optional() })
  .strict();

export const flagBody = z
  .object({
    kind: z.enum(FLAG_KINDS, { error: `kind must be one of ${FLAG_KINDS.join(', ')}` }),
    comment: z.string().max(2000, 'comment must be at most 2000 characters').transform(withoutNul).optional(),
    attemptId: z.number().int().positive().optional(),
  })
  .strict();

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

function instant(edge: 'start' | 'end') {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const ms = Date.parse(dateOnly.test(v) ? `${v}T00:00:00.000Z` : v);
      if (Number.isNaN(ms)) {
        ctx.addIssue({ code: 'custom', message: 'must be a date (YYYY-MM-DD) or an ISO 8601 time' });
        return z.NEVER;
      }
      // A date-only `to` means the whole of that day.
      return edge === 'end' && dateOnly.test(v) ? ms + DAY - 1 : ms;
    });
}

export const summaryQuery = z
  .object({ from: instant('start'), to: instant('end') })
  .transform((q) => {
    const to = q.to ?? Date.now();
    return { from: q.from ?? to - 30 * DAY, to };
  })
  .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['from'] })
  .refine((r) => r.to - r.from <= 400 * DAY, { message: 'the range must be at most 400 days', path: ['from'] })
  // The summary's end is inclusive and the metrics' exclusive (to + 1 ms), which must still be a Date.
  .refine((r) => r.to < MAX_TIME, { message: 'must be before +275760-09-13T00:00:00.000Z', path: ['to'] });

/** PostgreSQL text cannot hold NUL, and it means nothing in a note: drop it. */
function withoutNul(text: string): string {
  return text.replace(/\u0000/g, '');
}
