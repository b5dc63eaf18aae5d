/**
 * The sandbox's Express app. API requests pass, in order: request statistics, the rate limit,
 * injected faults, API-token auth, JSON parsing, the strict request contract, then the
 * routes — the order in which a real Zendesk would refuse them (a rate-limited request never
 * gets as far as authentication). Sandbox-only and Help Center page routes skip all of that.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { ZendeskContract } from '../contract/validator.js';
import { badRequest, invalidEndpoint, ZendeskApiError } from '../zendesk-errors.js';
import { apiTokenAuth } from './auth.js';
import type { SandboxServices } from './context.js';
import { contractGuard } from './contract-guard.js';
import { appRoutes } from './routes/apps.js';
import { automationRoutes } from './routes/automation.js';
import { helpCenterApiRoutes, helpCenterPageRoutes } from './routes/help-center.js';
import { peopleRoutes } from './routes/people.js';
import { sandboxControlRoutes } from './routes/sandbox-control.js';
import { searchRoutes } from './routes/search.js';
import { ticketRoutes } from './routes/tickets.js';

export interface AppOptions {
  apiToken: string;
  /** When set, request bodies are checked against Zendesk's spec (strictContract). */
  contract?: ZendeskContract;
}

const isApi = (path: string): boolean => path.startsWith('/api/');

/** Applies `handler` to /api/* requests only. */
function apiOnly(handler: RequestHandler): RequestHandler {
  return (req, res, next) => (isApi(req.path) ? handler(req, res, next) : next());
}

export function createSandboxApp(s: SandboxServices, opts: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Literal query keys: Zendesk's cursor parameters are named "page[size]" and "page[after]".
  app.set('query parser', 'simple');

  // Zendesk accepts /api/v2/tickets/1.json and /api/v2/tickets/1 alike.
  app.use((req, _res, next) => {
    req.url = req.url.replace(/\.json(?=\?|$)/, '');
    next();
  });
  app.use(apiOnly(s.stats.middleware()));
  app.use(apiOnly(s.rateLimiter.middleware()));
  app.use(apiOnly(s.faults.middleware()));
  app.use(apiOnly(apiTokenAuth(s.apiUser, opts.apiToken)));
  app.use(express.json({ limit: '2mb' }));
  if (opts.contract) app.use(apiOnly(contractGuard(opts.contract)));

  app.use(helpCenterPageRoutes(s));
  app.use(sandboxControlRoutes(s));
  app.use(ticketRoutes(s));
  app.use(peopleRoutes(s));
  app.use(searchRoutes(s));
  app.use(helpCenterApiRoutes(s));
  app.use(automationRoutes(s));
  app.use(appRoutes(s));

  app.use((req, _res, next) => next(invalidEndpoint(req.method, req.path)));
  app.use(errorHandler(s.log));
  return app;
}

function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let apiError: ZendeskApiError;
    if (err instanceof ZendeskApiError) apiError = err;
    else if ((err as { type?: string }).type === 'entity.parse.failed') apiError = badRequest(`Malformed JSON body: ${(err as Error).message}`);
    else if ((err as { type?: string }).type === 'entity.too.large') apiError = new ZendeskApiError(413, { error: 'RequestTooLarge', description: 'Request body too large' });
    else {
      log(`sandbox: ${req.method} ${req.path} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      apiError = new ZendeskApiError(500, { error: 'InternalError', description: err instanceof Error ? err.message : 'Internal error' });
    }
    res.status(apiError.status).set(apiError.headers).json(apiError.body);
  };
}
