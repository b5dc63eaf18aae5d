/**
 * Help Center article search (API) and a plain article page at each result's html_url, so
 * links in automated replies open something in the demo.
 */
import { Router } from 'express';
import { searchArticles } from '../../help-center-search.js';
import { articleSearchJson, HELP_CENTER_DEFAULT_LOCALE } from '../../serializers.js';
import { badRequest, notFound } from '../../zendesk-errors.js';
import { queryValue, serializeContext, type SandboxServices } from '../context.js';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function helpCenterApiRoutes(s: SandboxServices): Router {
  const r = Router();
  r.get('/api/v2/help_center/articles/search', (req, res) => {
    const query = queryValue(req, 'query');
    if (!query || query.trim() === '') throw badRequest('query is required (or category, section, label_names)');
    // One locale per search (the Help Center's default when none is given); agents (the API
    // user) also find drafts and articles restricted to a user segment, as in Zendesk.
    const locale = (queryValue(req, 'locale') ?? HELP_CENTER_DEFAULT_LOCALE).toLowerCase();
    const hits = searchArticles(s.state.articles.filter((a) => (a.locale ?? HELP_CENTER_DEFAULT_LOCALE) === locale), query);
    // Help Center pages default to 25 results (max 100), unlike the Support API's 100.
    const perPage = Math.min(100, Math.max(1, Number(queryValue(req, 'per_page') ?? 25) || 25));
    const page = Math.max(1, Number(queryValue(req, 'page') ?? 1) || 1);
    const pageCount = Math.max(1, Math.ceil(hits.length / perPage));
    const self = `${s.baseUrl}/api/v2/help_center/articles/search.json?query=${encodeURIComponent(query)}&locale=${encodeURIComponent(locale)}&per_page=${perPage}`;
    const ctx = serializeContext(s);
    res.json({
      results: hits.slice((page - 1) * perPage, page * perPage).map((h) => articleSearchJson(h.article, h.snippet, ctx)),
      count: hits.length,
      next_page: page < pageCount ? `${self}&page=${page + 1}` : null,
      previous_page: page > 1 ? `${self}&page=${page - 1}` : null,
      page,
      per_page: perPage,
      page_count: pageCount,
    });
  });
  // The Help Center's enabled locales (Help Center API, Locales: {locales, default_locale}).
  r.get('/api/v2/help_center/locales', (_req, res) => {
    const locales = [...new Set([HELP_CENTER_DEFAULT_LOCALE, ...s.state.articles.map((a) => a.locale ?? HELP_CENTER_DEFAULT_LOCALE)])];
    res.json({ locales, default_locale: HELP_CENTER_DEFAULT_LOCALE });
  });
  // List Articles in one locale (an article without a locale of its own is in the default one).
  r.get('/api/v2/help_center/:locale/articles', (req, res) => {
    const locale = String(req.params.locale).toLowerCase();
    const articles = s.state.articles.filter((a) => (a.locale ?? HELP_CENTER_DEFAULT_LOCALE).toLowerCase() === locale);
    const perPage = Math.min(100, Math.max(1, Number(queryValue(req, 'per_page') ?? 30) || 30));
    const ctx = serializeContext(s);
    res.json({ articles: articles.slice(0, perPage).map((a) => articleSearchJson(a, '', ctx)), count: articles.length, next_page: null, previous_page: null, page: 1, per_page: perPage, page_count: Math.max(1, Math.ceil(articles.length / perPage)) });
  });
  return r;
}

/** Public (unauthenticated) article pages: /hc/en-us/articles/{id}-{slug}. */
export function helpCenterPageRoutes(s: SandboxServices): Router {
  const r = Router();
  r.get('/hc/:locale/articles/:idSlug', (req, res) => {
    const id = Number(/^(\d+)/.exec(req.params.idSlug ?? '')?.[1]);
    // Customers never see drafts or articles restricted to a user segment.
    const article = s.state.articles.find((a) => a.id === id && (a.locale ?? HELP_CENTER_DEFAULT_LOCALE) === req.params.locale && !a.draft && a.userSegmentId == null);
    if (!article) throw notFound('Article not found');
    res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title></head><body><h1>${escapeHtml(article.title)}</h1>${article.body}</body></html>`);
  });
  return r;
}
