import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: unknown };

/** Runs `load` when `deps` change; `reload` runs it again (the 重试 button). Late answers of older runs are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const latestRun = useRef(0);
  // Callers list what `load` depends on, as with useEffect.
  const run = useCallback(load, deps);

  const reload = useCallback(() => {
    const id = ++latestRun.current;
    setState({ status: 'loading' });
    run().then(
      (data) => id === latestRun.current && setState({ status: 'success', data }),
      (error: unknown) => id === latestRun.current && setState({ status: 'error', error }),
    );
  }, [run]);

  useEffect(reload, [reload]);
  return { ...state, reload };
}
