/**
 * Help Center article search, close enough to Zendesk's relevance ranking for playbooks:
 * words in the title weigh most, then labels, then the body; words match on a shared stem
 * ("passwords" finds "password", "locked" finds "lockout"). Snippets mark matches with <em>,
 * as Zendesk does.
 */
import type { HelpCenterArticle } from './model.js';

const STOPWORDS = new Set(
  'a an and are as at be but by can do does for from has have how i if in into is it its me my no not of on or our so that the their them there this to was we what when where which who why will with you your'.split(' '),
);

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOPWORDS.has(w));
}

/** Crude stem: enough to match plurals and -ed/-ing/-out forms of the same word. */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s|out)$/, '').slice(0, 7);
}

function matches(queryWord: string, textWord: string): boolean {
  if (queryWord === textWord) return true;
  const a = stem(queryWord);
  const b = stem(textWord);
  return a.length >= 3 && a === b;
}

export function stripHtml(html: string): string {
  return html
    .replace(/<\/(p|li|h\d)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ArticleHit {
  article: HelpCenterArticle;
  score: number;
  snippet: string;
}

export function searchArticles(articles: HelpCenterArticle[], query: string): ArticleHit[] {
  const words = tokenize(query);
  if (words.length === 0) return [];
  const hits: ArticleHit[] = [];
  for (const article of articles) {
    const title = tokenize(article.title);
    const labels = tokenize(article.labelNames.join(' '));
    const bodyText = stripHtml(article.body);
    const body = tokenize(bodyText);
    let score = 0;
    for (const w of words) {
      if (title.some((t) => matches(w, t))) score += 3;
      if (labels.some((t) => matches(w, t))) score += 2;
      if (body.some((t) => matches(w, t))) score += 1;
    }
    if (score > 0) hits.push({ article, score, snippet: snippetFor(bodyText, words) });
  }
  // Highest score first; ties keep the newest article first, then by id for stability.
  return hits.sort((a, b) => b.score - a.score || b.article.updatedAt.getTime() - a.article.updatedAt.getTime() || a.article.id - b.article.id);
}

function snippetFor(text: string, words: string[]): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const best = sentences.find((s) => tokenize(s).some((t) => words.some((w) => matches(w, t)))) ?? sentences[0] ?? '';
  const clipped = best.length > 200 ? `${best.slice(0, 197)}...` : best;
  // The snippet is HTML: escape the text, then mark matches.
  const escaped = clipped.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/[A-Za-z0-9]+/g, (token) => (words.some((w) => matches(w, token.toLowerCase())) ? `<em>${token}</em>` : token));
}
