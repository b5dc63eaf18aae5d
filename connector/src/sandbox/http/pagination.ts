/**
 * Zendesk's two pagination styles. Cursor pagination (`page[size]`, `page[after]`,
 * `page[before]`) answers with `meta.has_more` / cursors and `links.next` / `links.prev`; a
 * request without `page[...]` gets offset pagination (`page`, `per_page`, `next_page`,
 * `previous_page`, `count`). Cursors are opaque base64url text, as Zendesk's are.
 */
import type { Request } from 'express';
import { badRequest } from '../zendesk-errors.js';
import { queryValue } from './context.js';

const encode = (id: number): string => Buffer.from(JSON.stringify({ o: id })).toString('base64url');

function decode(cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number') return parsed.o;
  } catch {
    // fall through to the error below
  }
  throw badRequest(`Invalid cursor: ${cursor}`);
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw badRequest(`${name} must be a positive integer, got ${raw}`);
  return n;
}

/** Zendesk caps pages at 100 items. */
const pageSize = (name: string, raw: string | undefined): number => Math.min(positiveInt(name, raw, 100), 100);

export function usesCursor(req: Request): boolean {
  return Object.keys(req.query).some((k) => k.startsWith('page['));
}

export interface CursorPage<T> {
  items: T[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { next: string | null; prev: string | null };
}

/** `items` must be sorted by ascending id. `selfUrl` is the absolute URL without a query. */
export function cursorPage<T extends { id: number }>(items: T[], req: Request, selfUrl: string): CursorPage<T> {
  const size = pageSize('page[size]', queryValue(req, 'page[size]'));
  const after = queryValue(req, 'page[after]');
  const before = queryValue(req, 'page[before]');
  let page: T[];
  let hasMore: boolean;
  if (before !== undefined) {
    const edge = decode(before);
    const earlier = items.filter((i) => i.id < edge);
    page = earlier.slice(-size);
    hasMore = earlier.length > size;
  } else {
    const edge = after === undefined ? 0 : decode(after);
    const later = items.filter((i) => i.id > edge);
    page = later.slice(0, size);
    hasMore = later.length > size;
  }
  const first = page[0];
  const last = page[page.length - 1];
  const link = (key: string, cursor: string): string => `${selfUrl}?page%5Bsize%5D=${size}&page%5B${key}%5D=${encodeURIComponent(cursor)}`;
  const afterCursor = last ? encode(last.id) : null;
  const beforeCursor = first ? encode(first.id) : null;
  return {
    items: page,
    meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
    links: {
      next: hasMore && afterCursor && before === undefined ? link('after', afterCursor) : null,
      prev: beforeCursor && (after !== undefined || before !== undefined) ? link('before', beforeCursor) : null,
    },
  };
}

export interface OffsetPage<T> {
  items: T[];
  next_page: string | null;
  previous_page: string | null;
  count: number;
}

export function offsetPage<T>(items: T[], req: Request, selfUrl: string): OffsetPage<T> {
  const perPage = pageSize('per_page', queryValue(req, 'per_page'));
  const page = positiveInt('page', queryValue(req, 'page'), 1);
  const start = (page - 1) * perPage;
  // Keep the request's other parameters (a search's query, a list's filters), as Zendesk does.
  const url = (n: number): string => {
    const params = new URL(req.originalUrl, 'http://sandbox').searchParams;
    for (const k of [...params.keys()]) if (k.startsWith('page')) params.delete(k);
    params.set('page', String(n));
    params.set('per_page', String(perPage));
    return `${selfUrl}?${params}`;
  };
  return {
    items: items.slice(start, start + perPage),
    next_page: start + perPage < items.length ? url(page + 1) : null,
    previous_page: page > 1 ? url(page - 1) : null,
    count: items.length,
  };
}
