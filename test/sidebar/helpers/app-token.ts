/**
 * JWTs as Zendesk's request proxy makes them for the app (HS256 with the app's shared
 * secret), built with jose independently of the code under test, plus variants that
 * must be refused.
 */
import { SignJWT } from 'jose';

export const APP_SECRET = 'sidebar-test-app-secret-0123456789';

export interface TokenOptions {
  account?: string;
  secret?: string;
  agentId?: string;
  agentName?: string;
  audience?: string | null;
  /** Seconds relative to now. */
  issuedAt?: number | null;
  expiresIn?: number;
}

export async function appToken(o: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ name: o.agentName ?? 'Ada Agent' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(o.account ?? 'acme')
    .setSubject(o.agentId ?? '9001')
    .setExpirationTime(now + (o.expiresIn ?? 3600));
  if (o.audience !== null) jwt.setAudience(o.audience ?? 'baton-sidebar');
  if (o.issuedAt !== null) jwt.setIssuedAt(now + (o.issuedAt ?? 0));
  return jwt.sign(new TextEncoder().encode(o.secret ?? APP_SECRET));
}

export const bearer = async (o?: TokenOptions) => `Bearer ${await appToken(o)}`;
