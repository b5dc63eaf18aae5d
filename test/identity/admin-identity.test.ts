/**
 * Admin actions rest on an identity Zendesk attests. The sandbox holds the app's key pair and
 * signs the nav_bar page's token as Zendesk does; the connector verifies it with the app's
 * public key, asks Zendesk for the user's role, and refuses everyone but admins — whatever
 * the app's own JWT (whose claims the browser chooses) says.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_AGENTS, SANDBOX_API_USER } from '../../connector/src/sandbox/index.js';
import { ADMIN_SESSION_META } from '../../connector/src/sidebar-api/nav-bar-page.js';
import { DEFAULT_POLICY_PATH, loadPolicy } from '../../connector/src/triage/index.js';
import { startStack, type Stack } from '../helpers/stack.js';

const APP_SECRET = 'stack-app-secret-0123456789abcdef';
const AGENT = SANDBOX_AGENTS.priya.id;
const ADMIN = SANDBOX_API_USER.id;

/** The app's own JWT, as Zendesk's proxy makes it; `sub` is whatever the browser put there. */
async function appJwt(claimedUserId: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: 'Whoever' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('baton-sandbox')
    .setAudience('baton-sidebar')
    .setSubject(String(claimedUserId))
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(APP_SECRET));
}

describe('admin actions on a Zendesk-attested identity', () => {
  let stack: Stack;
  let policyPath: string;

  beforeAll(async () => {
    policyPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-identity-')), 'policy.yaml');
    copyFileSync(DEFAULT_POLICY_PATH, policyPath);
    stack = await startStack({ env: (sandbox) => ({ BATON_APP_PUBLIC_KEY: sandbox.appPublicKeyPem(), BATON_POLICY_PATH: policyPath }) });
    stack.sandbox.installApp({ connector_url: stack.url, shared_secret: APP_SECRET });
  });
  afterAll(async () => stack?.close());

  /** Zendesk opens the signed nav_bar location: a form POST with its token. */
  async function openNavBar(token: string): Promise<{ status: number; session: string | null }> {
    const res = await fetch(`${stack.url}/app/nav_bar?origin=https%3A%2F%2Fbaton-sandbox.zendesk.com&app_guid=abc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    const html = await res.text();
    return { status: res.status, session: new RegExp(`<meta name="${ADMIN_SESSION_META}" content="([^"]+)">`).exec(html)?.[1] ?? null };
  }

  const setRollout = async (session: string | null, claimedUserId: number, mode: 'live' | 'shadow') =>
    fetch(`${stack.url}/api/admin/rollout`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${await appJwt(claimedUserId)}`, 'Content-Type': 'application/json', ...(session ? { 'X-Baton-Admin-Session': session } : {}) },
      body: JSON.stringify({ target: { kind: 'intent', intent: 'refund_request' }, mode }),
    });
  const refundMode = () => loadPolicy(policyPath).rollout.intents.refund_request;

  it("refuses an agent's attempt to set a rollout to live with 403, even when the app JWT claims an admin's id", async () => {
    const before = refundMode();
    const { status, session } = await openNavBar(await stack.sandbox.signAppToken({ userId: AGENT }));
    expect(status).toBe(200);
    expect(session).toBeTruthy();
    const res = await setRollout(session, ADMIN, 'live');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ADMIN_REQUIRED');
    expect(refundMode()).toBe(before);
  });

  it("lets an admin set a rollout to live, and the policy file changes", async () => {
    const { session } = await openNavBar(await stack.sandbox.signAppToken({ userId: ADMIN }));
    const res = await setRollout(session, ADMIN, 'live');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { changed: boolean }).changed).toBe(true);
    expect(refundMode()).toBe('live');
  });

  it('refuses admin routes to a caller with only the app JWT (its claims are the browser’s)', async () => {
    const res = await setRollout(null, ADMIN, 'shadow');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ADMIN_SESSION_INVALID');
    expect(refundMode()).toBe('live');
  });

  it('gives no session for a token Zendesk did not sign (another key), nor for an expired one', async () => {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ context: { product: 'support', location: 'nav_bar' } })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer('baton-sandbox.zendesk.com')
      .setSubject(`https://baton-sandbox.zendesk.com/api/v2/users/${ADMIN}.json`)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(privateKey);
    expect(await openNavBar(forged)).toEqual({ status: 401, session: null });
    expect(await openNavBar(await stack.sandbox.signAppToken({ userId: ADMIN, expiresInSeconds: -120 }))).toEqual({ status: 401, session: null });
  });

  it('refuses a session whose signature was tampered with', async () => {
    const { session } = await openNavBar(await stack.sandbox.signAppToken({ userId: AGENT }));
    const [h, p, sig] = session!.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: String(ADMIN) })).toString('base64url')}.${sig}`;
    const res = await setRollout(tampered, ADMIN, 'shadow');
    expect(res.status).toBe(401);
    expect(refundMode()).toBe('live');
  });

  it('keeps the sidebar’s per-ticket calls on the app JWT alone', async () => {
    const res = await fetch(`${stack.url}/api/sidebar/tickets/999999`, { headers: { Authorization: `Bearer ${await appJwt(AGENT)}` } });
    expect(res.status).toBe(404);
    expect(readFileSync(policyPath, 'utf8')).toContain('refund_request');
  });
});
