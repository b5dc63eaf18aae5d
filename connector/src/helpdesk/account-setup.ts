/**
 * How a helpdesk account is set up for Baton, read for `baton doctor`: the API user, groups and
 * their agents, the webhook and its secret, the triggers, the app installation, Help Center, the
 * plan's rate limit, and a signed test delivery. Neutral shapes with string ids; the Zendesk
 * reads are in zendesk/account-setup.ts. A read the account refuses (403, 404) is answered as a
 * value, so a check can say what the API user's role lacks.
 */
import type { BatonError } from '../errors.js';

export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

/** A read whose 4xx (a role that may not, a feature that is off) is answered as a value, not thrown. */
export async function answer<T>(read: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (err) {
    const status = (err as BatonError).details?.httpStatus;
    if (typeof status === 'number' && status >= 400 && status < 500) return { ok: false, status, message: (err as Error).message };
    throw err;
  }
}

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

/**
 * A rule of a helpdesk that calls out through automation rules without signing (Freshdesk):
 * what makes it run, who must have made the change, the events and conditions it waits for,
 * and the webhooks it triggers.
 */
export interface SetupAutomationRule {
  id: string;
  name: string;
  active: boolean;
  /** `ticket_created`, `ticket_updated`, or `time` (hourly). */
  runsOn: 'ticket_created' | 'ticket_updated' | 'time';
  /** Whose change it runs on; null: anyone's. `members` are agent ids when it names agents. */
  performer: { type: 'agent' | 'requester' | 'agent_or_requester' | 'system'; members: string[] } | null;
  /** Event names, e.g. `reply_sent`, `note_type`. */
  events: string[];
  conditions: SetupCondition[];
  webhooks: { method: string; url: string; headers: Record<string, string>; contentType: string; body: string }[];
}

/** A ticket status the account offers, with Baton's neutral name for it. */
export interface SetupStatus {
  id: string;
  label: string;
  neutral: string;
}

/**
 * The reads `baton doctor` makes of a helpdesk whose automation rules call Baton (Freshdesk):
 * the API key's agent, groups and agents (admin-only lists there, so answered as values),
 * the rules, the ticket statuses, the knowledge base, the plan's limit.
 */
export interface RuleAccountSetup {
  readonly baseUrl: string;
  /** The API key's agent; throws (a BatonError with details.httpStatus) when the key fails. */
  me(): Promise<SetupUser>;
  /** True when the API key's agent may read admin-only lists (agents, groups). */
  isAdmin(): Promise<boolean>;
  groups(): Promise<{ id: string; name: string }[]>;
  memberships(): Promise<{ groupId: string; userId: string }[]>;
  agents(): Promise<SetupUser[]>;
  automationRules(): Promise<Answer<SetupAutomationRule[]>>;
  ticketStatuses(): Promise<Answer<SetupStatus[]>>;
  /** Published knowledge-base articles a keyword finds. */
  articleCount(term: string): Promise<Answer<number>>;
  /** The plan's API limit per minute, once a response said it. */
  planRateLimit(): Promise<number | null>;
  /** POSTs `body` to the connector as a rule would, with the rule's headers: what the connector answered (status 0: unreachable). */
  deliver(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }>;
}
