/**
 * The Zendesk reads behind `baton doctor` (see ../account-setup.ts). Paths and shapes: Support
 * API (users, groups, triggers: shared/zendesk/oas.yaml), Webhooks API (list, signing secret,
 * test), Apps API (installations, public key) and Help Center API (articles by locale), which
 * the OpenAPI file does not cover. The plan's limit is the `X-Rate-Limit` header Zendesk sends
 * on every answer.
 */
import { answer, type AccountSetup, type Answer, type SetupAppInstallation, type SetupTrigger, type SetupUser, type SetupWebhook } from '../account-setup.js';
import { ZendeskGateway, type GatewayOptions } from './gateway.js';
import type { ZdUser } from './types.js';

interface ZdWebhook {
  id: string;
  name: string;
  status: string;
  endpoint: string;
}

interface ZdTrigger {
  id: number;
  title: string;
  active: boolean;
  conditions: SetupTrigger['conditions'];
  actions: SetupTrigger['actions'];
}

interface ZdAppInstallation {
  id: number;
  app_id: number;
  enabled: boolean;
  settings?: Record<string, unknown>;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const toUser = (u: ZdUser): SetupUser => ({ id: String(u.id), name: u.name, email: u.email, role: u.role });

export class ZendeskAccountSetup implements AccountSetup {
  constructor(private readonly gateway: ZendeskGateway) {}

  static connect(opts: GatewayOptions): ZendeskAccountSetup {
    return new ZendeskAccountSetup(new ZendeskGateway(opts));
  }

  get baseUrl(): string {
    return this.gateway.baseUrl;
  }

  readonly where = {
    appPublicKey: (appId = '{app_id}') => `GET /api/v2/apps/${appId}/public_key.pem`,
    webhookSecret: (webhookId = '{id}') => `GET /api/v2/webhooks/${webhookId}/signing_secret`,
  };

  async me() {
    return toUser(await this.gateway.me());
  }

  async groups() {
    return (await this.gateway.listGroups()).map((g) => ({ id: String(g.id), name: g.name }));
  }

  async memberships() {
    return (await this.gateway.listGroupMemberships()).map((m) => ({ groupId: String(m.group_id), userId: String(m.user_id) }));
  }

  async agents() {
    // Suspended users cannot take tickets.
    return (await this.gateway.listAgents()).filter((u) => !(u as { suspended?: boolean }).suspended).map(toUser);
  }

  webhooks() {
    return answer(async () => (await collect(this.gateway.paginate<ZdWebhook>('/api/v2/webhooks', 'webhooks'))).map((w): SetupWebhook => ({ id: w.id, name: w.name, status: w.status, endpoint: w.endpoint })));
  }

  webhookSecret(webhookId: string) {
    return answer(() => this.gateway.getWebhookSigningSecret(webhookId).then((s) => s.secret));
  }

  triggers() {
    return answer(async () => (await collect(this.gateway.paginate<ZdTrigger>('/api/v2/triggers', 'triggers'))).map((t): SetupTrigger => ({ ...t, id: String(t.id) })));
  }

  appInstallations() {
    return answer(async () =>
      (await this.gateway.request<{ installations: ZdAppInstallation[] }>('GET', '/api/v2/apps/installations')).installations.map(
        (i): SetupAppInstallation => ({ id: String(i.id), appId: String(i.app_id), enabled: i.enabled, settings: i.settings ?? {} }),
      ),
    );
  }

  async appPublicKeyPem(appId: string): Promise<Answer<string>> {
    const res = await this.gateway.raw('GET', `/api/v2/apps/${encodeURIComponent(appId)}/public_key.pem`);
    return res.status === 200 ? { ok: true, value: res.text } : { ok: false, status: res.status, message: `Zendesk answered ${res.status}` };
  }

  async helpCenterArticleCount(locale: string): Promise<Answer<number>> {
    const res = await this.gateway.raw('GET', `/api/v2/help_center/${encodeURIComponent(locale)}/articles?per_page=1`);
    if (res.status !== 200) return { ok: false, status: res.status, message: `Zendesk answered ${res.status}` };
    const body = JSON.parse(res.text) as { count?: number; articles?: unknown[] };
    return { ok: true, value: typeof body.count === 'number' ? body.count : (body.articles?.length ?? 0) };
  }

  async planRateLimit(): Promise<number | null> {
    const res = await this.gateway.raw('GET', '/api/v2/users/me');
    const v = Number(res.headers.get('x-rate-limit') ?? res.headers.get('ratelimit-limit'));
    return Number.isFinite(v) && v > 0 ? v : null;
  }

  /** `POST /api/v2/webhooks/test?webhook_id={id}`: signed with that webhook's secret. */
  testWebhook(webhook: SetupWebhook, payload: string) {
    return answer(() =>
      this.gateway
        .request<{ response: { status: number; body?: string } }>('POST', `/api/v2/webhooks/test?webhook_id=${encodeURIComponent(webhook.id)}`, {
          webhook: { endpoint: webhook.endpoint, http_method: 'POST', request_format: 'json' },
          request: { payload },
        })
        .then((r) => ({ status: r.response.status, body: r.response.body ?? '' })),
    );
  }
}
