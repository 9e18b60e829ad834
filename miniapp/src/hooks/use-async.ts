import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: unknown };

export interface AsyncHandle {
  /** Runs `load` again from the loading state (the 重试 button). */
  reload: () => void;
  /** Runs `load` again while the current data stays on screen (after an action changed it). */
  refresh: () => void;
}

/** Runs `load` when `deps` change; `reload` and `refresh` run it again. Late answers of older runs are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> & AsyncHandle {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const latestRun = useRef(0);
  // Callers list what `load` depends on, as with useEffect.
  const run = useCallback(load, deps);

  const refresh = useCallback(() => {
    const id = ++latestRun.current;
    run().then(
      (data) => id === latestRun.current && setState({ status: 'success', data }),
      (error: unknown) => id === latestRun.current && setState({ status: 'error', error }),
    );
  }, [run]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    refresh();
  }, [refresh]);

  useEffect(reload, [reload]);
  return { ...state, reload, refresh };
}
