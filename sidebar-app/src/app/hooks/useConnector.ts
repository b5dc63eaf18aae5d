/** The connector API for this iframe, built once from the app's settings and context. */
import { useEffect, useState } from 'react';
import { createConnectorApi, toConnectorError, type ConnectorApi, type ConnectorError } from '../api/connector';
import { useClient } from '../zaf/ClientProvider';

export function useConnector(): { api: ConnectorApi | null; error: ConnectorError | null } {
  const client = useClient();
  const [state, setState] = useState<{ api: ConnectorApi | null; error: ConnectorError | null }>({ api: null, error: null });
  useEffect(() => {
    let live = true;
    createConnectorApi(client).then(
      (api) => live && setState({ api, error: null }),
      (err) => live && setState({ api: null, error: toConnectorError(err) }),
    );
    return () => {
      live = false;
    };
  }, [client]);
  return state;
}
