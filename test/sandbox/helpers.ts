/**
 * Test helpers for the sandbox: a plain fetch-based API caller (real HTTP, the sandbox's
 * credentials) and a real HTTP receiver standing in for the connector's webhook endpoint.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../../connector/src/sandbox/index.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function callApi<T = any>(
  sandbox: Pick<Sandbox, 'url' | 'authorization'>,
  method: string,
  path: string,
  body?: unknown,
  opts: { authorization?: string | null } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const auth = opts.authorization === undefined ? sandbox.authorization : opts.authorization;
  if (auth !== null) headers.Authorization = auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(sandbox.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as received (what a signature covers). */
  rawBody: string;
}

export interface Receiver {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A webhook endpoint on 127.0.0.1. `statusFor(n)` chooses the status of the n-th request
 * (0-based), e.g. to fail the first attempts and accept a retry.
 */
export async function startReceiver(statusFor: (n: number) => number = () => 200): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = received.length;
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statusFor(n), { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/zendesk`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback URL nothing listens on (the port was just released). */
export async function deadEndpoint(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/gone`;
}
