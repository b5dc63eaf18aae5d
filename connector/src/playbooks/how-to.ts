/**
 * How-to answers come from the Help Center: search with the customer's words, quote and
 * link the best article, and hand off when nothing scores well enough to be the answer.
 */
import { customerLocale } from './customer-locale.js';
import type { PlaybookContext, PlaybookResult } from './types.js';

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
  return {
    reply: `Hi ${firstName},\n\nThis article explains how: "${best.a.title}"\n${best.a.url}\n\n${excerpt}${excerpt.length === 400 ? '…' : ''}\n\nIf that doesn't solve it, reply here and a specialist will help.`,
  };
}

function keywords(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[a-z][a-z0-9'-]{2,}/g) ?? [])].filter((w) => !STOP.has(w));
}

function overlap(a: string[], b: string[]): number {
  const set = new Set(b.map(stem));
  return a.filter((w) => set.has(stem(w))).length;
}

const stem = (w: string) => w.replace(/(ing|ed|es|s)$/, '');
const stripHtml = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
