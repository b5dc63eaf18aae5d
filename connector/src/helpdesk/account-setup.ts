/**
 * How a helpdesk account is set up for Baton, read for `baton doctor`: the API user, groups and
 * their agents, the webhook and its secret, the triggers, the app installation, Help Center, the
 * plan's rate limit, and a signed test delivery. Neutral shapes with string ids; the Zendesk
 * reads are in zendesk/account-setup.ts. A read the account refuses (403, 404) is answered as a
 * value, so a check can say what the API user's role lacks.
 */
export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

export interface SetupUser {
  id: string;
  name: string;
  email?: string;
  role: string;
}

export interface SetupWebhook {
  id: string;
  name: string;
  status: string;
  endpoint: string;
}

export interface SetupCondition {
  field: string;
  operator: string;
  value?: unknown;
}

export interface SetupTrigger {
  id: string;
  title: string;
  active: boolean;
  conditions: { all?: SetupCondition[]; any?: SetupCondition[] };
  actions: { field: string; value: unknown }[];
}

export interface SetupAppInstallation {
  id: string;
  appId: string;
  enabled: boolean;
  settings: Record<string, unknown>;
}

export interface AccountSetup {
  /** The account's API URL, for messages. */
  readonly baseUrl: string;
  /** The API user; throws (a BatonError with details.httpStatus) when the credentials fail. */
  me(): Promise<SetupUser>;
  groups(): Promise<{ id: string; name: string }[]>;
  memberships(): Promise<{ groupId: string; userId: string }[]>;
  /** Agents and admins (light agents and end users are not). */
  agents(): Promise<SetupUser[]>;
  webhooks(): Promise<Answer<SetupWebhook[]>>;
  webhookSecret(webhookId: string): Promise<Answer<string>>;
  triggers(): Promise<Answer<SetupTrigger[]>>;
  appInstallations(): Promise<Answer<SetupAppInstallation[]>>;
  appPublicKeyPem(appId: string): Promise<Answer<string>>;
  helpCenterArticleCount(locale: string): Promise<Answer<number>>;
  /** The plan's API limit per minute, when the helpdesk says it. */
  planRateLimit(): Promise<number | null>;
  /** The helpdesk sends one request signed with the webhook's secret and answers what the endpoint answered (status 0: unreachable). */
  testWebhook(webhook: SetupWebhook, payload: string): Promise<Answer<{ status: number; body: string }>>;
  /** Where an admin reads a value Baton needs, for the fixes the doctor prints. */
  where: { appPublicKey(appId?: string): string; webhookSecret(webhookId?: string): string };
}
