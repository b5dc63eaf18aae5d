/**
 * Counts every API request by method + route template and by ticket, so a test can assert
 * "one PUT per handed-off message" without guessing from side effects. Requests refused by
 * the rate limiter, faults or auth are counted too: the client did spend them.
 */
import type { RequestHandler } from 'express';

export interface ApiStatsSnapshot {
  total: number;
  /** e.g. {"PUT /api/v2/tickets/{id}": 3} */
  byRoute: Record<string, number>;
  /** e.g. {"17": {"GET /api/v2/tickets/{id}": 1, "PUT /api/v2/tickets/{id}": 1}} */
  byTicket: Record<string, Record<string, number>>;
  /** e.g. {"200": 10, "429": 2} */
  byStatus: Record<string, number>;
}

/** /api/v2/tickets/17/comments.json → /api/v2/tickets/{id}/comments */
export function routeTemplate(path: string): string {
  return path
    .split('?')[0]!
    .replace(/\.json$/, '')
    .split('/')
    .map((seg) => (/^\d+$/.test(seg) || /^[0-9A-HJKMNP-TV-Z]{26}$/.test(seg) ? '{id}' : seg))
    .join('/');
}

export class ApiStats {
  private total = 0;
  private byRoute = new Map<string, number>();
  private byTicket = new Map<string, Map<string, number>>();
  private byStatus = new Map<string, number>();

  middleware(): RequestHandler {
    return (req, res, next) => {
      const key = `${req.method} ${routeTemplate(req.path)}`;
      this.total++;
      this.byRoute.set(key, (this.byRoute.get(key) ?? 0) + 1);
      const ticketId = /^\/api\/v2\/tickets\/(\d+)(?:[/.]|$)/.exec(req.path)?.[1];
      if (ticketId) {
        const perTicket = this.byTicket.get(ticketId) ?? new Map<string, number>();
        perTicket.set(key, (perTicket.get(key) ?? 0) + 1);
        this.byTicket.set(ticketId, perTicket);
      }
      res.on('finish', () => {
        const status = String(res.statusCode);
        this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
      });
      next();
    };
  }

  /** Calls of `METHOD /route/{id}` made for one ticket (0 when none). */
  countFor(ticketId: number, methodAndRoute: string): number {
    return this.byTicket.get(String(ticketId))?.get(methodAndRoute) ?? 0;
  }

  snapshot(): ApiStatsSnapshot {
    const obj = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m.entries()].sort());
    return {
      total: this.total,
      byRoute: obj(this.byRoute),
      byTicket: Object.fromEntries([...this.byTicket.entries()].map(([id, m]) => [id, obj(m)])),
      byStatus: obj(this.byStatus),
    };
  }

  reset(): void {
    this.total = 0;
    this.byRoute.clear();
    this.byTicket.clear();
    this.byStatus.clear();
  }
}
