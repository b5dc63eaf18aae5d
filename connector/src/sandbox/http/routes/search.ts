/**
 * Search (GET /api/v2/search, capped at 1,000 results as in Zendesk; GET /api/v2/search/count),
 * search export (GET /api/v2/search/export: cursor-paged, no cap, for reads past 1,000 results)
 * and the cursor-based incremental ticket export, which a
 * connector uses to catch up on tickets changed while it was down.
 */
import { Router } from 'express';
import { organizationJson, ticketJson, userJson } from '../../serializers.js';
import { search, sortHits } from '../../ticket-search.js';
import { badRequest, searchLimitExceeded } from '../../zendesk-errors.js';
import { queryValue, serializeContext, type SandboxServices } from '../context.js';
import { offsetPage } from '../pagination.js';
import { searchExportRoute } from './search-export.js';

/**
 * The export cursor is the position in the sandbox's sequence of ticket changes, so a ticket
 * changed after the cursor was issued is always returned next, whatever its updated_at.
 */
const encodeCursor = (seq: number): string => Buffer.from(JSON.stringify({ s: seq })).toString('base64url');
function decodeCursor(raw: string): number {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof c.s === 'number') return c.s;
  } catch {
    // reported below
  }
  throw badRequest(`Invalid cursor: ${raw}`);
}

/** Zendesk's search answers at most this many results per query; `count` still tells the total. */
export const SEARCH_RESULT_LIMIT = 1000;

export function searchRoutes(s: SandboxServices): Router {
  const r = Router();

  r.get('/api/v2/search', (req, res) => {
    const query = queryValue(req, 'query');
    if (!query || query.trim() === '') throw badRequest('query parameter is required');
    const pageNo = Number(queryValue(req, 'page') ?? 1);
    const perPage = Math.min(Number(queryValue(req, 'per_page') ?? 100), 100);
    if (Number.isFinite(pageNo) && Number.isFinite(perPage) && (pageNo - 1) * perPage >= SEARCH_RESULT_LIMIT) throw searchLimitExceeded();
    const ctx = serializeContext(s);
    const hits = sortHits(search(s.state, query), queryValue(req, 'sort_by'), queryValue(req, 'sort_order'));
    const page = offsetPage(hits, req, `${s.baseUrl}/api/v2/search.json`);
    const results = page.items.map((hit) => {
      if (hit.type === 'ticket') return { ...ticketJson(hit.record, ctx), result_type: 'ticket' };
      if (hit.type === 'user') return { ...userJson(hit.record, ctx), result_type: 'user' };
      return { ...organizationJson(hit.record, ctx), result_type: 'organization' };
    });
    res.json({ results, facets: null, next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  });

  r.get('/api/v2/search/export', searchExportRoute(s));

  r.get('/api/v2/search/count', (req, res) => {
    const query = queryValue(req, 'query');
    if (!query || query.trim() === '') throw badRequest('query parameter is required');
    res.json({ count: search(s.state, query).length });
  });

  r.get('/api/v2/incremental/tickets/cursor', (req, res) => {
    const rawCursor = queryValue(req, 'cursor');
    const startTime = queryValue(req, 'start_time');
    // "Must be at least one minute in the past. Data isn't provided for the most recent
    // minute" (oas.yaml, IncrementalUnixTime): the stream stops at the first change newer than
    // that, and later reads go on from there.
    const horizon = s.state.now().getTime() - s.exportLagMs;
    let candidates = s.state.listTickets();
    if (rawCursor) {
      const seq = decodeCursor(rawCursor);
      candidates = candidates.filter((t) => t.changeSeq > seq);
    } else if (startTime && /^\d+$/.test(startTime)) {
      if (Number(startTime) * 1000 > horizon) throw badRequest(`Too recent start_time. Use a start_time older than ${Math.round(s.exportLagMs / 1000)} seconds.`);
      candidates = candidates.filter((t) => t.updatedAt.getTime() >= Number(startTime) * 1000);
    } else throw badRequest('start_time (unix seconds) or cursor is required');
    candidates.sort((a, b) => a.changeSeq - b.changeSeq);
    const tooRecent = candidates.findIndex((t) => t.updatedAt.getTime() > horizon);
    const firstWithheld = tooRecent >= 0 ? candidates[tooRecent]!.changeSeq : undefined;
    if (tooRecent >= 0) candidates = candidates.slice(0, tooRecent);
    const perPage = Math.min(Number(queryValue(req, 'per_page') ?? 1000) || 1000, 1000);
    const ordered = candidates;
    const page = ordered.slice(0, perPage);
    const last = page[page.length - 1];
    // Nothing new: a cursor stays put; a start_time with no match points at the latest change.
    const position = last ? last.changeSeq : rawCursor ? decodeCursor(rawCursor) : firstWithheld !== undefined ? firstWithheld - 1 : Math.max(0, ...s.state.listTickets().map((t) => t.changeSeq));
    const afterCursor = encodeCursor(position);
    const ctx = serializeContext(s);
    res.json({
      tickets: page.map((t) => ticketJson(t, ctx)),
      after_cursor: afterCursor,
      after_url: `${s.baseUrl}/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(afterCursor)}`,
      before_cursor: null,
      before_url: null,
      end_of_stream: ordered.length <= perPage,
    });
  });

  return r;
}
