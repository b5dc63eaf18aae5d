/**
 * Loopback HTTP servers for the integration tests: real express apps on 127.0.0.1, port 0,
 * playing the CRM, lookup, Slack and webhook endpoints. Each test file closes what it opened.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';

const open = new Set<Server>();

export async function serve(app: express.Express): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  open.add(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Close every server (and drop held connections, e.g. a handler that never answers). */
export async function closeAll(): Promise<void> {
  await Promise.all(
    [...open].map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
  open.clear();
}

/** A route that never answers, for timeouts. */
export const hang: express.RequestHandler = () => {};

export function recordedRequest(req: express.Request) {
  return { method: req.method, path: req.path, query: req.query as Record<string, string>, headers: req.headers, body: req.body as unknown };
}
