/**
 * The sandbox helpdesk: a local, Zendesk-compatible helpdesk over real HTTP, so the demo runs
 * with no Zendesk account and tests exercise the connector's real HTTP client.
 *
 *   const sandbox = await startSandbox();           // http://127.0.0.1:<ephemeral>
 *   await installBatonTriggers(sandbox, { endpointUrl: 'http://127.0.0.1:3000/webhooks/zendesk' });
 *   sandbox.inbound({ requester: { email: 'sam@acmebakery.example' }, body: 'Where is my order?' });
 *   await sandbox.idle();                            // webhook delivered
 *   await sandbox.close();
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { SandboxApps, type AppInstallationRecord } from './apps/installation.js';
import { loadContract } from './contract/validator.js';
import { basicTokenHeader } from './http/auth.js';
import { createSandboxApp } from './http/app.js';
import type { SandboxServices } from './http/context.js';
import { FaultInjector, type FaultSpec } from './http/faults.js';
import { RateLimiter } from './http/rate-limiter.js';
import { ApiStats, type ApiStatsSnapshot } from './http/request-stats.js';
import type { DeliveryRecord, TriggerRecord, UserRecord, WebhookRecord } from './model.js';
import { SANDBOX_ACCOUNT } from './seed-data.js';
import { seedAccount, seedApiUser, seedArticles } from './seed.js';
import { SandboxState } from './state.js';
import { TicketService, type InboundTicketInput, type TicketChange } from './ticket-service.js';
import { createTrigger, TriggerEngine, type TriggerInput } from './triggers/engine.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';
import { buildFreshdeskFace, type FreshdeskFace } from './freshdesk/face.js';
import { installBatonRules } from './freshdesk/install-baton-rules.js';
import { installBatonTriggers } from './install-baton-triggers.js';
import { newSigningSecret } from './webhooks/signing.js';

export interface SandboxOptions {
  /** 0 (default): an ephemeral port. */
  port?: number;
  host?: string;
  subdomain?: string;
  apiEmail?: string;
  apiToken?: string;
  /** Role of the API user (default admin); 'agent' to see what an agent's token cannot do. */
  apiUserRole?: 'admin' | 'agent';
  rateLimitPerMinute?: number;
  /** Refuse request bodies that break Zendesk's OpenAPI spec (400). Default true. */
  strictContract?: boolean;
  /** Seed groups, agents, organizations and customers. Default true. */
  seed?: boolean;
  log?: (msg: string) => void;
  /** The helpdesk clock for ticket/comment/audit times and signature timestamps (fixtures fix it). */
  now?: () => Date;
  /** The Zendesk API contract; default the committed connector/contract/zendesk-api.json (derived from Zendesk's OpenAPI file). */
  specPath?: string;
  /** Waits before each webhook retry (default [50, 200, 500]: three retries). */
  webhookRetryDelaysMs?: number[];
  webhookTimeoutMs?: number;
  /**
   * Whether placeholder values are JSON-escaped in a webhook body. Zendesk does not document
   * it; 'json' (default) keeps bodies valid, 'none' renders a customer's quote or line break
   * as is, so the connector's handling of either answer can be tested.
   */
  placeholderEscaping?: 'json' | 'none';
  /**
   * The incremental export's delay, in seconds: Zendesk refuses a start_time within the last
   * minute and provides no data for the most recent minute (oas.yaml, IncrementalUnixTime).
   * Default 60, as Zendesk; tests that cannot wait a minute lower it.
   */
  exportLagSeconds?: number;
  /** Which helpdesk's API the sandbox speaks (default zendesk); the helpdesk behind it is the same. */
  helpdesk?: 'zendesk' | 'freshdesk';
  /** Freshdesk face: the API key the connector authenticates with. */
  apiKey?: string;
}

