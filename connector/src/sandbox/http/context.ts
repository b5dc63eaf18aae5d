/**
 * What the route handlers share: the store, the domain services, the sandbox's own URL (known
 * only once it listens) and small request helpers.
 */
import type { Request } from 'express';
import type { SandboxApps } from '../apps/installation.js';
import type { UserRecord } from '../model.js';
import type { SerializeContext } from '../serializers.js';
import type { SandboxState } from '../state.js';
import type { TicketService } from '../ticket-service.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { forbidden, notFound } from '../zendesk-errors.js';
import type { ApiStats } from './request-stats.js';
import type { FaultInjector } from './faults.js';
import type { RateLimiter } from './rate-limiter.js';

export interface SandboxServices {
  state: SandboxState;
  tickets: TicketService;
  dispatcher: WebhookDispatcher;
  stats: ApiStats;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  apiUser: UserRecord;
  /** The Baton app's installation and Zendesk's signing key for it. */
  apps: SandboxApps;
  /** e.g. http://127.0.0.1:41234 — set once the server listens. */
  baseUrl: string;
  /** The incremental export provides nothing changed within this many ms (Zendesk: a minute). */
  exportLagMs: number;
  log: (msg: string) => void;
}

export function serializeContext(s: SandboxServices): SerializeContext {
  return { baseUrl: s.baseUrl, state: s.state };
}

/** A numeric path parameter; anything else is a 404, as Zendesk answers for a bad id. */
export function idParam(req: Request, name: string): number {
  const raw = req.params[name];
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw notFound();
  return Number(raw);
}

/** A single query-string value (the sandbox uses the "simple" query parser: keys are literal). */
export function queryValue(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}

/** The authenticated user, set by the auth middleware. */
export function currentUser(res: { locals: Record<string, unknown> }): UserRecord {
  return res.locals.user as UserRecord;
}

/** Endpoints Zendesk documents as "Allowed For: Admins" answer 403 to an agent's token. */
export function requireAdmin(res: { locals: Record<string, unknown> }): void {
  if (currentUser(res).role !== 'admin') throw forbidden();
}
