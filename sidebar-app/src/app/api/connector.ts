/**
 * Calls to the Baton connector, always through Zendesk's request proxy (`secure: true`):
 * the proxy fills in the secure `shared_secret` setting and signs an HS256 JWT with it, so
 * the secret never reaches the browser. The token names the account (`iss`, the Zendesk
 * subdomain), the agent (`sub`, `name`) and the audience the connector expects.
 *
 * Those claims are the browser's to choose, so admin calls (/api/admin/...) also carry the
 * session the connector put in the nav_bar page after verifying Zendesk's signed token
 * (connector/src/sidebar-api/nav-bar-page.ts); the connector checks the role with Zendesk.
 */
import type {
  AnalyticsSummary,
  DeadLetterView,
  FlagKind,
  FlagView,
  RolloutChange,
  RolloutChangeResult,
  RolloutView,
  ShadowReportView,
  TicketView,
} from '../../../../connector/src/sidebar-api/types';
import type { ZafClient, ZafRequestFailure } from '../zaf/types';

// The app reads the connector's own response types: one definition, type-checked on both sides.
export type * from '../../../../connector/src/sidebar-api/types';

/** The meta tag the connector writes into the signed nav_bar page (ADMIN_SESSION_META). */
const ADMIN_SESSION_META = 'baton-admin-session';

function adminSession(): string | null {
  if (typeof document === 'undefined') return null;
  return document.querySelector(`meta[name="${ADMIN_SESSION_META}"]`)?.getAttribute('content') || null;
}

/** Same as the connector's MAX_TOKEN_AGE_SECONDS: it refuses anything longer-lived. */
const TOKEN_EXPIRY_SECONDS = 3600;

export type ConnectorErrorKind = 'not_configured' | 'unreachable' | 'timeout' | 'auth' | 'not_found' | 'conflict' | 'invalid' | 'server';

/**
 * How long one call may take before the app gives up. Zendesk's proxy would wait longer; a
 * hung connector should not leave the agent watching dots, and every route answers in well
 * under a second when the connector is healthy. The loading state counts towards it.
 */
export const REQUEST_TIMEOUT_MS = 8_000;

/** A failure the UI can explain: what went wrong and, for setup problems, what to check. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
    /** Values for the app's translation of `code` (the connector's `error.params`). */
    readonly params: Record<string, string | number> | null = null,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; params?: Record<string, string | number> };
}

function parseBody(f: ZafRequestFailure): ErrorBody | null {
  if (f.responseJSON && typeof f.responseJSON === 'object') return f.responseJSON as ErrorBody;
  try {
    return f.responseText ? (JSON.parse(f.responseText) as ErrorBody) : null;
  } catch {
    return null;
  }
}

/** Map a proxy failure to what it means for the agent. */
export function toConnectorError(failure: unknown): ConnectorError {
  if (failure instanceof ConnectorError) return failure;
  const f = (failure ?? {}) as ZafRequestFailure;
  const status = typeof f.status === 'number' ? f.status : 0;
  const body = parseBody(f);
  const code = body?.error?.code ?? null;
  const message = body?.error?.message ?? f.statusText ?? 'No answer';
  const params = body?.error?.params ?? null;
  // Only an answer in the connector's own error shape proves the connector answered;
  // anything else (no status, a proxy's 502/504 page, a timeout) means it was not reached.
  // A timeout is told apart (jQuery's statusText 'timeout', the fetch 'aborted due to
  // timeout', a gateway's 504): the connector may be up but hung.
  if (!code) return new ConnectorError(status === 504 || /time(d)?\s?out|aborted/i.test(f.statusText ?? '') ? 'timeout' : 'unreachable', message, status || null);
  if (status === 401 || status === 403) return new ConnectorError('auth', message, status, code, params);
  if (status === 404) return new ConnectorError('not_found', message, status, code, params);
  if (status === 409) return new ConnectorError('conflict', message, status, code, params);
  if (status >= 400 && status < 500) return new ConnectorError('invalid', message, status, code, params);
  return new ConnectorError('server', message, status, code, params);
}

