import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import { ApiError } from '../../../api/api-error';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import type { AsyncState } from '../../../hooks/use-async';

/** A refusal (403): trying again would not help, so it says why and offers the way back instead of 重试. */
export const isRefusal = (error: unknown) => error instanceof ApiError && error.status === 403;

export function RefusedState({ error }: { error: ApiError }) {
  return (
    <EmptyState title='没有权限' hint={error.message}>
      <Button className='btn' onClick={() => Taro.navigateBack().catch(() => undefined)}>
        返回
      </Button>
    </EmptyState>
  );
}

interface AdminContentProps<T> {
  state: AsyncState<T> & { reload: () => void };
  children: (data: T) => ReactNode;
}

/** Loading, a refusal, another failure (with 重试), or the data. */
export function AdminContent<T>({ state, children }: AdminContentProps<T>) {
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    return isRefusal(state.error) ? <RefusedState error={state.error as ApiError} /> : <ErrorState error={state.error} onRetry={state.reload} />;
  }
  return <>{children(state.data)}</>;
}
