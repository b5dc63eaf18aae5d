/**
 * After Zendesk attests who opened the Baton page, the connector hands that page a session
 * token of its own (HS256, one hour), so later admin calls can name the attested user without
 * Zendesk's short-lived token. Its key is derived from the app's shared secret, which never
 * reaches the browser, so the browser can carry the session but cannot make or change one.
 * The session says who the user is, never what role they have: every admin call asks Zendesk.
 */
import crypto from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { SidebarError } from './errors.js';

export const ADMIN_SESSION_HEADER = 'x-baton-admin-session';
export const ADMIN_SESSION_AUDIENCE = 'baton-admin';
export const ADMIN_SESSION_SECONDS = 3600;

export interface AdminSession {
  account: string;
  userId: string;
}

function sessionKey(appSecret: string): Uint8Array {
  return new Uint8Array(crypto.hkdfSync('sha256', appSecret, 'baton', 'baton-admin-session-v1', 32));
}

export async function issueAdminSession(appSecret: string, who: AdminSession, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(who.account)
    .setSubject(who.userId)
    .setAudience(ADMIN_SESSION_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ADMIN_SESSION_SECONDS)
    .sign(sessionKey(appSecret));
}

export async function verifyAdminSession(token: string | undefined, appSecret: string, now?: () => number): Promise<AdminSession> {
  if (!token) throw new SidebarError(401, 'ADMIN_SESSION_INVALID', 'Admin actions need the Baton page opened from Zendesk\'s nav bar (a Zendesk-signed session); this request has none.');
  try {
    const { payload } = await jwtVerify(token, sessionKey(appSecret), {
      algorithms: ['HS256'],
      audience: ADMIN_SESSION_AUDIENCE,
      requiredClaims: ['iss', 'sub', 'exp'],
      currentDate: now ? new Date(now()) : undefined,
    });
    return { account: String(payload.iss), userId: String(payload.sub) };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new SidebarError(401, 'ADMIN_SESSION_INVALID', 'The admin session has expired; reload the Baton page.');
    throw new SidebarError(401, 'ADMIN_SESSION_INVALID', 'The admin session is not valid; reload the Baton page from Zendesk\'s nav bar.');
  }
}
