/**
 * Zendesk's request proxy, as the app relies on it: `{{setting.x}}` placeholders (secure
 * ones included) are filled in on the server, a `jwt` option becomes an HS256 token signed
 * with the (secure) secret and put where `{{jwt.token}}` stands, and the request goes out
 * from the server, so the browser never holds the secret. Failures to connect come back
 * as status 0, as the agent's browser would see them.
 */
import { SignJWT } from 'jose';

export interface ProxyOptions {
  url: string;
  type?: string;
  data?: string;
  contentType?: string;
  headers?: Record<string, string>;
  timeout?: number;
  jwt?: { algorithm: string; secret_key: string; expiry?: number; claims?: Record<string, string | number> };
}

export interface ProxyResult {
  status: number;
  statusText: string;
  responseText: string;
}

const fill = (s: string, settings: Record<string, string>) => s.replace(/\{\{setting\.(\w+)\}\}/g, (_, name: string) => settings[name] ?? '');

export async function proxyRequest(o: ProxyOptions, settings: Record<string, string>): Promise<ProxyResult> {
  let token = '';
  if (o.jwt) {
    if (o.jwt.algorithm !== 'HS256') return { status: 400, statusText: 'Bad Request', responseText: 'unsupported jwt algorithm' };
    const now = Math.floor(Date.now() / 1000);
    const claims = Object.fromEntries(Object.entries(o.jwt.claims ?? {}).map(([k, v]) => [k, typeof v === 'string' ? fill(v, settings) : v]));
    token = await new SignJWT({ iat: now, ...claims, exp: now + (o.jwt.expiry ?? 3600) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(fill(o.jwt.secret_key, settings)));
  }
  const expand = (s: string) => fill(s, settings).replace(/\{\{jwt\.token\}\}/g, token);
  const headers: Record<string, string> = Object.fromEntries(Object.entries(o.headers ?? {}).map(([k, v]) => [k, expand(v)]));
  if (o.data !== undefined) headers['Content-Type'] = o.contentType ?? 'application/json';
  try {
    const res = await fetch(expand(o.url), {
      method: o.type ?? 'GET',
      headers,
      body: o.data === undefined ? undefined : expand(o.data),
      signal: AbortSignal.timeout(o.timeout ?? 10_000),
    });
    return { status: res.status, statusText: res.statusText, responseText: await res.text() };
  } catch (err) {
    return { status: 0, statusText: (err as Error).message, responseText: '' };
  }
}
