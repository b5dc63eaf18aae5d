/**
 * Freshdesk list pagination (api-endpoints.md conventions): `page` from 1, `per_page`
 * default 30, max 100 (more, or an invalid value, is an error), and a
 * `Link: <...&page=N+1>; rel="next"` header only when another page exists.
 */
import type { Request, Response } from 'express';
import { queryValue } from '../http/context.js';
import { fdInvalidValue } from './errors.js';

function positive(req: Request, name: string, fallback: number, max: number): number {
  const raw = queryValue(req, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw fdInvalidValue(name, `It should be a/an Positive Integer less than or equal to ${max}`);
  return n;
}

export function fdPage<T>(items: T[], req: Request, res: Response, baseUrl: string): T[] {
  const page = positive(req, 'page', 1, Number.MAX_SAFE_INTEGER);
  const perPage = positive(req, 'per_page', 30, 100);
  const start = (page - 1) * perPage;
  if (start + perPage < items.length) {
    const params = new URLSearchParams(req.query as Record<string, string>);
    params.set('page', String(page + 1));
    params.set('per_page', String(perPage));
    res.setHeader('Link', `<${baseUrl}${req.path}?${params}>; rel="next"`);
  }
  return items.slice(start, start + perPage);
}
