/**
 * Open the connector's nav_bar page as Zendesk does for a user (a form POST with the token
 * the sandbox signs with the app's key) and read the admin session the page carries.
 * The connector must run with BATON_APP_PUBLIC_KEY set to the sandbox's key.
 */
import type { Sandbox } from '../../connector/src/sandbox/index.js';
import { ADMIN_SESSION_META } from '../../connector/src/sidebar-api/nav-bar-page.js';

export async function openNavBarAs(connectorUrl: string, sandbox: Sandbox, userId: number): Promise<{ status: number; session: string | null }> {
  const res = await fetch(`${connectorUrl}/app/nav_bar?origin=https%3A%2F%2F${sandbox.subdomain}.zendesk.com&app_guid=test`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: await sandbox.signAppToken({ userId }) }).toString(),
  });
  const html = await res.text();
  return { status: res.status, session: new RegExp(`<meta name="${ADMIN_SESSION_META}" content="([^"]+)">`).exec(html)?.[1] ?? null };
}
