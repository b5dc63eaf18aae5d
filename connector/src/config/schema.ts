/**
 * Every environment variable the connector reads, with its default. The README's
 * configuration table is generated from the same descriptions (see `describeConfig`).
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const RATE_PLANS = [200, 400, 700, 2500] as const;
/** Freshdesk plans, whose per-minute limits and list sub-limits Baton keeps under (helpdesk/freshdesk/rate-plan.ts). */
export const FRESHDESK_PLANS = ['trial', 'growth', 'pro', 'enterprise', 'addon-1000', 'addon-2000'] as const;

export const envSchema = z.object({
  BATON_WEBHOOK_SECRET: z
    .string({ error: 'is required: the signing secret of the Zendesk webhook (Admin Center > Webhooks > your webhook > Signing secret).' })
    .min(16, 'must be at least 16 characters: copy the webhook signing secret from Zendesk.'),
  BATON_WEBHOOK_SECRET_PREVIOUS: optionalString,
  BATON_WEBHOOK_SECRETS: optionalString
    .transform((v) => (v === undefined ? [] : v.split(',').map((s) => s.trim()).filter(Boolean)))
    .refine((list) => list.every((s) => s.length >= 16), 'every secret in the comma-separated list must be at least 16 characters: copy each webhook signing secret from Zendesk.'),
  PORT: port.default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://'),
  BATON_SQLITE_PATH: z.string().default('./data/baton.db'),
  ZENDESK_BASE_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), 'must be a URL such as https://acme.zendesk.com'),
  ZENDESK_SUBDOMAIN: optionalString,
  ZENDESK_EMAIL: optionalString,
  ZENDESK_API_TOKEN: optionalString,
  ZENDESK_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .refine((v) => (RATE_PLANS as readonly number[]).includes(v), `must be your Zendesk plan's limit: one of ${RATE_PLANS.join(', ')}`)
    .default(200),
  ZENDESK_TIMEOUT_MS: positiveInt.default(15_000),
  BATON_HELPDESK: z.enum(['zendesk', 'freshdesk']).default('zendesk'),
  FRESHDESK_BASE_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), 'must be a URL such as https://acme.freshdesk.com'),
  FRESHDESK_DOMAIN: optionalString.refine((v) => v === undefined || /^[a-z0-9][a-z0-9-]*(\.freshdesk\.com)?$/i.test(v), 'must be your Freshdesk account: acme or acme.freshdesk.com'),
  FRESHDESK_API_KEY: optionalString,
  FRESHDESK_PLAN: z.enum(FRESHDESK_PLANS).default('growth'),
  FRESHDESK_TIMEOUT_MS: positiveInt.default(15_000),
  BATON_MAX_BODY_BYTES: positiveInt.default(256 * 1024),
  BATON_REPLAY_WINDOW_SECONDS: positiveInt.default(300),
  BATON_IGNORE_OWN_UPDATES: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  BATON_WORKER_CONCURRENCY: positiveInt.default(4),
  BATON_JOB_MAX_ATTEMPTS: positiveInt.default(8),
  BATON_JOB_LEASE_SECONDS: positiveInt.default(60),
  BATON_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(180),
  BATON_RETENTION_DAYS: z.coerce.number({ error: 'must be a whole number of days (0 keeps everything)' }).int('must be a whole number of days (0 keeps everything)').min(0, 'must be 0 (keep everything) or a number of days').default(30),
  // No default here: unset, it is 90 days (BATON_RETENTION_DAYS when longer), or 0 when that keeps everything (config/load.ts).
  BATON_DEAD_LETTER_RETENTION_DAYS: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number({ error: 'must be a whole number of days (0 keeps dead letters)' }).int('must be a whole number of days (0 keeps dead letters)').min(0, 'must be 0 (keep dead letters) or a number of days').optional(),
  ),
  BATON_POLICY_PATH: optionalString,
  BATON_MODELS_DIR: z.string().default('./data/models'),
  BATON_REPLIES_PATH: optionalString,
  BATON_ENGINE: z.enum(['local', 'openai']).default('local'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  BATON_OPENAI_TIMEOUT_MS: positiveInt.default(8000),
  BATON_APP_SHARED_SECRET: optionalString,
  BATON_APP_PUBLIC_KEY: optionalString,
  BATON_APP_INSTALLATION_ID: optionalString.refine((v) => v === undefined || /^\d+$/.test(v), 'must be the numeric id of the app installation (`baton doctor` shows it)'),
  BATON_ADMIN_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 24, {
    error: 'expected at least 24 characters; generate one with `openssl rand -hex 24`',
  }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

/** One line per variable for the README: name, default, meaning. */
export const CONFIG_DOCS: Record<keyof Env, string> = {
  BATON_WEBHOOK_SECRET: 'required. Signing secret of the Zendesk webhook; the service refuses to start without it.',
  BATON_WEBHOOK_SECRET_PREVIOUS: 'optional. The previous secret, accepted too while you rotate.',
  BATON_WEBHOOK_SECRETS: "optional. More signing secrets, comma-separated: every other webhook that posts here (an event-subscription webhook has its own secret).",
  PORT: 'HTTP port (3000).',
  HOST: 'bind address (0.0.0.0).',
  DATABASE_URL: 'PostgreSQL URL; when set, replaces SQLite so several replicas share one database and job queue.',
  BATON_SQLITE_PATH: 'SQLite file used when DATABASE_URL is not set (./data/baton.db).',
  ZENDESK_BASE_URL: 'API base URL, e.g. https://acme.zendesk.com (or the sandbox URL).',
  ZENDESK_SUBDOMAIN: 'alternative to ZENDESK_BASE_URL: acme for https://acme.zendesk.com.',
  ZENDESK_EMAIL: 'e-mail of the API user (an agent) whose token is used.',
  ZENDESK_API_TOKEN: 'API token (Admin Center > Apps and integrations > Zendesk API).',
  ZENDESK_RATE_LIMIT_PER_MINUTE: "your plan's API limit: 200, 400, 700 or 2500 (200). Baton keeps under it.",
  ZENDESK_TIMEOUT_MS: 'timeout of one Zendesk API call before it is retried (15000).',
  BATON_HELPDESK: 'the helpdesk this connector serves: zendesk or freshdesk (zendesk). BATON_WEBHOOK_SECRET is its webhook secret: the Zendesk signing secret, or the value of the Freshdesk rule\'s X-Baton-Webhook-Secret header.',
  FRESHDESK_BASE_URL: 'Freshdesk API base URL, e.g. https://acme.freshdesk.com (or the sandbox URL).',
  FRESHDESK_DOMAIN: 'your Freshdesk account: acme for https://acme.freshdesk.com; with FRESHDESK_BASE_URL, names the account (the tenant).',
  FRESHDESK_API_KEY: "API key of Baton's Freshdesk agent (Profile settings > View API key).",
  FRESHDESK_PLAN: "your Freshdesk plan: trial, growth, pro, enterprise, addon-1000 or addon-2000 (growth). Baton keeps under its per-minute limit and list sub-limits.",
  FRESHDESK_TIMEOUT_MS: 'timeout of one Freshdesk API call before it is retried (15000).',
  BATON_MAX_BODY_BYTES: 'largest webhook body accepted, in bytes (262144).',
  BATON_REPLAY_WINDOW_SECONDS: 'oldest signature timestamp accepted, in seconds (300).',
  BATON_IGNORE_OWN_UPDATES: "ignore webhooks caused by Baton's own API updates (true).",
  BATON_WORKER_CONCURRENCY: 'jobs processed at once per process (4).',
  BATON_JOB_MAX_ATTEMPTS: 'tries before a job becomes a dead letter (8).',
  BATON_JOB_LEASE_SECONDS: "how long a worker holds a job; a crashed worker's job runs again after this (60).",
  BATON_SWEEP_INTERVAL_SECONDS: 'seconds between catch-up sweeps, which find customer messages whose webhook never arrived (180; 0 turns the sweep off). One also runs at start.',
  BATON_RETENTION_DAYS: 'days finished jobs, webhook events and kept raw webhook bodies are kept before the service deletes them (30; 0 keeps them). Queued and running jobs, and the newest message of each ticket, always stay.',
  BATON_DEAD_LETTER_RETENTION_DAYS: 'days a dead letter is kept after it died, for `baton jobs` and its retry (90, or BATON_RETENTION_DAYS when longer, or 0 when that is 0; 0 keeps them); never shorter than BATON_RETENTION_DAYS.',
  BATON_POLICY_PATH: 'triage policy YAML (the shipped connector/policy/baton.policy.yaml).',
  BATON_MODELS_DIR: 'per-tenant intent models written by `baton train` (./data/models).',
  BATON_REPLIES_PATH: 'reply templates for automated answers (the shipped connector/policy/replies.yaml).',
  BATON_ENGINE: 'intent engine: local or openai (local).',
  OPENAI_API_KEY: 'API key for the openai engine.',
  OPENAI_BASE_URL: 'OpenAI-compatible base URL (OpenAI itself when unset).',
  OPENAI_MODEL: 'model name for the openai engine (gpt-4o-mini).',
  BATON_OPENAI_TIMEOUT_MS: 'timeout of one model call before falling back to local (8000).',
  BATON_APP_SHARED_SECRET: "the Zendesk app's shared secret, verifying sidebar requests (JWT).",
  BATON_APP_PUBLIC_KEY: "the Zendesk app's public key (PEM, or a path to it; the README's app section says where to read it): verifies who opened the Baton page; unset, admin actions are off.",
  BATON_APP_INSTALLATION_ID: 'optional. The app installation id; Zendesk-signed tokens for any other installation are refused.',
  BATON_ADMIN_TOKEN: 'Bearer token for the operator endpoint /api/jobs (at least 24 characters, its own secret); unset: the endpoint is off.',
  LOG_LEVEL: 'pino log level (info).',
};