export interface Sandbox {
  /** Base URL, e.g. http://127.0.0.1:41234 (the connector's "Zendesk URL"). */
  url: string;
  port: number;
  subdomain: string;
  apiEmail: string;
  apiToken: string;
  /** Ready-made `Authorization` header value for the API user. */
  authorization: string;
  apiUser: UserRecord;
  accountId: number;
  state: SandboxState;
  /** A customer writes in (same as POST /sandbox/inbound); fires triggers. */
  inbound(input: InboundTicketInput): TicketChange;
  /** The requester replies publicly (same as POST /sandbox/tickets/{id}/customer-reply); fires triggers. */
  customerReply(ticketId: number, body: string): TicketChange;
  /** An agent changes the ticket in the agent workspace (a macro, a reply): via web, fires triggers. */
  agentUpdate(ticketId: number, agentId: number, change: { tags?: string[]; status?: string; group_id?: number; comment?: { body: string; public: boolean } }): TicketChange;
  createWebhook(input: { endpoint: string; name?: string; secret?: string; status?: 'active' | 'inactive' }): WebhookRecord;
  createTrigger(input: TriggerInput): TriggerRecord;
  deliveries(): DeliveryRecord[];
  /** Install the Baton app with these settings (`shared_secret` is secure, as in manifest.json). */
  installApp(settings: Record<string, string>, opts?: { enabled?: boolean }): AppInstallationRecord;
  /** The token Zendesk POSTs to a `"signed": true` location when this user opens it. */
  signAppToken(input: { userId: number; location?: string; installationId?: number; expiresInSeconds?: number }): Promise<string>;
  /** The app's public key, as GET /api/v2/apps/{app_id}/public_key.pem serves it. */
  appPublicKeyPem(): string;
  stats(): ApiStatsSnapshot;
  resetStats(): void;
  injectFault(spec: FaultSpec): void;
  clearFaults(): void;
  setRateLimit(perMinute: number): void;
  resetRateLimit(): void;
  /** Resolves when no webhook delivery (or retry) is in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
  helpdesk: 'zendesk' | 'freshdesk';
  /** The Freshdesk face's API key and automation rules (only with helpdesk: 'freshdesk'). */
  freshdesk?: Pick<FreshdeskFace, 'apiKey' | 'createRule' | 'rules'>;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const subdomain = opts.subdomain ?? 'baton-sandbox';
  const apiEmail = opts.apiEmail ?? `automation@${subdomain}.example.com`;
  const apiToken = opts.apiToken ?? 'sandbox-api-token';
  const log = opts.log ?? (() => undefined);
  const helpdesk = opts.helpdesk ?? 'zendesk';
  const contract = opts.strictContract === false || helpdesk === 'freshdesk' ? undefined : loadContract(opts.specPath);

  const state = new SandboxState(opts.now ?? (() => new Date()));
  const apiUser = seedApiUser(state, apiEmail);
  if (opts.apiUserRole) apiUser.role = opts.apiUserRole;
  seedArticles(state);
  if (opts.seed !== false) seedAccount(state);

  const accountName = SANDBOX_ACCOUNT.name;
  const tickets = new TicketService(state, { name: accountName, supportAddress: `support@${subdomain}.zendesk.com` });
  const dispatcher = new WebhookDispatcher(state, {
    accountId: SANDBOX_ACCOUNT.accountId,
    retryDelaysMs: opts.webhookRetryDelaysMs ?? [50, 200, 500],
    timeoutMs: opts.webhookTimeoutMs ?? 10_000,
    log,
  });
  const engine = new TriggerEngine(state, dispatcher, { accountName, agentHost: `${subdomain}.zendesk.com`, log, escape: opts.placeholderEscaping === 'none' ? (v) => v : undefined });
  tickets.onChange((change) => engine.run(change));

  const services: SandboxServices = {
    state,
    tickets,
    dispatcher,
    stats: new ApiStats(),
    faults: new FaultInjector(),
    rateLimiter: new RateLimiter(opts.rateLimitPerMinute ?? 700),
    apiUser,
    apps: new SandboxApps(`${subdomain}.zendesk.com`, () => state.now()),
    baseUrl: '',
    exportLagMs: (opts.exportLagSeconds ?? 60) * 1000,
    log,
  };
  const fd =
    helpdesk === 'freshdesk'
      ? buildFreshdeskFace(services, {
          apiKey: opts.apiKey ?? 'sandbox-freshdesk-api-key',
          helpdeskName: accountName,
          retryDelaysMs: opts.webhookRetryDelaysMs ?? [50, 200, 500],
          timeoutMs: opts.webhookTimeoutMs ?? 10_000,
        })
      : undefined;
  const app = fd ? fd.app : createSandboxApp(services, { apiToken, contract });
  const server: Server = await new Promise((resolve, reject) => {
    const srv = app.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(srv)));
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  services.baseUrl = `http://${host}:${port}`;
  log(`sandbox helpdesk (${helpdesk} API) listening on ${services.baseUrl} (strict contract: ${fd || contract ? 'on' : 'off'})`);

