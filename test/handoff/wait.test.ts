import { describe, expect, it } from 'vitest';
import { describeOpening, isOpen, nextOpening, type BusinessHours } from '../../connector/src/calendar/business-hours.js';
import { estimateWait } from '../../connector/src/handoff/wait-estimate.js';
import { languageOf, waitMessageText } from '../../connector/src/handoff/wait-messages.js';

const london: BusinessHours = { timezone: 'Europe/London', days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:30' };
// Tuesday 24 Nov 2026 is a weekday; London is on GMT in November.
const tue = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00Z`);

describe('business hours', () => {
  it('knows when a team is open in its own time zone', () => {
    expect(isOpen(london, tue('10:00'))).toBe(true);
    expect(isOpen(london, tue('08:59'))).toBe(false);
    expect(isOpen(london, tue('17:30'))).toBe(false);
    expect(isOpen({ ...london, timezone: 'America/New_York' }, tue('10:00'))).toBe(false); // 05:00 in New York
    expect(isOpen(london, new Date('2026-11-28T12:00:00Z'))).toBe(false); // Saturday
  });

  it('finds the next opening and says it in words', () => {
    const friEvening = new Date('2026-11-27T19:00:00Z');
    const opens = nextOpening(london, friEvening);
    expect(opens.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(describeOpening(london, opens, friEvening)).toBe('9:00 on Monday');
    expect(describeOpening(london, nextOpening(london, tue('20:00')), tue('20:00'))).toBe('9:00 tomorrow');
  });
});

describe('expected wait', () => {
  it('grows with the queue per free agent, in steps of five minutes', () => {
    const base = { hours: null, baseMinutes: 10, minutesPerTicket: 5, now: tue('10:00') };
    expect(estimateWait({ ...base, queueDepth: 0, agentsAvailable: 2 })).toEqual({ online: true, minutes: 10 });
    expect(estimateWait({ ...base, queueDepth: 7, agentsAvailable: 2 })).toEqual({ online: true, minutes: 30 });
    expect(estimateWait({ ...base, queueDepth: 7, agentsAvailable: 0 })).toEqual({ online: true, minutes: 45 });
  });

  it('promises the next opening instead of minutes when the team is closed or closing', () => {
    const closed = estimateWait({ hours: london, queueDepth: 0, agentsAvailable: 2, baseMinutes: 10, minutesPerTicket: 5, now: tue('22:00') });
    expect(closed).toMatchObject({ online: false, opensText: '9:00 tomorrow' });
    const closing = estimateWait({ hours: london, queueDepth: 20, agentsAvailable: 1, baseMinutes: 10, minutesPerTicket: 5, now: tue('17:00') });
    expect(closing.online).toBe(false);
  });
});

describe('the customer message', () => {
  it('names the agent and the team, and keeps the promise the estimate supports', () => {
    const text = waitMessageText({ lang: 'en', team: 'finance', customerFirstName: 'Dana', agentFirstName: 'Marcus', estimate: { online: true, minutes: 15 } });
    expect(text).toBe("Hi Dana,\n\nThanks for your message. I've passed it on with everything you've told us, so you won't need to repeat yourself. Marcus from our billing team will reply within 15 minutes.");
    const offline = waitMessageText({ lang: 'en', team: 'finance', estimate: { online: false, opensAt: new Date(), opensText: '9:00 tomorrow' } });
    expect(offline).toMatch(/Our billing team is offline right now; you're next in line and we'll reply by 9:00 tomorrow\.$/);
  });

  it("speaks the customer's language where a translation exists, English otherwise", () => {
    expect(languageOf('es-ES')).toBe('es');
    expect(languageOf('English')).toBe('en');
    expect(languageOf('nl-NL')).toBe('nl');
    expect(languageOf('sv-SE')).toBe('en');
    expect(languageOf('en-US', 'fr')).toBe('fr'); // what they wrote in wins over the profile
    const es = waitMessageText({ lang: 'es', team: 'finance', customerFirstName: 'Lucía', estimate: { online: true, minutes: 20 } });
    expect(es).toMatch(/^Hola Lucía:/);
    expect(es).toMatch(/facturación.*20 minutos/);
    expect(waitMessageText({ lang: 'ja', team: 'finance', estimate: { online: true, minutes: 20 } })).toMatch(/20分以内/);
    expect(waitMessageText({ lang: 'it', team: 'finance', estimate: { online: true, minutes: 20 } })).toMatch(/fatturazione ti risponderà entro 20 minuti/);
    expect(waitMessageText({ lang: 'nl', team: 'finance', customerFirstName: 'Sanne', estimate: { online: true, minutes: 20 } })).toMatch(/^Hallo Sanne,[\s\S]*facturatieteam antwoordt binnen 20 minuten/);
  });
});
