/**
 * The Baton page in Zendesk's nav bar, served by the connector so that Zendesk can attest
 * who opened it. The manifest points the nav_bar location at
 * `{{setting.connector_url}}/app/nav_bar` with `"signed": true`: Zendesk then loads it with a
 * POST carrying its signed token. The connector verifies the token, and answers the app's
 * built page (assets/iframe.html) with an admin session in a meta tag, which the app sends
 * with its admin calls. The app's script and styles are served beside it from assets/.
 *
 *   POST /app/nav_bar   form field `token` (Zendesk's RS256 JWT) → the page with a session
 *   GET  /app/nav_bar   the page without a session (analytics read, admin actions refused)
 *   GET  /app/*         the built app's files
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { appPackageDir } from '../config/app-package.js';
import type { Logger } from '../logger.js';
import { issueAdminSession } from './admin-session.js';
import { SidebarError } from './errors.js';
import { verifyZafSignedToken, type ZafTokenOptions } from './zaf-signed-token.js';

export const ADMIN_SESSION_META = 'baton-admin-session';

export interface NavBarPageDeps {
  appSecret: string;
  /** Zendesk's signing key of the app; without it the page is served without a session. */
  zaf?: ZafTokenOptions;
  /** Throws for an account this connector does not serve. */
  tenantIdForAccount(account: string): string;
  /** Folder of the built app (default: the package's assets/). */
  assetsDir?: string;
  log: Logger;
  now?: () => number;
}

/** The app package's assets/ folder. */
export const defaultAssetsDir = (): string => path.join(appPackageDir(), 'assets');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderNavBarPage(assetsDir: string, session: string | null, notice: string | null): string {
  const meta = session ? `<meta name="${ADMIN_SESSION_META}" content="${escapeHtml(session)}">` : '';
  const note = notice ? `<!-- ${escapeHtml(notice).replace(/--/g, '- -')} -->` : '';
  const built = path.join(assetsDir, 'iframe.html');
  if (fs.existsSync(built)) return fs.readFileSync(built, 'utf8').replace(/<head>/i, `<head>${meta}${note}`);
  return `<!doctype html><html><head><meta charset="utf-8">${meta}${note}<title>Baton</title></head><body><p style="font-family:system-ui;padding:16px">The Baton app is not built on this connector: run <code>npm run build -w sidebar-app</code>.</p></body></html>`;
}

export function navBarPageRouter(deps: NavBarPageDeps): Router {
  const assetsDir = deps.assetsDir ?? defaultAssetsDir();
  const router = express.Router();
  const page = (res: Response, status: number, session: string | null, notice: string | null) => {
    res.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(renderNavBarPage(assetsDir, session, notice));
  };

  router.post('/app/nav_bar', express.urlencoded({ extended: false, limit: '16kb' }), async (req: Request, res: Response) => {
    if (!deps.zaf) return page(res, 200, null, 'BATON_APP_PUBLIC_KEY is not set: admin actions are off.');
    try {
      // Zendesk posts the token as the form field `token`; read the query string too, in case
      // an account's loader passes it there (unproven either way without a real account).
      const fromBody = (req.body as { token?: unknown } | undefined)?.token;
      const fromQuery = req.query.token;
      const token = typeof fromBody === 'string' ? fromBody : typeof fromQuery === 'string' ? fromQuery : undefined;
      const who = await verifyZafSignedToken(token, deps.zaf);
      deps.tenantIdForAccount(who.account);
      page(res, 200, await issueAdminSession(deps.appSecret, who, deps.now?.()), null);
    } catch (err) {
      if (!(err instanceof SidebarError)) throw err;
      deps.log.warn({ code: err.code }, err.message);
      page(res, err.status, null, err.message);
    }
  });
  router.get('/app/nav_bar', (_req, res) => page(res, 200, null, 'Opened without Zendesk\'s signed token: admin actions are off on this page.'));
  router.use('/app', express.static(assetsDir, { index: false, fallthrough: true }));
  return router;
}
