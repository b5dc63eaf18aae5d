/**
 * Load-once data with the three states every screen shows: loading, loaded, failed.
 * `reload()` runs the loader again (after an action, or from the error state's retry).
 * While a new loader runs over loaded data (another period, say), the old data stays on
 * screen and `refreshing` is true, so the page can say the figures are about to change.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { toConnectorError, type ConnectorError } from '../api/connector';

export type Load<T> = { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'failed'; error: ConnectorError };

export function useLoad<T>(loader: (() => Promise<T>) | null): Load<T> & { reload(): void; refreshing: boolean } {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    if (!loader) return;
    const run = ++latest.current;
    setState((s) => (s.status === 'loaded' ? s : { status: 'loading' }));
    setRefreshing(true);
    const settle = (next: Load<T>) => {
      if (run !== latest.current) return;
      setState(next);
      setRefreshing(false);
    };
    loader().then(
      (data) => settle({ status: 'loaded', data }),
      (err) => settle({ status: 'failed', error: toConnectorError(err) }),
    );
  }, [loader, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload, refreshing: refreshing && state.status === 'loaded' };
}
