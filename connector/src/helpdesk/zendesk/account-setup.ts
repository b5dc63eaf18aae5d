/**
 * Reads of how a Zendesk account is set up for Baton — the webhook, the triggers, the app
 * installation, Help Center, the plan's rate limit — for `baton doctor`. Paths and shapes:
 * Support API (triggers, users, groups: shared/zendesk/oas.yaml), Webhooks API (list, signing
 * secret, test), Apps API (installations, public key) and Help Center API (articles by
 * locale), which the OpenAPI file does not cover.
 */
import { BatonError } from '../../errors.js';
import type { ZendeskGateway } from './gateway.js';

export interface ZdWebhook {
  id: string;
  name: string;
  status: string;
  endpoint: string;
  subscriptions?: string[];
}

export interface ZdTriggerCondition {
  field: string;
  operator: string;
  value?: unknown;
}

export interface ZdTrigger {
  id: number;
  title: string;
  active: boolean;
  conditions: { all?: ZdTriggerCondition[]; any?: ZdTriggerCondition[] };
  actions: { field: string; value: unknown }[];
}

export interface ZdAppInstallation {
  id: number;
  app_id: number;
  enabled: boolean;
  settings?: Record<string, unknown>;
}

/** A 403 or 404 answered as a value, so a check can say what the role or plan lacks. */
export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

async function answer<T>(read: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (err) {
    const status = (err as BatonError).details?.httpStatus;
    if (typeof status === 'number' && status >= 400 && status < 500) return { ok: false, status, message: (err as Error).message };
    throw err;
  }
}

/** Where an admin reads a value Baton needs, for the messages that tell them (one place for API paths). */
export const WHERE_TO_READ = {
  appPublicKey: (appId: number | string = '{app_id}') => `GET /api/v2/apps/${appId}/public_key.pem`,
  webhookSecret: (webhookId: string = '{id}') => `GET /api/v2/webhooks/${webhookId}/signing_secret`,
} as const;

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

export const listWebhooks = (g: ZendeskGateway) => answer(() => collect(g.paginate<ZdWebhook>('/api/v2/webhooks', 'webhooks')));

export const webhookSigningSecret = (g: ZendeskGateway, id: string) => answer(() => g.getWebhookSigningSecret(id).then((s) => s.secret));

export const listTriggers = (g: ZendeskGateway) => answer(() => collect(g.paginate<ZdTrigger>('/api/v2/triggers', 'triggers')));

export const listAppInstallations = (g: ZendeskGateway) =>
  answer(() => g.request<{ installations: ZdAppInstallation[] }>('GET', '/api/v2/apps/installations').then((r) => r.installations));

/** `GET /api/v2/apps/{app_id}/public_key.pem`: the key Zendesk signs the app's signed URLs with. */
export async function appPublicKeyPem(g: ZendeskGateway, appId: number): Promise<Answer<string>> {
  const res = await g.raw('GET', `/api/v2/apps/${appId}/public_key.pem`);
  return res.status === 200 ? { ok: true, value: res.text } : { ok: false, status: res.status, message: `Zendesk answered ${res.status}` };
}

/** Articles in one Help Center locale (`GET /api/v2/help_center/{locale}/articles`): the count. */
export async function helpCenterArticleCount(g: ZendeskGateway, locale: string): Promise<Answer<number>> {
  const res = await g.raw('GET', `/api/v2/help_center/${encodeURIComponent(locale)}/articles?per_page=1`);
  if (res.status !== 200) return { ok: false, status: res.status, message: `Zendesk answered ${res.status}` };
  const body = JSON.parse(res.text) as { count?: number; articles?: unknown[] };
  return { ok: true, value: typeof body.count === 'number' ? body.count : (body.articles?.length ?? 0) };
}

/** The account's API limit per minute, from the `X-Rate-Limit` header Zendesk sends on every answer. */
export async function planRateLimit(g: ZendeskGateway): Promise<number | null> {
  const res = await g.raw('GET', '/api/v2/users/me');
  const v = Number(res.headers.get('x-rate-limit') ?? res.headers.get('ratelimit-limit'));
  return Number.isFinite(v) && v > 0 ? v : null;
}

export interface WebhookTestResult {
  status: number;
  body: string;
}

/**
 * `POST /api/v2/webhooks/test?webhook_id={id}`: Zendesk sends one request to the endpoint,
 * signed with that webhook's secret, and answers what the endpoint answered.
 */
export const testWebhook = (g: ZendeskGateway, webhook: ZdWebhook, payload: string) =>
  answer(() =>
    g
      .request<{ response: { status: number; body?: string } }>('POST', `/api/v2/webhooks/test?webhook_id=${encodeURIComponent(webhook.id)}`, {
        webhook: { endpoint: webhook.endpoint, http_method: 'POST', request_format: 'json' },
        request: { payload },
      })
      .then((r): WebhookTestResult => ({ status: r.response.status, body: r.response.body ?? '' })),
  );
