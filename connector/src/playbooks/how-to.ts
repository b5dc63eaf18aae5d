/**
 * How-to answers come from the Help Center: search with the customer's words, quote and
 * link the best article, and hand off when nothing scores well enough to be the answer.
 */
import { customerLocale } from './customer-locale.js';
import type { PlaybookContext, PlaybookResult } from './types.js';
import { languageOf } from '../handoff/wait-messages.js';

/** The words around the article, in the customer's language (English when there is none). */
const FRAME: Record<string, { hi: (n: string) => string; intro: string; outro: string }> = {
  en: { hi: (n) => `Hi ${n},`, intro: 'This article explains how:', outro: "If that doesn't solve it, reply here and a specialist will help." },
  es: { hi: (n) => `Hola ${n}:`, intro: 'Este artículo explica cómo hacerlo:', outro: 'Si no lo resuelve, responde aquí y un especialista te ayudará.' },
  fr: { hi: (n) => `Bonjour ${n},`, intro: 'Cet article explique comment faire :', outro: "Si cela ne règle pas le problème, répondez ici et un spécialiste vous aidera." },
  de: { hi: (n) => `Hallo ${n},`, intro: 'Dieser Artikel erklärt, wie es geht:', outro: 'Wenn das nicht hilft, antworten Sie hier, und ein Spezialist hilft Ihnen weiter.' },
  pt: { hi: (n) => `Olá ${n},`, intro: 'Este artigo explica como fazer:', outro: 'Se isso não resolver, responda aqui e um especialista vai ajudar.' },
  it: { hi: (n) => `Ciao ${n},`, intro: 'Questo articolo spiega come fare:', outro: 'Se non risolve, rispondi qui e uno specialista ti aiuterà.' },
  nl: { hi: (n) => `Hallo ${n},`, intro: 'Dit artikel legt uit hoe het werkt:', outro: 'Lost dit het niet op, antwoord dan hier en een specialist helpt je verder.' },
};

const STOP = new Set('a an and are can do does for from have how i in is it me my of on or please the this to we what when where which with you your hi hello thanks'.split(' '));

export async function howToReply(ctx: PlaybookContext, firstName: string): Promise<PlaybookResult> {
  const words = keywords(`${ctx.subject} ${ctx.message}`);
  if (words.length === 0) return { handoff: { code: 'no_article', text: 'no Help Center article matched' } };
  const locale = await customerLocale(ctx.locale, ctx.requesterId, ctx.helpdesk);
  const results = await ctx.helpdesk.searchArticles(words.slice(0, 8).join(' '), locale);
  const best = results
    .map((a) => ({ a, score: overlap(words, keywords(`${a.title} ${a.snippet ?? ''}`)) }))
    .sort((x, y) => y.score - x.score)[0];
  if (!best || best.score < 2) return { handoff: { code: 'no_article', text: 'no Help Center article answers this well enough' } };
  const excerpt = stripHtml(best.a.body).slice(0, 400);
  const w = FRAME[languageOf(ctx.locale, ctx.language)] ?? FRAME.en!;
  return {
    reply: `${w.hi(firstName)}\n\n${w.intro} "${best.a.title}"\n${best.a.url}\n\n${excerpt}${excerpt.length === 400 ? '…' : ''}\n\n${w.outro}`,
  };
}

function keywords(text: string): string[] {
  // Letters of every language the customer may write in ("contraseña", "Passwort ändern").
  return [...new Set(text.toLowerCase().match(/\p{L}[\p{L}\p{N}'-]{2,}/gu) ?? [])].filter((w) => !STOP.has(w));
}

function overlap(a: string[], b: string[]): number {
  const set = new Set(b.map(stem));
  return a.filter((w) => set.has(stem(w))).length;
}

const stem = (w: string) => w.replace(/(ing|ed|es|s)$/, '');
const stripHtml = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
