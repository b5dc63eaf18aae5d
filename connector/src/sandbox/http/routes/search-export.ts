/**
 * GET /api/v2/search/export as Zendesk documents it (oas.yaml, ExportSearchResults): one object
 * type named by `filter[type]` (a `type:` keyword in the query is an error), results ordered
 * only by `created_at`, cursor pagination with `page[size]` up to 1,000, `meta.has_more` and
 * `meta.after_cursor`, `links.next` (and `links.prev` always null: no backward paging), and no
 * `count`. Unlike /api/v2/search it has no 1,000-result cap.
 */
import type { RequestHandler } from 'express';
import { groupJson, organizationJson, ticketJson, userJson } from '../../serializers.js';
import { search, type SearchHit } from '../../ticket-search.js';
import { badRequest } from '../../zendesk-errors.js';
import { queryValue, serializeContext, type SandboxServices } from '../context.js';

const EXPORT_TYPES = ['ticket', 'user', 'organization', 'group'] as const;
/** "Returns a maximum of 1000 records per page." */
const MAX_PAGE = 1000;

interface Position {
  /** created_at (ms) and id of the last result handed out. */
  c: number;
  i: number;
}

const encode = (p: Position): string => Buffer.from(JSON.stringify(p)).toString('base64url');
function decode(raw: string): Position {
  try {
    const p = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Position>;
    if (typeof p.c === 'number' && typeof p.i === 'number') return { c: p.c, i: p.i };
  } catch {
    // reported below
  }
  throw badRequest(`Invalid cursor: ${raw}`);
}

type Exported = { id: number; createdAt: Date; json: () => Record<string, unknown> };

export function searchExportRoute(s: SandboxServices): RequestHandler {
  return (req, res) => {
    const query = queryValue(req, 'query');
    if (!query || query.trim() === '') throw badRequest('query parameter is required');
    const type = queryValue(req, 'filter[type]');
    if (!type || !(EXPORT_TYPES as readonly string[]).includes(type)) throw badRequest(`filter[type] is required: one of ${EXPORT_TYPES.join(', ')}`);
    if (/(^|\s)-?type:/i.test(query)) throw badRequest('Searches with type in the query string are not supported; use filter[type]');
    const rawSize = queryValue(req, 'page[size]');
    const size = rawSize === undefined ? 100 : Number(rawSize);
    if (!Number.isInteger(size) || size < 1) throw badRequest(`page[size] must be a positive integer, got ${rawSize}`);
    const pageSize = Math.min(size, MAX_PAGE);
    const after = queryValue(req, 'page[after]');
    const edge = after === undefined ? undefined : decode(after);

    const ctx = serializeContext(s);
    const all: Exported[] =
      type === 'group'
        ? [...s.state.groups.values()].filter((g) => query.trim() === '*' || g.name.toLowerCase().includes(query.toLowerCase())).map((g) => ({ id: g.id, createdAt: g.createdAt, json: () => groupJson(g, ctx) }))
        : search(s.state, `type:${type} ${query}`).map((hit) => ({ id: hit.record.id, createdAt: hit.record.createdAt, json: () => hitJson(hit, ctx) }));
    const ordered = all
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
      .filter((x) => !edge || x.createdAt.getTime() > edge.c || (x.createdAt.getTime() === edge.c && x.id > edge.i));
    const page = ordered.slice(0, pageSize);
    const hasMore = ordered.length > pageSize;
    const last = page[page.length - 1];
    const afterCursor = last ? encode({ c: last.createdAt.getTime(), i: last.id }) : null;
    const next = hasMore && afterCursor ? `${s.baseUrl}/api/v2/search/export.json?${new URLSearchParams({ query, 'filter[type]': type, 'page[size]': String(pageSize), 'page[after]': afterCursor })}` : null;
    res.json({
      results: page.map((x) => ({ ...x.json(), result_type: type })),
      facets: null,
      meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: null },
      links: { next, prev: null },
    });
  };
}

function hitJson(hit: SearchHit, ctx: ReturnType<typeof serializeContext>): Record<string, unknown> {
  if (hit.type === 'ticket') return ticketJson(hit.record, ctx);
  if (hit.type === 'user') return userJson(hit.record, ctx);
  return organizationJson(hit.record, ctx);
}
