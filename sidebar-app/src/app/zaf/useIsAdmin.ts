/**
 * Whether the person looking at the app is a Zendesk admin, from `currentUser.role`
 * ('admin', 'agent', or a custom role's id on Enterprise plans; see the ZAF user object,
 * developer.zendesk.com/api-reference/apps/apps-support-api/all_locations/#user-object).
 * Only 'admin' counts: a custom role, a host that cannot answer, or the wait for the answer
 * all read as "agent", so set-up details are never shown to the wrong person. This decides
 * what an error says, nothing more; the connector checks who may change what.
 */
import { useEffect, useState } from 'react';
import { useClient } from './ClientProvider';

export function useIsAdmin(): boolean {
  const client = useClient();
  const [admin, setAdmin] = useState(false);
  useEffect(() => {
    let live = true;
    client
      .get('currentUser.role')
      .then((d) => live && setAdmin(d['currentUser.role'] === 'admin'))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client]);
  return admin;
}
