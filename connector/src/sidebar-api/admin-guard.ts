/**
 * The gate in front of /api/admin: the caller must carry a session the connector issued from
 * a Zendesk-signed token (admin-session.ts), for the same account as the app's JWT, and
 * Zendesk must say — now, through the API — that this user is an admin. A role claimed by the
 * browser is never read. Answers: 401 without a valid session, 403 for anyone not an admin.
 */
import type { NextFunction, Request, Response } from 'express';
import type { HelpdeskPort } from '../helpdesk/port.js';
import { ADMIN_SESSION_HEADER, verifyAdminSession } from './admin-session.js';
import { callerOf } from './auth.js';
import { SidebarError } from './errors.js';

/** A role change in Zendesk takes effect within this time. */
export const ROLE_CACHE_MS = 60_000;

export interface AdminGuardOptions {
  appSecret: string;
  helpdesk: Pick<HelpdeskPort, 'getUser'>;
  now?: () => number;
}

/** The user's role as Zendesk has it (the helpdesk's getUser), cached for a minute. */
export function roleReader(helpdesk: Pick<HelpdeskPort, 'getUser'>, now: () => number = Date.now) {
  const cache = new Map<string, { role: string; at: number }>();
  return async (userId: string): Promise<string> => {
    const hit = cache.get(userId);
    if (hit && now() - hit.at < ROLE_CACHE_MS) return hit.role;
    const role = String((await helpdesk.getUser(userId)).role);
    cache.set(userId, { role, at: now() });
    return role;
  };
}

export function requireAttestedAdmin(opts: AdminGuardOptions) {
  const roleOf = roleReader(opts.helpdesk, opts.now);
  return (req: Request, res: Response, next: NextFunction): void => {
    (async () => {
      const session = await verifyAdminSession(req.header(ADMIN_SESSION_HEADER), opts.appSecret, opts.now);
      const caller = callerOf(res);
      if (session.account !== caller.account) throw new SidebarError(401, 'ADMIN_SESSION_INVALID', 'The admin session belongs to another Zendesk account.');
      const role = await roleOf(session.userId);
      if (role !== 'admin') throw new SidebarError(403, 'ADMIN_REQUIRED', `Only Zendesk admins can change Baton's settings; Zendesk says user ${session.userId} is ${role === 'end-user' ? 'an end user' : `an ${role}`}.`);
      res.locals.attestedAdminId = session.userId;
    })().then(() => next(), next);
  };
}
