/**
 * The API behind the Zendesk app: the ticket sidebar (what Baton did, return to
 * automation, flag a mistake) and the analytics page. Every route needs the app's JWT
 * (see auth.ts) and reads only the caller's tenant.
 *
 *   GET  /api/sidebar/tickets/:id          state, decision, timeline, customer context
 *   POST /api/sidebar/tickets/:id/return   give a handed-off ticket back to Baton
 *   POST /api/sidebar/tickets/:id/flags    record a mistake for review
 *   GET  /api/analytics/summary?from&to    the admin metrics (durable automation, handoffs, CSAT
 *                                          by path, response and resolution times), by intent/team/week
 *   GET  /api/analytics/flags              flags awaiting review
 *   GET  /api/analytics/dead-letters       jobs that used up their attempts
 *   POST /api/admin/dead-letters/:id/retry  give one of them another set of attempts (admins only)
 *   /api/admin/...                         the admin loop's routes (rollout, shadow report, ...), when
 *                                          the connector passes `admin` (see admin/http/admin-routes.ts),
 *                                          behind `adminGuard` too: a Zendesk-attested admin (admin-guard.ts)
 */
import express, { type RequestHandler, type Router } from 'express';
import { ReturnRefused, returnToAutomation } from '../handoff/return-to-automation.js';
import type { HelpdeskPort } from '../helpdesk/port.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/db.js';
import { deadLetters, retryDeadLetter } from './analytics.js';
import { analyticsSummary } from './analytics-summary.js';
import { callerOf, requireSidebarAuth } from './auth.js';
import { sidebarCors } from './cors.js';
import { SidebarError, sidebarErrorHandler } from './errors.js';
import { createFlag, listFlags } from './flags.js';
import { flagBody, jobIdParam, returnBody, summaryQuery, ticketIdParam } from './schemas.js';
import { buildTicketView } from './ticket-view.js';
import { DEFAULT_TAGS, type TicketTags } from '../ticket-tags.js';

export interface SidebarDeps {
  store: Store;
  helpdesk: HelpdeskPort;
  /** Tag names under the policy's prefix (default `baton_`). */
  tags?: TicketTags;
  /** The app's shared secret (BATON_APP_SHARED_SECRET), the HS256 key of the app's JWTs. */
  appSecret: string;
  log: Logger;
  /** The tenant of a Zendesk subdomain, e.g. 'acme' → 'zendesk:acme'. */
  tenantIdForAccount(account: string): string;
  /** Origins allowed besides Zendesk's own and zcli's (e.g. a staging host). */
  extraOrigins?: string[];
  now?: () => number;
  /** Admin routes (rollout, calibration, ...) mounted at /api/admin behind the same auth. */
  admin?: (r: Router) => void;
  /** Checked after the app's JWT and before every admin route: who may change settings. */
  adminGuard?: RequestHandler;
}

export function sidebarRouter(deps: SidebarDeps): Router {
  if (!deps.appSecret || deps.appSecret.length < 16) {
    throw new Error('The sidebar API needs the app shared secret (BATON_APP_SHARED_SECRET), at least 16 characters.');
  }
  // Each prefix gets its own guarded router, so the connector's other routes never see
  // this CORS policy, this auth or this 404.
  const guarded = (routes: (r: Router) => void): Router => {
    const r = express.Router();
    r.use(sidebarCors(deps.extraOrigins));
    r.use(requireSidebarAuth({ appSecret: deps.appSecret, tenantIdForAccount: deps.tenantIdForAccount, now: deps.now }));
    r.use(express.json({ limit: '16kb' }));
    routes(r);
    r.use((_req, res) => void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such sidebar API route.' } }));
    r.use(sidebarErrorHandler(deps.log));
    return r;
  };

  const sidebar = guarded((r) => {
    r.get('/tickets/:id', async (req, res) => {
      const id = ticketIdParam.parse(req.params.id);
      res.json(await buildTicketView(deps, callerOf(res).tenantId, id));
    });
    r.post('/tickets/:id/return', async (req, res) => {
      const id = ticketIdParam.parse(req.params.id);
      const body = returnBody.parse(req.body ?? {});
      try {
        res.json(await returnToAutomation({ ...deps, tags: deps.tags ?? DEFAULT_TAGS }, callerOf(res), id, body.note));
      } catch (err) {
        if (!(err instanceof ReturnRefused)) throw err;
        // The code of why not goes along, for the app to say it in the agent's language.
        throw err.reason === 'unknown_ticket' ? new SidebarError(404, 'NOT_FOUND', err.message) : new SidebarError(409, 'NOT_HANDED_OFF', err.message, err.code ? { reason: err.code } : undefined);
      }
    });
    r.post('/tickets/:id/flags', async (req, res) => {
      const id = ticketIdParam.parse(req.params.id);
      const body = flagBody.parse(req.body ?? {});
      res.status(201).json({ flag: await createFlag(deps.store, callerOf(res), id, body, deps.now?.()) });
    });
  });

  const analytics = guarded((r) => {
    r.get('/summary', async (req, res) => {
      const range = summaryQuery.parse(req.query);
      res.json(await analyticsSummary(deps.store, callerOf(res).tenantId, range, deps.now?.() ?? Date.now()));
    });
    r.get('/flags', async (_req, res) => {
      res.json({ flags: await listFlags(deps.store, callerOf(res).tenantId) });
    });
    r.get('/dead-letters', async (_req, res) => {
      res.json({ deadLetters: await deadLetters(deps.store, callerOf(res).tenantId) });
    });
  });

  const router = express.Router();
  router.use('/api/sidebar', sidebar);
  router.use('/api/analytics', analytics);
  const admin = deps.admin;
  if (admin) {
    router.use(
      '/api/admin',
      guarded((r) => {
        if (deps.adminGuard) r.use(deps.adminGuard);
        // Retrying a dead letter acts on the account, so it rests on the attested admin too.
        r.post('/dead-letters/:id/retry', async (req, res) => {
          const id = jobIdParam.parse(req.params.id);
          res.json(await retryDeadLetter(deps.store, callerOf(res).tenantId, id));
        });
        admin(r);
      }),
    );
  }
  return router;
}
