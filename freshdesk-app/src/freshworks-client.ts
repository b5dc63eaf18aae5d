/**
 * The Baton sidebar's components talk to their host through one small client interface
 * (sidebar-app/src/app/zaf/types.ts: context, metadata, get, invoke, on, request). In
 * Zendesk the ZAF SDK is that client; in Freshdesk this adapter is, over the Freshworks
 * client. So both helpdesks run the same React components from one source.
 *
 * What maps to what:
 * - context(): the ticket id from `data.get('ticket')`, the account from
 *   `data.get('domainName')` ("acme.freshdesk.com" → "acme", the `iss` the connector
 *   expects from a sidebar token);
 * - metadata().settings: the non-secure iparams (`connector_url`);
 * - get('currentUser.*'): `data.get('loggedInUser')` (id, contact.name, contact.language);
 * - invoke('resize'): `instance.resize`, capped at 700 px as Freshworks caps it;
 * - request(): not a browser request — the server method `connectorCall` signs the token
 *   with the secure shared secret and calls the connector through a request template.
 */
import type { ZafClient, ZafContext, ZafMetadata, ZafRequestFailure, ZafRequestOptions } from '../../sidebar-app/src/app/zaf/types';
import type { FreshworksClient } from './freshworks';

const MAX_HEIGHT = 700;

export function freshworksHostClient(fw: FreshworksClient): ZafClient {
  let context: Promise<ZafContext> | undefined;
  let settings: Promise<ZafMetadata> | undefined;
  let user: Promise<Record<string, any>> | undefined;
  const loggedInUser = () => (user ??= fw.data.get('loggedInUser').then((d) => d.loggedInUser ?? {}));

  const client: ZafClient = {
    context: () =>
      (context ??= Promise.all([fw.data.get('ticket'), fw.data.get('domainName')]).then(([t, d]) => ({
        product: 'freshdesk',
        location: 'ticket_sidebar',
        account: { subdomain: String(d.domainName ?? '').split('.')[0]!.toLowerCase() },
        ticketId: Number(t.ticket?.id),
      }))),
    metadata: () => (settings ??= fw.iparams.get().then((p) => ({ settings: { connector_url: typeof p.connector_url === 'string' ? p.connector_url : '' } }))),
    async get(path) {
      const paths = Array.isArray(path) ? path : [path];
      const out: Record<string, unknown> = {};
      for (const p of paths) {
        if (!p.startsWith('currentUser.')) continue; // colorScheme and others: Freshdesk has no equivalent
        const u = await loggedInUser();
        if (p === 'currentUser.id') out[p] = u.id;
        if (p === 'currentUser.name') out[p] = u.contact?.name ?? '';
        if (p === 'currentUser.locale') out[p] = u.contact?.language ?? 'en';
      }
      return out;
    },
    async invoke(name, ...args) {
      if (name !== 'resize') return undefined;
      const height = parseInt(String((args[0] as { height?: string } | undefined)?.height ?? '0'), 10);
      fw.instance.resize({ height: `${Math.min(MAX_HEIGHT, Math.max(0, height))}px` });
      return undefined;
    },
    on() {
      // The only event the components follow is Zendesk's colorScheme.changed.
    },
    async request<T>(options: ZafRequestOptions): Promise<T> {
      const base = (await client.metadata()).settings.connector_url as string;
      const path = options.url.startsWith(base) ? options.url.slice(base.length) : options.url;
      const body = options.data ? (JSON.parse(options.data) as unknown) : undefined;
      const claims = options.jwt?.claims ?? {};
      let answer: { status?: number; body?: string };
      try {
        answer = ((await fw.request.invoke('connectorCall', { method: options.type ?? 'GET', path, body, claims })).response ?? {}) as typeof answer;
      } catch (err) {
        throw { status: 0, statusText: (err as { message?: string })?.message ?? 'The app server did not answer' } satisfies ZafRequestFailure;
      }
      const status = answer.status ?? 0;
      if (status >= 200 && status < 300) return (answer.body ? JSON.parse(answer.body) : undefined) as T;
      throw { status, responseText: answer.body ?? '' } satisfies ZafRequestFailure;
    },
  };
  return client;
}
