/**
 * Load-once data with the three states every screen shows: loading, loaded, failed.
 * `reload()` runs the loader again (after an action, or from the error state's retry).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { toConnectorError, type ConnectorError } from '../api/connector';

export type Load<T> = { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'failed'; error: ConnectorError };

export function useLoad<T>(loader: (() => Promise<T>) | null): Load<T> & { reload(): void } {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    if (!loader) return;
    const run = ++latest.current;
    setState((s) => (s.status === 'loaded' ? s : { status: 'loading' }));
    loader().then(
      (data) => run === latest.current && setState({ status: 'loaded', data }),
      (err) => run === latest.current && setState({ status: 'failed', error: toConnectorError(err) }),
    );
  }, [loader, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
