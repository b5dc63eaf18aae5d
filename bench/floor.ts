/**
 * The floor Baton's intake is measured against: a bare Express endpoint that reads the raw
 * body, verifies the Zendesk signature (the connector's own verifier) and answers 202. No
 * parsing, no store, no queue: what any correct webhook receiver on Express must at least do.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyZendeskSignature } from '../connector/src/intake/zendesk/signature.js';

export async function startFloor(secret: string): Promise<{ url: string; stop(): Promise<void> }> {
  const app = express();
  app.post('/webhooks/zendesk', express.raw({ type: () => true, limit: 262_144 }), (req, res) => {
    try {
      verifyZendeskSignature({ signature: req.header(SIGNATURE_HEADER), timestamp: req.header(TIMESTAMP_HEADER) }, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), {
        secrets: [secret],
        replayWindowSeconds: 300,
      });
      res.status(202).json({ status: 'accepted' });
    } catch {
      res.status(401).json({ error: 'signature' });
    }
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
