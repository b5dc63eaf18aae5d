/**
 * CORS for the app's two origins: the Zendesk agent interface (`https://<sub>.zendesk.com`)
 * and the app's own assets origin (`https://<app>.apps.zdusercontent.com`), where the
 * iframe runs; plus `zcli apps:server` on localhost for development. Requests made through
 * Zendesk's proxy (`secure: true`) need none of this; a browser calling directly does,
 * preflight included (Authorization and JSON bodies always trigger one). PUT is for the
 * admin routes mounted behind the same guard (PUT /api/admin/rollout).
 */
import type { NextFunction, Request, Response } from 'express';

const ALLOWED_ORIGINS: RegExp[] = [
  /^https:\/\/[a-z0-9][a-z0-9-]*\.zendesk\.com$/,
  /^https:\/\/[a-z0-9][a-z0-9-]*\.apps\.zdusercontent\.com$/,
  /^http:\/\/(localhost|127\.0\.0\.1):4567$/, // zcli apps:server
];

export function isAllowedOrigin(origin: string, extra: readonly string[] = []): boolean {
  return extra.includes(origin) || ALLOWED_ORIGINS.some((re) => re.test(origin));
}

export function sidebarCors(extraOrigins: readonly string[] = []) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.header('origin');
    res.vary('Origin');
    if (origin && isAllowedOrigin(origin, extraOrigins)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Baton-Admin-Session');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') return void res.status(origin && isAllowedOrigin(origin, extraOrigins) ? 204 : 403).end();
    next();
  };
}
