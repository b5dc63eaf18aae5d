/**
 * The ZAF client for the component tree, as in Zendesk's React scaffold: one client per
 * iframe, handed down by context and read with `useClient()`. Children render only once
 * the framework has registered the app, so every `get`/`invoke` below has a host to answer.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ZafClient, ZafContext } from './types';

const ClientContext = createContext<ZafClient | null>(null);

export function ClientProvider({ client, children, fallback = null }: { client: ZafClient; children: ReactNode; fallback?: ReactNode }) {
  const [registered, setRegistered] = useState(false);
  useEffect(() => {
    let live = true;
    // context() resolves after `app.registered` (or at once when it already happened).
    client.context().then(() => live && setRegistered(true));
    return () => {
      live = false;
    };
  }, [client]);
  if (!registered) return <>{fallback}</>;
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): ZafClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientProvider>');
  return client;
}

/** The app's context (location, account, ticket id); null until the host answers. */
export function useZafContext(): ZafContext | null {
  const client = useClient();
  const [context, setContext] = useState<ZafContext | null>(null);
  useEffect(() => {
    let live = true;
    client.context().then((c) => live && setContext(c));
    return () => {
      live = false;
    };
  }, [client]);
  return context;
}
