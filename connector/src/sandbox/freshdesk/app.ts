/**
 * The sandbox's Freshdesk face: the same in-memory helpdesk, spoken as Freshdesk's API v2.
 * API requests pass, in order: request statistics, the per-minute limits, injected faults,
 * API-key auth, content negotiation, JSON parsing, then the routes, whose bodies are checked
 * against the strict contract (contract.ts). Errors are answered in Freshdesk's shapes.
 */
import { timingSafeEqual } from 'node:crypto';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { SandboxServices } from '../http/context.js';
import { sandboxControlRoutes } from '../http/routes/sandbox-control.js';
import { asFreshdeskError, fdUnauthorized, fdValidation, FreshdeskApiError } from './errors.js';
import type { FreshdeskFaceState } from './face-state.js';
import type { FreshdeskRateLimiter } from './rate-limiter.js';
import { freshdeskAutomationRoutes } from './routes-automations.js';
import { freshdeskDirectoryRoutes } from './routes-directory.js';
import { freshdeskSurveyRoutes } from './routes-surveys.js';
import { freshdeskTicketRoutes } from './routes-tickets.js';

const isApi = (path: string): boolean => path.startsWith('/api/');
const apiOnly =
  (handler: RequestHandler): RequestHandler =>
  (req, res, next) =>
    isApi(req.path) ? handler(req, res, next) : next();

/** `Authorization: Basic base64("<api key>:<anything>")` (FACTS.md §1). */
function apiKeyAuth(s: SandboxServices, apiKey: string): RequestHandler {
  return (req, res, next) => {
    const m = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const decoded = m?.[1] ? Buffer.from(m[1], 'base64').toString('utf8') : '';
    const key = Buffer.from(decoded.slice(0, Math.max(0, decoded.indexOf(':'))));
    const want = Buffer.from(apiKey);
    if (key.length !== want.length || !timingSafeEqual(key, want)) {
      next(fdUnauthorized());
      return;
    }
    res.locals.user = s.apiUser;
    next();
  };
}

/** Accept other than application/json or * / * → 406; a body that is not JSON → 415 (FACTS.md §1). */
const contentNegotiation: RequestHandler = (req, _res, next) => {
  const accept = req.headers.accept;
  if (accept && !/application\/json|\*\/\*/.test(accept)) {
    next(new FreshdeskApiError(406, { code: 'not_acceptable', message: 'Only application/json and */* are accepted' }));
    return;
  }
  if (['POST', 'PUT'].includes(req.method) && req.headers['content-length'] !== '0' && req.headers['content-type'] && !/application\/json/.test(req.headers['content-type'])) {
    next(new FreshdeskApiError(415, { code: 'invalid_content_type', message: 'Content-Type header should have application/json' }));
    return;
  }
  next();
};

export function createFreshdeskApp(s: SandboxServices, face: FreshdeskFaceState, limiter: FreshdeskRateLimiter): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(apiOnly((_req, res, next) => (res.setHeader('X-Freshdesk-Api-Version', 'latest=v2; requested=v2'), next())));
  app.use(apiOnly(s.stats.middleware()));
  app.use(apiOnly(limiter.middleware()));
  app.use(apiOnly(s.faults.middleware()));
  app.use(apiOnly(apiKeyAuth(s, face.apiKey)));
  app.use(apiOnly(contentNegotiation));
  app.use(express.json({ limit: '2mb' }));

  app.use(sandboxControlRoutes(s));
  app.use(freshdeskTicketRoutes(s, face));
  app.use(freshdeskDirectoryRoutes(s, face));
  app.use(freshdeskAutomationRoutes(s, face));
  app.use(freshdeskSurveyRoutes(s));

  app.use((req, _res, next) => next(new FreshdeskApiError(404, { code: 'not_found', message: `No route for ${req.method} ${req.path}` })));
  app.use(errorHandler(s.log));
  return app;
}

function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let e = asFreshdeskError(err);
    if (!e && (err as { type?: string }).type === 'entity.parse.failed') e = fdValidation([{ field: 'request', message: 'Invalid JSON body', code: 'invalid_json' }]);
    if (!e) {
      log(`sandbox (freshdesk): ${req.method} ${req.path} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      e = new FreshdeskApiError(500, { code: 'internal_error', message: err instanceof Error ? err.message : 'Internal error' });
    }
    res.status(e.status).set(e.headers).json(e.body);
  };
}
