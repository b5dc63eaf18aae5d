/**
 * Who is asking: every sidebar request carries `Authorization: Bearer <JWT>`, made by
 * Zendesk's request proxy from the app's secure setting (ZAF `client.request({ secure:
 * true, jwt: { algorithm: 'HS256', secret_key: '{{setting.shared_secret}}', ... } })`).
 * We check the signature, the algorithm, expiry, issue time and age; the `iss` claim names
 * the Zendesk account (subdomain) and selects the tenant, so a token made for one account
 * can only ever read that account's tickets.
 */
import type { NextFunction, Request, Response } from 'express';
import { errors as joseErrors, jwtVerify } from 'jose';
import { SidebarError } from './errors.js';

/** Tokens the app asks for live one hour (ZAF `expiry: 3600`); allow a minute of clock skew. */
export const MAX_TOKEN_AGE_SECONDS = 3600;
export const CLOCK_TOLERANCE_SECONDS = 60;
/** The audience the app writes into every token, so tokens for other services don't work here. */
export const SIDEBAR_AUDIENCE = 'baton-sidebar';

export interface SidebarCaller {
  /** Zendesk subdomain, from the `iss` claim. */
  account: string;
  tenantId: string;
  /** The agent using the app (`sub`, `name` claims), for notes and flags. */
  agentId: string | null;
  agentName: string | null;
}

export interface AuthOptions {
  appSecret: string;
  tenantIdForAccount(account: string): string;
  now?: () => number;
}

export async function verifySidebarToken(authorization: string | undefined, opts: AuthOptions): Promise<SidebarCaller> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new SidebarError(401, 'AUTH_INVALID', 'Missing bearer token: the app must send Authorization: Bearer {{jwt.token}} signed with the shared secret.');
  const key = new TextEncoder().encode(opts.appSecret);
  const currentDate = opts.now ? new Date(opts.now()) : undefined;
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      audience: SIDEBAR_AUDIENCE,
      requiredClaims: ['iss', 'exp', 'iat'],
      maxTokenAge: MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate,
    }));
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new SidebarError(401, 'AUTH_EXPIRED', 'The token has expired; reload the app to get a new one.');
    if (err instanceof joseErrors.JWTClaimValidationFailed) throw new SidebarError(401, 'AUTH_INVALID', `Token rejected: ${err.message}.`);
    throw new SidebarError(401, 'AUTH_INVALID', 'Token signature is not valid: the app\'s shared secret must equal BATON_APP_SHARED_SECRET.');
  }
  // A token that claims to live longer than the app ever asks for was not made by the app.
  const nowSeconds = Math.floor((opts.now?.() ?? Date.now()) / 1000);
  if (payload.exp! - nowSeconds > MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS) {
    throw new SidebarError(401, 'AUTH_INVALID', `Token rejected: it expires more than ${MAX_TOKEN_AGE_SECONDS} seconds from now.`);
  }
  const account = typeof payload.iss === 'string' ? payload.iss.trim().toLowerCase() : '';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(account)) throw new SidebarError(401, 'AUTH_INVALID', 'Token rejected: the iss claim must be the Zendesk subdomain.');
  const name = (payload as { name?: unknown }).name;
  return {
    account,
    tenantId: opts.tenantIdForAccount(account),
    agentId: typeof payload.sub === 'string' && payload.sub ? payload.sub : null,
    agentName: typeof name === 'string' && name ? name.slice(0, 200) : null,
  };
}

/** Verifies the token and keeps the caller in `res.locals` for the route handlers. */
export function requireSidebarAuth(opts: AuthOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    verifySidebarToken(req.header('authorization'), opts).then(
      (caller) => {
        res.locals.sidebarCaller = caller;
        next();
      },
      next,
    );
  };
}

export function callerOf(res: Response): SidebarCaller {
  const caller = res.locals.sidebarCaller as SidebarCaller | undefined;
  if (!caller) throw new SidebarError(401, 'AUTH_INVALID', 'Not authenticated.');
  return caller;
}
