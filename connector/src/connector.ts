/**
 * Wires one connector: store, queue, worker, helpdesk gateway, triage and HTTP routes.
 * Everything comes in through `ConnectorOptions`, so tests build one on the sandbox and a
 * temporary database, and the CLI builds one from the environment.
 */
import os from 'node:os';
import crypto from 'node:crypto';
import type { Server } from 'node:http';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config/load.js';
import { BatonError } from './errors.js';
import { GroupDirectory } from './handoff/teams.js';
import { OrganizationDirectory } from './context/organizations.js';
import { StaffDirectory } from './handoff/staff.js';
import { openHelpdesk } from './helpdesk/open.js';
import type { HelpdeskPort } from './helpdesk/port.js';
import { ticketTags } from './ticket-tags.js';
import { PROCESS_EVENT_JOB } from './jobs/job-keys.js';
import { intakeAdapters } from './intake/adapters.js';
import { bodyErrorHandler, webhookRouter } from './intake/webhook-route.js';
import { collapseRepeatedSlashes } from './http/collapse-slashes.js';
import { helpdeskTicketReader } from './helpdesk/ticket-reader.js';
import { RESOLVE_DELIVERY_JOB } from './intake/raw-deliveries.js';
import { resolveDeliveryHandler } from './catch-up/resolve-delivery.js';
import { CatchUpSweep } from './catch-up/sweep.js';
import { sweepTenant } from './catch-up/tenant.js';
import { jobsRouter } from './http/jobs-api.js';
import { JobQueue } from './jobs/queue.js';
import { Worker } from './jobs/worker.js';
import { createMetrics, type Metrics } from './metrics/registry.js';
import { processEventHandler, type PipelineDeps } from './pipeline/process-event.js';
import { openStore, type Store } from './store/db.js';
import { migrate } from './store/migrate.js';
import { RetentionSchedule } from './store/retention-schedule.js';
import { registerAdminMetrics, registerAdminRoutes } from './admin/index.js';
import { sidebarRouter } from './sidebar-api/index.js';
import { callerOf } from './sidebar-api/auth.js';
import { requireAttestedAdmin } from './sidebar-api/admin-guard.js';
import { navBarPageRouter } from './sidebar-api/nav-bar-page.js';
import { loadAppPublicKey } from './sidebar-api/zaf-signed-token.js';
import { SidebarError } from './sidebar-api/errors.js';
import { DEFAULT_POLICY_PATH } from './triage/policy/load.js';
import type { Policy } from './triage/policy/schema.js';
import { NO_INTEGRATIONS, type Integrations } from './integrations/from-env.js';
import { loadReplies, type Replies } from './playbooks/replies.js';
import { NOTIFY_JOB, notificationJobHandler } from './integrations/notify/index.js';
import type { Triage } from './triage/types.js';
import { PICKUP_TIMER, SILENCE_TIMER, pickupTimerHandler, silenceTimerHandler } from './pipeline/timers.js';

export interface ConnectorOptions {
  config: Config;
  log: Logger;
  policy: Policy;
  triage: Triage;
  /** Builds the triage engine for a changed policy (rollout switches), so it applies at once. */
  makeTriage?: (policy: Policy) => Triage;
  store?: Store;
  workerId?: string;
  /** Run the job worker in this process (default true). */
  runWorker?: boolean;
  pipeline?: Partial<Pick<PipelineDeps, 'afterWrite' | 'now'>>;
  /** CRM, lookups and notifications (none by default). */
  integrations?: Integrations;
  /** Reply templates (default: BATON_REPLIES_PATH or the shipped replies.yaml). */
  replies?: Replies;
}

