/**
 * A whole Baton stack for integration tests: the sandbox helpdesk, a connector on a real
 * database (SQLite or PostgreSQL), the webhook and triggers installed as on a real account.
 */
import crypto from 'node:crypto';
import { loadConfig } from '../../connector/src/config/load.js';
import { createConnector, type Connector, type ConnectorOptions } from '../../connector/src/connector.js';
import { silentLogger } from '../../connector/src/logger.js';
import { INTAKE_JOB_KINDS } from '../../connector/src/intake/raw-deliveries.js';
import { openHelpdesk } from '../../connector/src/helpdesk/open.js';
import type { HelpdeskPort } from '../../connector/src/helpdesk/port.js';
import { connectorEnvFor, installBatonIntake, startSandbox, type Sandbox, type SandboxOptions } from '../../connector/src/sandbox/index.js';
import { createLocalTriage, loadPolicy, type Policy } from '../../connector/src/triage/index.js';
import { sqliteTestStore, type TestStore } from './stores.js';

/** The helpdesks an integration test runs against: `describe.each(HELPDESKS)` (which test runs where: test/README.md). */
export const HELPDESKS = ['zendesk', 'freshdesk'] as const;
export type HelpdeskName = (typeof HELPDESKS)[number];

export interface Stack {
  sandbox: Sandbox;
  connector: Connector;
  url: string;
  secret: string;
  db: TestStore;
  tenantId: string;
  /** Wait until webhooks are delivered and event jobs are done (or dead). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(
  opts: { helpdesk?: HelpdeskName; store?: () => Promise<TestStore>; policy?: Policy; pipeline?: ConnectorOptions['pipeline']; integrations?: ConnectorOptions['integrations']; sandbox?: SandboxOptions; env?: Record<string, string> | ((sandbox: Sandbox) => Record<string, string>) } = {},
): Promise<Stack> {
  const sandbox = await startSandbox({ rateLimitPerMinute: 2500, helpdesk: opts.helpdesk, ...opts.sandbox });
  const db = await (opts.store ?? sqliteTestStore)();
  const secret = crypto.randomBytes(18).toString('base64url');
  const config = loadConfig({
    ...connectorEnvFor(sandbox, secret),
    BATON_APP_SHARED_SECRET: 'stack-app-secret-0123456789abcdef',
    LOG_LEVEL: 'silent',
    ...(typeof opts.env === 'function' ? opts.env(sandbox) : opts.env),
  });
  const policy = opts.policy ?? loadPolicy();
  const connector = await createConnector({ config, log: silentLogger, policy, triage: createLocalTriage(policy), makeTriage: (p) => createLocalTriage(p), store: db.store, pipeline: opts.pipeline, integrations: opts.integrations });
  const url = await connector.start(0, '127.0.0.1');
  const { tenantId } = await installBatonIntake(sandbox, url, secret);
  return {
    sandbox,
    connector,
    url,
    secret,
    db,
    tenantId,
    async settle() {
      for (let i = 0; i < 600; i++) {
        await sandbox.idle();
        const row = await db.store.db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', 'in', INTAKE_JOB_KINDS)
          .where('status', 'in', ['queued', 'running'])
          .executeTakeFirst();
        if (Number(row?.n ?? 0) === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('stack did not settle within 30 s');
    },
    async close() {
      await connector.stop();
      await sandbox.close();
      await db.cleanup();
    },
  };
}

export const publicComments = (s: Sandbox, id: number) => s.state.commentsFor(id).filter((c) => c.public);
export const internalNotes = (s: Sandbox, id: number) => s.state.commentsFor(id).filter((c) => !c.public);

/**
 * Stop the helpdesk calling Baton, as when the connector is unreachable: Zendesk's webhook
 * deactivated, or Freshdesk's automation rules switched off. Returns what turns them back on.
 */
export function pauseDeliveries(s: Sandbox): () => void {
  const hooks = [...s.state.webhooks.values()].filter((h) => h.status === 'active');
  const rules = (s.freshdesk?.rules() ?? []).filter((r) => r.active);
  for (const hook of hooks) hook.status = 'inactive';
  for (const rule of rules) rule.active = false;
  return () => {
    for (const hook of hooks) hook.status = 'active';
    for (const rule of rules) rule.active = true;
  };
}

/** Baton's client of the sandbox, opened from the configuration as the connector opens it. */
export function sandboxHelpdesk(sandbox: Sandbox): HelpdeskPort {
  return openHelpdesk(loadConfig({ ...connectorEnvFor(sandbox, 'sandbox-client-secret-0123456789'), LOG_LEVEL: 'silent' }));
}
