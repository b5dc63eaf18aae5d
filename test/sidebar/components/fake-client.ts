/**
 * An in-memory ZAF client for component tests: the context, settings and user Zendesk
 * would give, and a `request` that routes to test handlers. It records every request and
 * invoke, so tests can check exactly what the app asked Zendesk to do. (The real SDK and
 * its postMessage protocol are exercised by test/browser.)
 */
import type { ZafClient, ZafRequestOptions } from '../../../sidebar-app/src/app/zaf/types';

export type Handler = (options: ZafRequestOptions) => unknown;

/** The fake: a ZafClient (checked with `satisfies` below) plus what tests inspect. */
export type FakeClient = ReturnType<typeof fakeClient>;

type Listener = (data: unknown) => void;

export interface FakeClientOptions {
  location?: 'ticket_sidebar' | 'nav_bar';
  ticketId?: number;
  settings?: Record<string, string>;
  locale?: string;
  /** `currentUser.role`: 'agent' unless a test plays an admin. */
  role?: string;
  colorScheme?: 'light' | 'dark' | null;
  /** `METHOD path` (path without the connector URL and query) → answer, or a function. */
  routes?: Record<string, unknown | Handler>;
}

/** What a request through Zendesk's proxy rejects with when the server answered an error. */
export function failure(status: number, body?: unknown) {
  return { status, statusText: String(status), responseText: body === undefined ? '' : JSON.stringify(body), responseJSON: body };
}

export function fakeClient(o: FakeClientOptions = {}) {
  const handlers = new Map<string, Listener[]>();
  const settings = o.settings ?? { connector_url: 'https://baton.example.com' };
  const values: Record<string, unknown> = {
    'currentUser.id': 9001,
    'currentUser.name': 'Ada Agent',
    'currentUser.locale': o.locale ?? 'en-US',
    'currentUser.role': o.role ?? 'agent',
  };
  if (o.colorScheme !== null) values.colorScheme = o.colorScheme ?? 'light';
  const requests: ZafRequestOptions[] = [];
  const invokes: { name: string; args: unknown[] }[] = [];
  const client = {
    requests,
    invokes,
    context: async () => ({ product: 'support', location: o.location ?? 'ticket_sidebar', account: { subdomain: 'acme' }, ...(o.ticketId === undefined ? { ticketId: 42 } : { ticketId: o.ticketId }) }),
    metadata: async () => ({ settings }),
    async get(path: string | string[]) {
      const paths = Array.isArray(path) ? path : [path];
      const missing = paths.filter((p) => !(p in values));
      if (!Array.isArray(path) && missing.length) throw new Error(`"${path}" Could not find path`);
      return Object.fromEntries(paths.filter((p) => p in values).map((p) => [p, values[p]]));
    },
    async invoke(name: string, ...args: unknown[]) {
      invokes.push({ name, args });
      return {};
    },
    on(event: string, handler: Listener) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
    off(event: string, handler: Listener) {
      handlers.set(event, (handlers.get(event) ?? []).filter((h) => h !== handler));
    },
    emit(event: string, data: unknown) {
      for (const h of handlers.get(event) ?? []) h(data);
    },
    async request<T>(options: ZafRequestOptions): Promise<T> {
      requests.push(options);
      const url = new URL(options.url);
      const key = `${options.type ?? 'GET'} ${url.pathname}`;
      const route = o.routes?.[key];
      if (route === undefined) throw failure(404, { error: { code: 'NOT_FOUND', message: `no route ${key}` } });
      return (typeof route === 'function' ? await (route as Handler)(options) : route) as T;
    },
  };
  // Checked against the app's ZafClient type by sidebar-app/tsconfig.json.
  const asZaf: ZafClient = client;
  void asZaf;
  return client;
}
