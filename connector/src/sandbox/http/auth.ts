/**
 * Zendesk API-token authentication: HTTP Basic with "{email}/token:{api_token}". Anything
 * else gets Zendesk's 401 body.
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { UserRecord } from '../model.js';
import { unauthorized } from '../zendesk-errors.js';

export function basicTokenHeader(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function apiTokenAuth(apiUser: UserRecord, apiToken: string): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Basic\s+(.+)$/i.exec(header);
    const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
    const sep = decoded.indexOf('/token:');
    const email = sep > 0 ? decoded.slice(0, sep) : '';
    const token = sep > 0 ? decoded.slice(sep + '/token:'.length) : '';
    if (email.toLowerCase() !== apiUser.email.toLowerCase() || !sameText(token, apiToken)) {
      next(unauthorized());
      return;
    }
    res.locals.user = apiUser;
    next();
  };
}
