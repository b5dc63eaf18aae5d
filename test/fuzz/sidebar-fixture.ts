/**
 * The sidebar API mounted as connector.ts will mount it (its router, then the connector's
 * body-error handler and JSON 404), on loopback over a real store of either backend and a
 * gateway to the sandbox, with one handed-off ticket seeded for the routes to find.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ZendeskGateway } from '../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { bodyErrorHandler } from '../../connector/src/intake/webhook-route.js';
import { silentLogger } from '../../connector/src/logger.js';
import { startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { sidebarRouter } from '../../connector/src/sidebar-api/index.js';
import type { TestStore } from '../helpers/stores.js';
import { APP_SECRET } from '../sidebar/helpers/app-token.js';
import { decision, seedTicket } from '../sidebar/helpers/seed.js';

export interface SidebarFixture {
  url: string;
  sandbox: Sandbox;
  db: TestStore;
  ticketId: string;
  close(): Promise<void>;
}

export async function startSidebar(open: () => Promise<TestStore>): Promise<SidebarFixture> {
  const sandbox = await startSandbox({ rateLimitPerMinute: 2500 });
  const db = await open();
  const gateway = new ZendeskGateway({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 2500, maxRetries: 0 });
  const app = express();
  app.disable('x-powered-by');
  app.use(sidebarRouter({ store: db.store, helpdesk: new ZendeskHelpdesk(gateway), appSecret: APP_SECRET, log: silentLogger, tenantIdForAccount: (a) => `zendesk:${a}` }));
  app.use(bodyErrorHandler);
  app.use((_req, res) => void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such route.' } }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const ticketId = String(sandbox.inbound({ requester: { email: 'fuzz@example.com', name: 'Fuzz' }, body: 'I was charged twice!' }).ticket.id);
  await seedTicket(db.store, { tenantId: 'zendesk:acme', ticketId, state: 'handed_off', attempts: [{ decision: decision(), message: 'I was charged twice!', at: Date.now() - 60_000 }] });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sandbox,
    db,
    ticketId,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await sandbox.close();
      await db.cleanup();
    },
  };
}
