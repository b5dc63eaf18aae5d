/**
 * A running connector API for the app to call: `sidebarRouter` on a real HTTP port, over a
 * real SQLite store and a ZendeskGateway pointed at the sandbox helpdesk, so "Return to
 * automation" really changes the sandbox ticket. The admin routes are mounted as
 * connector.ts mounts them, on a copy of the shipped policy, so rollout changes from the
 * page are written to a file the test can read back.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { registerAdminRoutes } from '../../../connector/src/admin/http/admin-routes.js';
import { ZendeskGateway } from '../../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../../connector/src/helpdesk/zendesk/helpdesk.js';
import { silentLogger } from '../../../connector/src/logger.js';
import { startSandbox, type Sandbox } from '../../../connector/src/sandbox/index.js';
import { callerOf } from '../../../connector/src/sidebar-api/auth.js';
import { sidebarRouter } from '../../../connector/src/sidebar-api/index.js';
import { DEFAULT_POLICY_PATH } from '../../../connector/src/triage/index.js';
import { sqliteTestStore, type TestStore } from '../../helpers/stores.js';

export const SHARED_SECRET = 'browser-test-shared-secret-0123456789';

export interface ConnectorApi {
  url: string;
  sandbox: Sandbox;
  db: TestStore;
  tenantId: string;
  /** The policy file the admin routes read and write. */
  policyPath: string;
  /** Hold every analytics summary answer this long (0: answer at once), to see the page while it loads. */
  setSummaryDelay(ms: number): void;
  close(): Promise<void>;
}

export async function startConnectorApi(): Promise<ConnectorApi> {
  const sandbox = await startSandbox({ rateLimitPerMinute: 2500 });
  const db = await sqliteTestStore();
  const gateway = new ZendeskGateway({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 2500, maxRetries: 0 });
  const app = express();
  const policyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-browser-policy-'));
  const policyPath = path.join(policyDir, 'policy.yaml');
  fs.copyFileSync(DEFAULT_POLICY_PATH, policyPath);
  let summaryDelay = 0;
  app.use('/api/analytics/summary', (_req, _res, next) => void setTimeout(next, summaryDelay));
  app.use(
    sidebarRouter({
      store: db.store,
      helpdesk: new ZendeskHelpdesk(gateway),
      appSecret: SHARED_SECRET,
      log: silentLogger,
      tenantIdForAccount: (a) => `zendesk:${a}`,
      admin: (r) => registerAdminRoutes(r, { store: db.store, helpdesk: new ZendeskHelpdesk(gateway), policyPath, tenantOf: (_req, res) => callerOf(res).tenantId }),
    }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sandbox,
    db,
    tenantId: `zendesk:${sandbox.subdomain}`,
    policyPath,
    setSummaryDelay: (ms) => void (summaryDelay = ms),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await sandbox.close();
      await db.cleanup();
      fs.rmSync(policyDir, { recursive: true, force: true });
    },
  };
}