  let closing: Promise<void> | undefined;
  return {
    url: services.baseUrl,
    port,
    subdomain,
    apiEmail,
    apiToken,
    authorization: basicTokenHeader(apiEmail, apiToken),
    apiUser,
    accountId: SANDBOX_ACCOUNT.accountId,
    state,
    inbound: (input) => tickets.createAsEndUser(input),
    customerReply: (ticketId, body) => tickets.customerReply(ticketId, body),
    agentUpdate: (ticketId, agentId, change) => tickets.agentUpdate(ticketId, agentId, change),
    createWebhook: (input) => {
      const webhook: WebhookRecord = {
        id: state.nextWebhookId(),
        name: input.name ?? 'Sandbox webhook',
        description: '',
        endpoint: input.endpoint,
        httpMethod: 'POST',
        requestFormat: 'json',
        status: input.status ?? 'active',
        subscriptions: ['conditional_ticket_events'],
        signingSecret: input.secret ?? newSigningSecret(),
        customHeaders: {},
        createdAt: state.now(),
        createdBy: apiUser.id,
      };
      state.webhooks.set(webhook.id, webhook);
      return webhook;
    },
    createTrigger: (input) => createTrigger(state, input),
    deliveries: () => state.deliveries,
    installApp: (settings, o) => services.apps.install(settings, o),
    signAppToken: (input) => services.apps.signToken(input),
    appPublicKeyPem: () => services.apps.publicKeyPem(),
    stats: () => services.stats.snapshot(),
    resetStats: () => services.stats.reset(),
    injectFault: (spec) => services.faults.add(spec),
    clearFaults: () => services.faults.clear(),
    setRateLimit: (perMinute) => (fd ? fd.setLimits({ total: perMinute }) : services.rateLimiter.setLimit(perMinute)),
    resetRateLimit: () => (fd ? fd.resetLimits() : services.rateLimiter.reset()),
    idle: async () => {
      await dispatcher.idle();
      await fd?.dispatcher.idle();
    },
    helpdesk,
    freshdesk: fd && { apiKey: fd.apiKey, createRule: fd.createRule, rules: fd.rules },
    close: () =>
      (closing ??= (async () => {
        await dispatcher.close();
        await fd?.dispatcher.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })()),
  };
}

export { installBatonTriggers, type BatonTriggers, type InstallBatonTriggersOptions } from './install-baton-triggers.js';

/**
 * The connector settings that point it at a sandbox: the API, its user and token (or, on
 * the Freshdesk face, its API key and account), the webhook secret, and the plan limit the
 * demo and tests run the sandbox at (Zendesk's 2,500 a minute; Freshdesk's 2,000 add-on).
 */
export function connectorEnvFor(sandbox: Pick<Sandbox, 'url' | 'apiEmail' | 'apiToken'> & Partial<Pick<Sandbox, 'subdomain' | 'freshdesk'>>, webhookSecret: string): Record<string, string> {
  if (sandbox.freshdesk) {
    return {
      BATON_WEBHOOK_SECRET: webhookSecret,
      BATON_HELPDESK: 'freshdesk',
      FRESHDESK_BASE_URL: sandbox.url,
      FRESHDESK_DOMAIN: sandbox.subdomain ?? 'baton-sandbox',
      FRESHDESK_API_KEY: sandbox.freshdesk.apiKey,
      FRESHDESK_PLAN: 'addon-2000',
    };
  }
  return {
    BATON_WEBHOOK_SECRET: webhookSecret,
    ZENDESK_BASE_URL: sandbox.url,
    ZENDESK_EMAIL: sandbox.apiEmail,
    ZENDESK_API_TOKEN: sandbox.apiToken,
    ZENDESK_RATE_LIMIT_PER_MINUTE: '2500',
  };
}

/**
 * Baton's intake on the sandbox, as an admin sets it up on the helpdesk the sandbox speaks:
 * Zendesk's signed webhook and triggers, or Freshdesk's automation rules with the secret
 * header. Answers the tenant id the connector files the account's tickets under.
 */
export async function installBatonIntake(sandbox: Sandbox, connectorUrl: string, secret: string): Promise<{ tenantId: string }> {
  const base = connectorUrl.replace(/\/+$/, '');
  if (sandbox.freshdesk) {
    await installBatonRules({ url: sandbox.url, apiKey: sandbox.freshdesk.apiKey }, { endpointUrl: `${base}/webhooks/freshdesk`, secret });
    return { tenantId: `freshdesk:${sandbox.subdomain}` };
  }
  await installBatonTriggers(sandbox, { endpointUrl: `${base}/webhooks/zendesk`, secret });
  return { tenantId: `zendesk:${sandbox.subdomain}` };
}
export * from './seed-data.js';
export { SANDBOX_ARTICLES } from './help-center-articles.js';
export { SandboxState } from './state.js';
export type * from './model.js';
export type { InboundTicketInput, TicketChange } from './ticket-service.js';
export type { TriggerInput } from './triggers/engine.js';
export type { FaultSpec } from './http/faults.js';
export type { ApiStatsSnapshot } from './http/request-stats.js';
export { signWebhookBody, signatureTimestamp } from './webhooks/signing.js';
export { basicTokenHeader } from './http/auth.js';
