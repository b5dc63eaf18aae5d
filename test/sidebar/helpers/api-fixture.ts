/**
 * The sidebar API as the lead wires it into the connector: `sidebarRouter` on an express
 * app, over a real SQLite store and Baton's real client of the sandbox helpdesk (Zendesk's
 * or Freshdesk's API), without retries so that one injected fault is one failed read.
 */
import express, { type Express } from 'express';
import { FreshdeskHelpdesk } from '../../../connector/src/helpdesk/freshdesk/helpdesk.js';
import { PLAN_LIMITS } from '../../../connector/src/helpdesk/freshdesk/rate-plan.js';
import type { HelpdeskPort } from '../../../connector/src/helpdesk/port.js';
import { ZendeskGateway } from '../../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../../connector/src/helpdesk/zendesk/helpdesk.js';
import { silentLogger } from '../../../connector/src/logger.js';
import { startSandbox, type Sandbox } from '../../../connector/src/sandbox/index.js';
import { sidebarRouter } from '../../../connector/src/sidebar-api/index.js';
import type { HelpdeskName } from '../../helpers/stack.js';
import { sqliteTestStore, type TestStore } from '../../helpers/stores.js';
import { APP_SECRET } from './app-token.js';

export interface ApiFixture {
  app: Express;
  sandbox: Sandbox;
  db: TestStore;
  helpdesk: HelpdeskPort;
  close(): Promise<void>;
}

export const tenantOf = (account: string, helpdesk: HelpdeskName = 'zendesk') => `${helpdesk}:${account}`;

/**
 * Stands in for the attested-admin gate (its own tests are in test/identity): here only the
 * placement of routes behind the gate is under test, so a fixed session header opens it.
 */
export const ADMIN_SESSION = 'fixture-admin-session';
const fixtureAdminGate: express.RequestHandler = (req, res, next) =>
  req.header('x-baton-admin-session') === ADMIN_SESSION ? next() : void res.status(403).json({ error: { code: 'FORBIDDEN', message: 'admins only' } });

const CLIENTS = {
  zendesk: (s: Sandbox): HelpdeskPort => new ZendeskHelpdesk(new ZendeskGateway({ baseUrl: s.url, email: s.apiEmail, apiToken: s.apiToken, ratePerMinute: 2500, maxRetries: 0 })),
  freshdesk: (s: Sandbox): HelpdeskPort => FreshdeskHelpdesk.connect({ baseUrl: s.url, apiKey: s.freshdesk!.apiKey, limits: PLAN_LIMITS['addon-2000'], maxRetries: 0 }),
};

export async function startApiFixture(helpdesk: HelpdeskName = 'zendesk'): Promise<ApiFixture> {
  const sandbox = await startSandbox({ rateLimitPerMinute: 2500, helpdesk });
  const db = await sqliteTestStore();
  const client = CLIENTS[helpdesk](sandbox);
  const app = express();
  app.use(sidebarRouter({ store: db.store, helpdesk: client, appSecret: APP_SECRET, log: silentLogger, tenantIdForAccount: (a) => tenantOf(a, helpdesk), adminGuard: fixtureAdminGate, admin: () => {} }));
  app.use((_req, res) => void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'connector 404' } }));
  return {
    app,
    sandbox,
    db,
    helpdesk: client,
    async close() {
      await sandbox.close();
      await db.cleanup();
    },
  };
}
