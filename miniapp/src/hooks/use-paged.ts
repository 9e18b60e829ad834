import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Paged } from '@hall-menu/shared';

export type PagedState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'success';
      items: T[];
      total: number;
      /** The last page fetched. */
      page: number;
      /** A 加载更多 in flight. */
      loadingMore: boolean;
      /** Why the last 加载更多 failed; the list already shown stays. */
      moreError: unknown;
    };

export interface PagedList<T> {
  state: PagedState<T>;
  hasMore: boolean;
  /** Starts again from page 1 (重试, or coming back to the page). */
  reload: () => void;
  /**
   * Page 1 again without the loading state (something new arrived while the list is open): new items go on top and
   * the pages already shown stay. A failure leaves the list as it was.
   */
  refresh: () => void;
  /** Appends the next page (the 加载更多 button). */
  loadMore: () => void;
}

/**
 * A list fetched page by page: page 1 when `deps` change, the next page on `loadMore`.
 * Answers of a superseded run (the filters changed meanwhile) are dropped.
 */
export function usePagedList<T>(
  load: (page: number) => Promise<Paged<T>>,
  keyOf: (item: T) => string | number,
  deps: DependencyList,
): PagedList<T> {
  const [state, setState] = useState<PagedState<T>>({ status: 'loading' });
  const latestRun = useRef(0);
  // Callers list what `load` depends on, as with useEffect.
  const fetchPage = useCallback(load, deps);

  const reload = useCallback(() => {
    const id = ++latestRun.current;
    setState({ status: 'loading' });
    fetchPage(1).then(
      (first) =>
        id === latestRun.current &&
        setState({ status: 'success', items: first.items, total: first.total, page: 1, loadingMore: false, moreError: null }),
      (error: unknown) => id === latestRun.current && setState({ status: 'error', error }),
    );
  }, [fetchPage]);

  useEffect(reload, [reload]);

  const refresh = useCallback(() => {
    // Not a run of its own: a 加载更多 in flight still lands, and a reload meanwhile wins.
    const id = latestRun.current;
    fetchPage(1).then(
      (first) =>
        id === latestRun.current &&
        setState((current) => {
          if (current.status !== 'success') return { status: 'success', items: first.items, total: first.total, page: 1, loadingMore: false, moreError: null };
          const fresh = new Set(first.items.map(keyOf));
          return { ...current, items: [...first.items, ...current.items.filter((item) => !fresh.has(keyOf(item)))], total: first.total };
        }),
      () => undefined,
    );
    // keyOf is a pure accessor; it does not need to be a dependency.
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (state.status !== 'success' || state.loadingMore) return;
    const id = latestRun.current;
    const nextPage = state.page + 1;
    setState({ ...state, loadingMore: true, moreError: null });
    fetchPage(nextPage).then(
      (next) =>
        id === latestRun.current &&
        setState((current) =>
          current.status === 'success'
            ? {
                ...current,
                // An item that moved between pages while paging must not show twice.
                items: [...current.items, ...next.items.filter((item) => !current.items.some((known) => keyOf(known) === keyOf(item)))],
                total: next.total,
                page: nextPage,
                loadingMore: false,
              }
            : current,
        ),
      (error: unknown) =>
        id === latestRun.current && setState((current) => (current.status === 'success' ? { ...current, loadingMore: false, moreError: error } : current)),
    );
    // keyOf is a pure accessor; it does not need to be a dependency.
  }, [state, fetchPage]);

  const hasMore = state.status === 'success' && state.items.length < state.total;
  return { state, hasMore, reload, refresh, loadMore };
}