export interface Connector {
  app: Express;
  store: Store;
  queue: JobQueue;
  worker: Worker;
  sweep: CatchUpSweep;
  retention: RetentionSchedule;
  metrics: Metrics;
  /** The helpdesk account this connector serves. */
  helpdesk: HelpdeskPort;
  /** Listen on PORT (0 for any) and start the worker; resolves with the URL. */
  start(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function createConnector(opts: ConnectorOptions): Promise<Connector> {
  const { config, log } = opts;
  const store = opts.store ?? openStore({ databaseUrl: config.DATABASE_URL, sqlitePath: config.BATON_SQLITE_PATH });
  await migrate(store);
  const metrics = createMetrics({ defaultMetrics: true });
  registerAdminMetrics(metrics.registry, store);
  const workerId = opts.workerId ?? `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const queue = new JobQueue(store, { workerId, defaultMaxAttempts: config.BATON_JOB_MAX_ATTEMPTS });
  const helpdesk = openHelpdesk(config, (c) => metrics.helpdeskCalls.inc({ method: c.method, route: c.route, status: String(c.status) }));
  const groups = new GroupDirectory(helpdesk, opts.policy.groups, opts.policy.defaults.fallback_team);
  const organizations = new OrganizationDirectory(helpdesk);
  const staff = new StaffDirectory(helpdesk);
  const selfUserIds = new Set<string>();
  try {
    selfUserIds.add(await helpdesk.selfUserId());
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'could not read the API user; own-update detection relies on trigger conditions');
  }

  const pipeline: PipelineDeps = {
    store,
    queue,
    policy: opts.policy,
    triage: opts.triage,
    selfUserIds: () => selfUserIds,
    helpdeskFor: () => helpdesk,
    groupsFor: () => groups,
    organizationsFor: () => organizations,
    staffFor: () => staff,
    integrations: opts.integrations ?? NO_INTEGRATIONS,
    replies: opts.replies ?? loadReplies(config.BATON_REPLIES_PATH),
    metrics,
    ...opts.pipeline,
  };
  const reader = helpdeskTicketReader(helpdesk);
  const worker = new Worker(
    queue,
    {
      [RESOLVE_DELIVERY_JOB]: resolveDeliveryHandler({ store, queue, readerFor: () => reader, selfUserIds: () => selfUserIds }),
      [PROCESS_EVENT_JOB]: processEventHandler(pipeline),
      [SILENCE_TIMER]: silenceTimerHandler(pipeline),
      [PICKUP_TIMER]: pickupTimerHandler(pipeline),
      [NOTIFY_JOB]: notificationJobHandler({ targets: pipeline.integrations.notifyTargets }),
    },
    {
      concurrency: config.BATON_WORKER_CONCURRENCY,
      leaseMs: config.BATON_JOB_LEASE_SECONDS * 1000,
      log,
      onSettled: (job, outcome) => metrics.jobs.inc({ kind: job.kind, outcome }),
    },
  );

  const configuredAccount = config.zendeskSubdomain;
  const sweep = new CatchUpSweep({
    store,
    queue,
    reader,
    tenant: () => sweepTenant(store, reader.provider, configuredAccount, Date.now()),
    selfUserIds: () => selfUserIds,
    log: log.child({ part: 'sweep' }),
    holder: workerId,
    intervalMs: config.BATON_SWEEP_INTERVAL_SECONDS * 1000,
    // Long enough for a sweep of many pages; it is extended at every page and released at the end.
    leaseMs: Math.max(60_000, config.BATON_SWEEP_INTERVAL_SECONDS * 1000),
    onRun: (outcome, recovered) => {
      metrics.sweepRuns.inc({ outcome });
      if (recovered > 0) metrics.sweepRecoveredTickets.inc(recovered);
    },
  });

  const retention = new RetentionSchedule({
    store,
    policy: config.retention,
    log: log.child({ part: 'retention' }),
    onPurged: (c) => {
      metrics.retentionPurgedRows.inc({ rows: 'finished_jobs' }, c.finishedJobs);
      metrics.retentionPurgedRows.inc({ rows: 'dead_letters' }, c.deadLetters);
      metrics.retentionPurgedRows.inc({ rows: 'events' }, c.events);
      metrics.retentionPurgedRows.inc({ rows: 'raw_deliveries' }, c.rawDeliveries);
    },
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(collapseRepeatedSlashes());
  app.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.use(
    webhookRouter({
      store,
      queue,
      log,
      metrics,
      adapters: intakeAdapters(config),
      maxBodyBytes: config.BATON_MAX_BODY_BYTES,
      ignoreOwnUpdates: config.BATON_IGNORE_OWN_UPDATES,
      selfUserIds: () => selfUserIds,
    }),
  );
  if (config.BATON_APP_SHARED_SECRET) {
    const served = config.BATON_HELPDESK === 'freshdesk' ? config.freshdeskAccount : config.zendeskSubdomain;
    const accounts = served ? [served] : [];
    // One connector serves one helpdesk account: a token naming any other account is refused.
    const tenantIdForAccount = (account: string) => {
      if (accounts.length > 0 && !accounts.includes(account)) throw new SidebarError(401, 'AUTH_INVALID', `This connector serves ${accounts.join(', ')}, not ${account}.`);
      return `${helpdesk.provider}:${account}`;
    };
    const zaf = await zafTokenOptions(config);
    app.use(navBarPageRouter({ appSecret: config.BATON_APP_SHARED_SECRET, zaf, tenantIdForAccount, log }));
    app.use(
      sidebarRouter({
        store,
        helpdesk,
        // Read at each request: a prefix changed through the admin API applies at once.
        get tags() {
          return ticketTags(pipeline.policy.tags.prefix);
        },
        appSecret: config.BATON_APP_SHARED_SECRET,
        log,
        tenantIdForAccount,
        // Admin actions rest on an identity Zendesk attests, never on the app's claims.
        adminGuard: zaf
          ? requireAttestedAdmin({ appSecret: config.BATON_APP_SHARED_SECRET, helpdesk })
          : (_req, _res, next) => next(new SidebarError(403, 'ADMIN_NOT_CONFIGURED', "Admin actions are off: set BATON_APP_PUBLIC_KEY to the app's public key (the README's app section, or `baton doctor`, says where to read it).")),
        admin: (r) =>
          registerAdminRoutes(r, {
            store,
            helpdesk,
            policyPath: config.BATON_POLICY_PATH ?? DEFAULT_POLICY_PATH,
            tenantOf: (_req, res) => callerOf(res).tenantId,
            // A rollout change applies to the next message. Handlers read the pipeline's policy
            // and triage at each job, so swapping them here is enough (other replicas pick the
            // file up when they restart).
            onPolicyChange: (policy) => {
              pipeline.policy = policy;
              if (opts.makeTriage) pipeline.triage = opts.makeTriage(policy);
              log.info('policy changed through the admin API; new decisions use it');
            },
          }),
      }),
    );
  } else {
    log.warn('BATON_APP_SHARED_SECRET is not set: the Zendesk app cannot call this connector');
  }
  app.use(jobsRouter(queue, adminGuard(config)));
  app.use(bodyErrorHandler);
  app.use((_req, res) => void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such route.' } }));

  let server: Server | null = null;
  return {
    app,
    store,
    queue,
    worker,
    sweep,
    retention,
    metrics,
    helpdesk,
    async start(port = config.PORT, host = config.HOST) {
      if (opts.runWorker !== false) worker.start();
      // The sweep enqueues work, so it runs where a worker does.
      if (opts.runWorker !== false && config.BATON_SWEEP_INTERVAL_SECONDS > 0) sweep.start();
      // Old rows are deleted where jobs are worked, so a replica that only takes webhooks writes nothing else.
      if (opts.runWorker !== false) retention.start();
      server = await new Promise<Server>((resolve) => {
        const s = app.listen(port, host, () => resolve(s));
      });
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${p}`;
    },
    async stop() {
      await retention.stop();
      await sweep.stop();
      await worker.stop();
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      server?.closeAllConnections?.();
      if (!opts.store) await store.close();
    },
  };
}

