/**
 * The sidebar API as the lead wires it into the connector: `sidebarRouter` on an express
 * app, over a real SQLite store and a real ZendeskGateway pointed at the sandbox helpdesk.
 */
import express, { type Express } from 'express';
import { ZendeskGateway } from '../../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../../connector/src/helpdesk/zendesk/helpdesk.js';
import { silentLogger } from '../../../connector/src/logger.js';
import { startSandbox, type Sandbox } from '../../../connector/src/sandbox/index.js';
import { sidebarRouter } from '../../../connector/src/sidebar-api/index.js';
import { sqliteTestStore, type TestStore } from '../../helpers/stores.js';
import { APP_SECRET } from './app-token.js';

export interface ApiFixture {
  app: Express;
  sandbox: Sandbox;
  db: TestStore;
  gateway: ZendeskGateway;
  close(): Promise<void>;
}

export const tenantOf = (account: string) => `zendesk:${account}`;

/**
 * Stands in for the attested-admin gate (its own tests are in test/identity): here only the
 * placement of routes behind the gate is under test, so a fixed session header opens it.
 */
export const ADMIN_SESSION = 'fixture-admin-session';
const fixtureAdminGate: express.RequestHandler = (req, res, next) =>
  req.header('x-baton-admin-session') === ADMIN_SESSION ? next() : void res.status(403).json({ error: { code: 'FORBIDDEN', message: 'admins only' } });

export async function startApiFixture(): Promise<ApiFixture> {
  const sandbox = await startSandbox({ rateLimitPerMinute: 2500 });
  const db = await sqliteTestStore();
  const gateway = new ZendeskGateway({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 2500, maxRetries: 0 });
  const app = express();
  app.use(sidebarRouter({ store: db.store, helpdesk: new ZendeskHelpdesk(gateway), appSecret: APP_SECRET, log: silentLogger, tenantIdForAccount: tenantOf, adminGuard: fixtureAdminGate, admin: () => {} }));
  app.use((_req, res) => void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'connector 404' } }));
  return {
    app,
    sandbox,
    db,
    gateway,
    async close() {
      await sandbox.close();
      await db.cleanup();
    },
  };
}
