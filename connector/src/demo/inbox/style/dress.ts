/**
 * Turns a theme's words into the message a helpdesk actually receives on each channel:
 * chat is a bare line, a web form is the text with maybe a name, and e-mail carries a
 * greeting, sign-off, signature, phone footer, disclaimer and quoted history.
 */
import type { Random } from '../rng.js';
import type { Draft, ThemeContext } from '../themes/theme.js';
import { acknowledgement, background, postscript } from './asides.js';
import { closing, deviceFooter, disclaimer, greeting, signature } from './parts.js';
import { quotedReply } from './quoted.js';
import { addTypos, casual } from './typos.js';

function typed(rng: Random, text: string, rate: number): string {
  if (!rng.chance(rate)) return text;
  return addTypos(rng, text, rng.weighted([[1, 5], [2, 3], [3, 1]] as const));
}

/** The message as sent on the draft's channel; the subject changes only when the mail became a reply. */
export function dress(ctx: ThemeContext, draft: Draft): { subject: string; body: string } {
  const { rng, channel } = ctx;
  if (draft.raw) return { subject: draft.subject, body: draft.body };
  if (channel === 'chat') return { subject: draft.subject, body: casual(rng, typed(rng, draft.body, 0.35)) };
  if (channel === 'web') return { subject: draft.subject, body: webForm(ctx, draft) };
  return email(ctx, draft);
}

function webForm(ctx: ThemeContext, draft: Draft): string {
  const { rng, person } = ctx;
  const words = typed(rng, draft.body, 0.18);
  const parts: string[] = [];
  if (rng.chance(0.25)) parts.push(greeting(rng, ctx.hour, draft.tone));
  parts.push(words);
  if (rng.chance(0.4)) parts.push(rng.chance(0.5) ? person.first : `${closing(rng, draft.tone)}\n${person.first}`.trim());
  return parts.join('\n\n');
}

function email(ctx: ThemeContext, draft: Draft): { subject: string; body: string } {
  const { rng, person, org } = ctx;
  const words = typed(rng, draft.body, 0.18);
  // A few writers are long-winded: background, a P.S., the company's disclaimer, and a reply
  // to our automatic acknowledgement instead of a new message.
  const longWinded = !draft.brief && rng.chance(0.1);
  const parts: string[] = [];
  if (rng.chance(0.85)) parts.push(greeting(rng, ctx.hour, draft.tone));
  parts.push(...(draft.brief ? [] : background(rng, ctx.vars, longWinded)), words);
  const signer = {
    first: person.first,
    name: person.name,
    locale: person.locale,
    ...(org ? { org: org.name, domain: org.domain } : {}),
  };
  const sign = signature(rng, signer, draft.tone);
  let close = rng.chance(0.8) ? closing(rng, draft.tone) : '';
  // "Thanks!" as the last sentence and "Thanks!" as the sign-off reads like a bug, not a person.
  const lastLine = words.split('\n').pop()?.toLowerCase() ?? '';
  const closeWord = close.toLowerCase().replace(/[^a-z ]/g, '').split(' ')[0] ?? '';
  if (closeWord.length > 2 && lastLine.includes(closeWord.slice(0, 5))) close = '';
  parts.push(close ? `${close}\n${sign}` : sign);
  const ps = draft.brief ? undefined : postscript(rng, ctx.vars, longWinded);
  if (ps) parts.push(ps);
  const mobile = rng.chance(0.15);
  if (mobile) parts.push(deviceFooter(rng));
  if (org && !mobile && rng.chance(longWinded ? 0.8 : 0.25)) parts.push(disclaimer(rng, org.name));
  const quote = draft.quote ?? (longWinded ? acknowledgement(ctx.vars) : undefined);
  if (quote) {
    parts.push(
      quotedReply(rng, {
        text: quote,
        customerFirst: person.first,
        customerName: person.name,
        customerEmail: person.email,
        subject: draft.subject.replace(/^(Re|RE|Fwd|FW): /, ''),
      }),
    );
  }
  const subject = quote !== undefined && !/^re:/i.test(draft.subject) ? `Re: ${draft.subject}` : draft.subject;
  return { subject, body: parts.join('\n\n') };
}