/** Operator endpoints need BATON_ADMIN_TOKEN as a Bearer token; without one configured they are off. */
function adminGuard(config: Config): express.RequestHandler {
  return (req, res, next) => {
    const token = config.BATON_ADMIN_TOKEN;
    if (token === undefined) {
      return void res.status(403).json({ error: { code: 'ADMIN_DISABLED', message: 'Operator endpoints are off: set BATON_ADMIN_TOKEN (at least 24 characters) to use them.' } });
    }
    const given = Buffer.from(req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
    const expected = Buffer.from(token);
    // Byte lengths: a same-length string with non-ASCII characters must not reach timingSafeEqual unequal.
    const ok = given.length === expected.length && crypto.timingSafeEqual(given, expected);
    if (!ok) return void res.status(401).json({ error: { code: 'AUTH_INVALID', message: 'Send BATON_ADMIN_TOKEN as a Bearer token.' } });
    next();
  };
}

/** Zendesk's key for the app's signed URLs; a key that does not load stops the start with its variable named. */
async function zafTokenOptions(config: Config) {
  if (!config.BATON_APP_PUBLIC_KEY) return undefined;
  try {
    return { publicKey: await loadAppPublicKey(config.BATON_APP_PUBLIC_KEY), installationId: config.BATON_APP_INSTALLATION_ID };
  } catch (err) {
    throw new BatonError('CONFIG_INVALID', `Configuration is invalid:\n  BATON_APP_PUBLIC_KEY: expected an RSA public key in PEM (or a file holding one): ${(err as Error).message}`, {
      details: { variables: ['BATON_APP_PUBLIC_KEY'] },
    });
  }
}
