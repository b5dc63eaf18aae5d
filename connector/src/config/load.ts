/**
 * Read configuration once, from an env object passed in (so tests pass their own),
 * and fail with one message that names every wrong variable and how to fix it.
 */
import { BatonError } from '../errors.js';
import type { z } from 'zod';
import { envSchema, type Env } from './schema.js';

export interface Config extends Env {
  /** Resolved Zendesk API base URL, if a helpdesk is configured. */
  zendeskUrl?: string;
  /** The subdomain of the Zendesk account served (ZENDESK_SUBDOMAIN, or the host of ZENDESK_BASE_URL), when it names one. */
  zendeskSubdomain?: string;
  /** Every webhook signing secret accepted: current, previous, then the list, without repeats. */
  webhookSecrets: string[];
  /** Resolved Freshdesk API base URL and account (`acme`), when BATON_HELPDESK=freshdesk. */
  freshdeskUrl?: string;
  freshdeskAccount?: string;
  /** Resolved retention periods in days (0 keeps rows for ever). */
  retention: Retention;
}

export interface Retention {
  /** Finished jobs, webhook events and kept raw webhook bodies. */
  days: number;
  deadLetterDays: number;
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const d = parseEnv(envSchema, env);
  const cfg: Config = { ...d, retention: checkRetention(d), webhookSecrets: [...new Set([d.BATON_WEBHOOK_SECRET, ...(d.BATON_WEBHOOK_SECRET_PREVIOUS ? [d.BATON_WEBHOOK_SECRET_PREVIOUS] : []), ...d.BATON_WEBHOOK_SECRETS])] };
  cfg.zendeskUrl = cfg.ZENDESK_BASE_URL ?? (cfg.ZENDESK_SUBDOMAIN ? `https://${cfg.ZENDESK_SUBDOMAIN}.zendesk.com` : undefined);
  cfg.zendeskSubdomain = cfg.ZENDESK_SUBDOMAIN?.toLowerCase() ?? /^https?:\/\/([a-z0-9-]+)\.zendesk\.com(?:[:/]|$)/i.exec(cfg.zendeskUrl ?? '')?.[1]?.toLowerCase();
  if (cfg.zendeskUrl && (!cfg.ZENDESK_EMAIL || !cfg.ZENDESK_API_TOKEN)) {
    throw new BatonError(
      'CONFIG_INVALID',
      'Configuration is invalid:\n  ZENDESK_EMAIL and ZENDESK_API_TOKEN: both are required when ZENDESK_BASE_URL or ZENDESK_SUBDOMAIN is set (API token authentication).',
      { details: { variables: ['ZENDESK_EMAIL', 'ZENDESK_API_TOKEN'] } },
    );
  }
  if (cfg.BATON_HELPDESK === 'freshdesk') {
    const account = cfg.FRESHDESK_DOMAIN?.toLowerCase().replace(/\.freshdesk\.com$/, '');
    cfg.freshdeskUrl = cfg.FRESHDESK_BASE_URL ?? (account ? `https://${account}.freshdesk.com` : undefined);
    cfg.freshdeskAccount = account ?? (cfg.freshdeskUrl ? /^https?:\/\/([a-z0-9-]+)\.freshdesk\.com/i.exec(cfg.freshdeskUrl)?.[1]?.toLowerCase() : undefined);
    const missing = [!cfg.freshdeskUrl && 'FRESHDESK_DOMAIN (or FRESHDESK_BASE_URL)', !cfg.freshdeskAccount && 'FRESHDESK_DOMAIN (the account of a non-freshdesk.com FRESHDESK_BASE_URL)', !cfg.FRESHDESK_API_KEY && 'FRESHDESK_API_KEY'].filter((x): x is string => Boolean(x));
    if (missing.length > 0) {
      throw new BatonError('CONFIG_INVALID', `Configuration is invalid:\n${missing.map((m) => `  ${m}: required when BATON_HELPDESK=freshdesk.`).join('\n')}`, { details: { variables: missing } });
    }
  }
  if (cfg.BATON_ENGINE === 'openai' && !cfg.OPENAI_API_KEY && !cfg.OPENAI_BASE_URL) {
    throw new BatonError('CONFIG_INVALID', 'Configuration is invalid:\n  OPENAI_API_KEY: required when BATON_ENGINE=openai (or set OPENAI_BASE_URL to a local OpenAI-compatible server).', {
      details: { variables: ['OPENAI_API_KEY'] },
    });
  }
  const reused = (['BATON_WEBHOOK_SECRET', 'BATON_APP_SHARED_SECRET'] as const).find((k) => cfg.BATON_ADMIN_TOKEN !== undefined && cfg[k] === cfg.BATON_ADMIN_TOKEN);
  if (reused) {
    // One leaked secret must not open the others: the app's secret ships to every agent's browser settings.
    throw new BatonError('CONFIG_INVALID', `Configuration is invalid:\n  BATON_ADMIN_TOKEN: must differ from ${reused}; generate one with \`openssl rand -hex 24\`.`, {
      details: { variables: ['BATON_ADMIN_TOKEN'] },
    });
  }
  return cfg;
}

const retentionSchema = envSchema.pick({ BATON_RETENTION_DAYS: true, BATON_DEAD_LETTER_RETENTION_DAYS: true, BATON_REPLAY_WINDOW_SECONDS: true });

/** The retention settings alone, for `baton purge`, which needs no webhook secret or helpdesk. */
export function loadRetention(env: Record<string, string | undefined>): Retention {
  return checkRetention(parseEnv(retentionSchema, env));
}

/**
 * A replayed delivery is recognised by its stored event, so events must outlive the replay
 * window by far; dead letters are what an admin must see and retry, so they outlive finished jobs.
 */
function checkRetention(d: z.infer<typeof retentionSchema>): Retention {
  const days = d.BATON_RETENTION_DAYS;
  if (days > 0 && days * 86_400 <= d.BATON_REPLAY_WINDOW_SECONDS) {
    throw new BatonError('CONFIG_INVALID', `Configuration is invalid:\n  BATON_RETENTION_DAYS: ${days} day(s) is within BATON_REPLAY_WINDOW_SECONDS (${d.BATON_REPLAY_WINDOW_SECONDS}); events must be kept longer than a delivery can be replayed: raise it, or set 0 to keep everything.`, {
      details: { variables: ['BATON_RETENTION_DAYS'] },
    });
  }
  const dead = d.BATON_DEAD_LETTER_RETENTION_DAYS ?? (days === 0 ? 0 : Math.max(90, days));
  if (dead > 0 && days > 0 && dead < days) {
    throw new BatonError('CONFIG_INVALID', `Configuration is invalid:\n  BATON_DEAD_LETTER_RETENTION_DAYS: ${dead} is shorter than BATON_RETENTION_DAYS (${days}); dead letters are kept at least as long as finished jobs: raise it, or set 0 to keep them.`, {
      details: { variables: ['BATON_DEAD_LETTER_RETENTION_DAYS'] },
    });
  }
  return { days, deadLetterDays: dead };
}

function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const got = env[name];
    return `  ${name}${got === undefined ? '' : ` (got "${redactValue(name, got)}")`}: ${issue.message}`;
  });
  throw new BatonError('CONFIG_INVALID', `Configuration is invalid:\n${lines.join('\n')}`, {
    details: { variables: parsed.error.issues.map((i) => i.path.join('.')) },
  });
}

/** Secrets never appear in error messages. */
function redactValue(name: string, value: string): string {
  return /SECRET|TOKEN|KEY|PASSWORD|DATABASE_URL/.test(name) ? '***' : value;
}