export interface ConnectorApi {
  /** The `connector_url` setting, shown in error states so the admin knows what to check. */
  baseUrl: string;
  ticket(id: string | number): Promise<TicketView>;
  returnToAutomation(id: string | number, note: string): Promise<{ state: 'returned'; tags: string[] }>;
  flag(id: string | number, input: { kind: FlagKind; comment?: string; attemptId?: number }): Promise<{ flag: FlagView }>;
  summary(range: { from: string; to: string }): Promise<AnalyticsSummary>;
  flags(): Promise<{ flags: FlagView[] }>;
  deadLetters(): Promise<{ deadLetters: DeadLetterView[] }>;
  /** Give a dead letter another full set of attempts. */
  retryDeadLetter(id: number): Promise<{ status: 'queued' }>;
  /** The off / shadow / live switches of the policy the connector runs. */
  rollout(): Promise<RolloutView>;
  /** Change one switch; the connector validates it, writes the policy and answers the new switches. */
  changeRollout(change: RolloutChange): Promise<RolloutChangeResult>;
  /** Shadow decisions next to what agents did (the connector reads Zendesk for it). */
  shadow(range: { from: string; to: string }): Promise<ShadowReportView>;
}

export async function createConnectorApi(client: ZafClient): Promise<ConnectorApi> {
  const [metadata, context, user] = await Promise.all([client.metadata(), client.context(), client.get(['currentUser.id', 'currentUser.name'])]);
  const raw = metadata.settings['connector_url'];
  const baseUrl = typeof raw === 'string' ? raw.trim().replace(/\/+$/, '') : '';
  const agentId = String(user['currentUser.id'] ?? '');
  const agentName = String(user['currentUser.name'] ?? '');
  const session = adminSession();

  async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    if (!/^https?:\/\//.test(baseUrl)) throw new ConnectorError('not_configured', 'The connector URL setting is empty or not a URL.');
    try {
      return await client.request<T>({
        url: `${baseUrl}${path}`,
        type: method,
        dataType: 'json',
        contentType: 'application/json',
        ...(body === undefined ? {} : { data: JSON.stringify(body) }),
        headers: { Authorization: 'Bearer {{jwt.token}}', ...(session && path.startsWith('/api/admin/') ? { 'X-Baton-Admin-Session': session } : {}) },
        secure: true,
        cors: false,
        timeout: REQUEST_TIMEOUT_MS,
        jwt: {
          algorithm: 'HS256',
          secret_key: '{{setting.shared_secret}}',
          expiry: TOKEN_EXPIRY_SECONDS,
          claims: { iss: context.account.subdomain, aud: 'baton-sidebar', sub: agentId, name: agentName, iat: Math.floor(Date.now() / 1000) },
        },
      });
    } catch (err) {
      throw toConnectorError(err);
    }
  }

  const enc = (v: string | number) => encodeURIComponent(String(v));
  return {
    baseUrl,
    ticket: (id) => call('GET', `/api/sidebar/tickets/${enc(id)}`),
    returnToAutomation: (id, note) => call('POST', `/api/sidebar/tickets/${enc(id)}/return`, note.trim() ? { note: note.trim() } : {}),
    flag: (id, input) => call('POST', `/api/sidebar/tickets/${enc(id)}/flags`, input),
    summary: (range) => call('GET', `/api/analytics/summary?${new URLSearchParams(range)}`),
    flags: () => call('GET', '/api/analytics/flags'),
    deadLetters: () => call('GET', '/api/analytics/dead-letters'),
    retryDeadLetter: (id) => call('POST', `/api/admin/dead-letters/${enc(id)}/retry`, {}),
    rollout: () => call('GET', '/api/admin/rollout'),
    changeRollout: (change) => call('PUT', '/api/admin/rollout', change),
    shadow: (range) => call('GET', `/api/admin/shadow?${new URLSearchParams(range)}`),
  };
}
