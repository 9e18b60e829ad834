import type { ReactNode } from 'react';
import { Button, View } from '@tarojs/components';
import { errorMessage } from '../api/api-error';
import type { PagedList } from '../hooks/use-paged';
import { ErrorState, LoadingState } from './StateViews';

interface PagedContentProps<T> {
  list: PagedList<T>;
  empty: ReactNode;
  /** Counting word for the footer: 个, 条, 项. */
  unit?: string;
  children: (items: T[]) => ReactNode;
}

/** Loading, error (with 重试), empty, or the items with a 加载更多 footer. */
export function PagedContent<T>({ list, empty, unit, children }: PagedContentProps<T>) {
  const { state } = list;
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={list.reload} />;
  if (state.items.length === 0) return <>{empty}</>;
  return (
    <>
      {children(state.items)}
      <PagedFooter list={list} unit={unit} />
    </>
  );
}

/** Under a paged list: 加载更多 (a big button, no scroll-only loading), the failure of the last try, or the end. */
export function PagedFooter<T>({ list, unit = '条' }: { list: PagedList<T>; unit?: string }) {
  const { state } = list;
  if (state.status !== 'success' || state.items.length === 0) return null;
  return (
    <View className='paged-footer'>
      {state.moreError !== null && <View className='form-error'>{errorMessage(state.moreError)}</View>}
      {list.hasMore ? (
        <>
          <View className='paged-footer__count'>
            已显示 {state.items.length} {unit}，共 {state.total} {unit}
          </View>
          <Button className='btn btn--block' disabled={state.loadingMore} onClick={list.loadMore}>
            {state.loadingMore ? '正在加载…' : '加载更多'}
          </Button>
        </>
      ) : (
        <View className='paged-footer__count'>已全部显示，共 {state.total} {unit}</View>
      )}
    </View>
  );
}
