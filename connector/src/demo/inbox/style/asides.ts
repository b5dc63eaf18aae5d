/**
 * What long e-mails are long with: background nobody asked for, apologies for writing, and
 * a P.S. Deliberately neutral, so they make the message harder to read without changing
 * what it asks for or how it feels.
 */
import { fill, type Random } from '../rng.js';
import type { Vars } from '../details.js';

const BACKGROUND = [
  'A bit of background first: we have been using Stockroom since 2021, first in one shop and now in {n}. Most of the time it just works and I rarely need to write to you.',
  'For context, I look after the stock side of {org} part-time, alongside running the front of the shop, so I am not always up to date with changes in the app.',
  'We are a small team of {n} people and I am the one who ends up dealing with anything technical, which is why this is coming from me.',
  'Some background: we moved all our products over from spreadsheets last year. The import took a weekend and has mostly been fine since.',
  'I am writing on behalf of {org}. Our usual contact for Northwind things is on holiday this week, so please bear with me if I get some details wrong.',
  'We use the {item} every day at the counter, plus the web app in the back office for ordering.',
  'I should say that our internet at the shop is not the fastest, in case that is relevant.',
  'We are coming up to our busiest season, so I am trying to sort out all the loose ends this week.',
  'I did look through your help centre first, and found a few articles that were close but not quite what I need.',
  'Apologies in advance for the long e-mail. I would rather give you too much detail than too little.',
] as const;

const PS = [
  'P.S. Please use this e-mail address rather than my old one from now on.',
  'P.S. I am in the shop most mornings if a call is easier.',
  'P.S. The new look of the app is nice, by the way.',
  'P.S. Our account may be under {org} rather than my own name.',
  'PS - sorry if this should have gone to a different address.',
] as const;

/** Background paragraphs for the start of an e-mail: often none, two or three from the long-winded. */
export function background(rng: Random, vars: Vars, longWinded: boolean): string[] {
  if (longWinded) return rng.sample(BACKGROUND, rng.int(2, 3)).map((t) => fill(t, vars));
  if (!rng.chance(0.2)) return [];
  return [fill(rng.pick(BACKGROUND), vars)];
}

export function postscript(rng: Random, vars: Vars, longWinded: boolean): string | undefined {
  return rng.chance(longWinded ? 0.5 : 0.06) ? fill(rng.pick(PS), vars) : undefined;
}

/** The helpdesk's automatic acknowledgement, which customers often reply to with more detail. */
export function acknowledgement(vars: Vars): string {
  return fill(
    'Thank you for contacting Northwind Support. Your request ({ticketRef}) has been received and is being reviewed by our team. To add more information, simply reply to this e-mail.',
    vars,
  );
}
