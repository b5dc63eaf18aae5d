/**
 * Who is really at the keyboard, as Zendesk attests it. With `"signed": true` on a location
 * whose URL is the connector, Zendesk loads the page with a POST whose form field `token` is
 * a JWT that Zendesk signs (RS256) with the app's private key, whose public half the Apps
 * API publishes (`baton doctor` compares it with BATON_APP_PUBLIC_KEY). Unlike the app's own HS256 tokens, whose
 * claims the browser chooses, nobody in the browser can make this one.
 *
 * Claims (developer.zendesk.com → Apps → "Authenticating Zendesk in your server-side app",
 * JWT claims): `iss` the account's host ("acme.zendesk.com"), `aud` the installation
 * ("…/apps/installations/{id}.json"), `sub` the user, `exp`/`iat`/`nbf`, `context`
 * {product, location}. A real account's exact `sub` form is unproven here, so the user id is
 * read as the trailing number of `sub` ("1234", "…/users/1234.json", "user:1234" all work),
 * and `iss` may be a bare host or a URL.
 */
import { errors as joseErrors, importSPKI, jwtVerify, type KeyObject } from 'jose';
import { readFileSync } from 'node:fs';
import { SidebarError } from './errors.js';

export interface AttestedUser {
  /** Zendesk subdomain the token was issued for. */
  account: string;
  userId: string;
  /** The installation named by `aud`, when it names one. */
  installationId: string | null;
  location: string | null;
}

export interface ZafTokenOptions {
  publicKey: KeyObject | CryptoKey;
  /** When set, the token's audience must be this installation. */
  installationId?: string;
  now?: () => number;
}

/** BATON_APP_PUBLIC_KEY: the PEM itself (newlines may be written as \n) or a path to a PEM file. */
export async function loadAppPublicKey(value: string): Promise<KeyObject | CryptoKey> {
  const pem = value.includes('-----BEGIN') ? value.replace(/\\n/g, '\n') : readFileSync(value, 'utf8');
  return importSPKI(pem.trim(), 'RS256');
}

export function subdomainOfIssuer(iss: string): string | null {
  const host = iss.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const sub = host.endsWith('.zendesk.com') ? host.slice(0, -'.zendesk.com'.length) : host.includes('.') ? null : host;
  return sub && /^[a-z0-9][a-z0-9-]{0,62}$/.test(sub) ? sub : null;
}

export async function verifyZafSignedToken(token: string | undefined, opts: ZafTokenOptions): Promise<AttestedUser> {
  if (!token) throw new SidebarError(401, 'ADMIN_SESSION_INVALID', 'Zendesk sent no signed token: the nav_bar location must have "signed": true and point at the connector.');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, opts.publicKey, {
      algorithms: ['RS256'],
      requiredClaims: ['iss', 'sub', 'exp'],
      clockTolerance: 60,
      currentDate: opts.now ? new Date(opts.now()) : undefined,
    }));
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new SidebarError(401, 'ADMIN_SESSION_INVALID', 'Zendesk\'s signed token has expired; reload the Baton page.');
    throw new SidebarError(401, 'ADMIN_SESSION_INVALID', "Zendesk's signed token is not valid for this app: BATON_APP_PUBLIC_KEY must be the app's public key (`baton doctor` checks it).");
  }
  const account = subdomainOfIssuer(String(payload.iss));
  const userId = /(\d+)(?:\.json)?$/.exec(String(payload.sub))?.[1];
  if (!account || !userId) throw new SidebarError(401, 'ADMIN_SESSION_INVALID', 'Zendesk\'s signed token names no account or user.');
  const aud = Array.isArray(payload.aud) ? payload.aud.join(' ') : String(payload.aud ?? '');
  const installationId = /installations\/(\d+)/.exec(aud)?.[1] ?? null;
  if (opts.installationId && installationId !== opts.installationId) {
    throw new SidebarError(401, 'ADMIN_SESSION_INVALID', `The signed token was made for another installation of the app, not ${opts.installationId} (BATON_APP_INSTALLATION_ID).`);
  }
  const context = (payload as { context?: { location?: unknown } }).context;
  return { account, userId, installationId, location: typeof context?.location === 'string' ? context.location : null };
}
