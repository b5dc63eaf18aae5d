/**
 * Errors of the sidebar API, answered in the connector's one shape
 * `{ error: { code, message } }` (see connector/src/errors.ts), so the app shows the
 * message as it comes and branches on the code.
 */
import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import { isBatonError } from '../errors.js';
import type { Logger } from '../logger.js';

import type { SidebarErrorCode } from './types.js';

export type { SidebarErrorCode };

export class SidebarError extends Error {
  constructor(
    readonly status: number,
    readonly code: SidebarErrorCode,
    message: string,
    /** Values the app puts into its translation of `code` (e.g. why a return was refused). */
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'SidebarError';
  }
}

export const notFound = (what: string) => new SidebarError(404, 'NOT_FOUND', what);

/** zod issues as one sentence a developer can act on: "kind: Invalid option ...; comment: Too big ...". */
export function describeZodError(err: ZodError): string {
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`).join('; ');
}

export function sidebarErrorHandler(log: Logger) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    if (err instanceof SidebarError) return void res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) } });
    if (err instanceof ZodError) return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: describeZodError(err) } });
    const parserError = err as { type?: string; status?: number };
    if (parserError?.type === 'entity.too.large') return void res.status(413).json({ error: { code: 'BAD_REQUEST', message: 'Request body is too large.' } });
    if (parserError?.type === 'entity.parse.failed') return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'Request body is not valid JSON.' } });
    // A malformed %-escape in the path ("/tickets/%ZZ"): the router cannot decode it.
    if (err instanceof URIError || (parserError?.status !== undefined && parserError.status >= 400 && parserError.status < 500)) {
      return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'The request path or body could not be read.' } });
    }
    if (isBatonError(err) && err.code.startsWith('HELPDESK_')) {
      log.warn({ code: err.code }, err.message);
      return void res.status(502).json({ error: { code: 'HELPDESK_FAILED', message: `The helpdesk did not accept the change: ${err.message}` } });
    }
    log.error({ err: err instanceof Error ? err.message : String(err) }, 'sidebar API failed');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'The connector failed to answer; see its logs.' } });
  };
}
