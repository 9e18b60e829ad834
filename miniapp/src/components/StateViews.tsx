import type { ReactNode } from 'react';
import { Button, View } from '@tarojs/components';
import { errorMessage } from '../api/api-error';
import type { AsyncState } from '../hooks/use-async';
import { goToLogin } from '../routes';

export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='state'>
      <View className='state__hint'>{text}</View>
    </View>
  );
}

export function EmptyState({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <View className='state'>
      <View className='state__title'>{title}</View>
      {hint && <View className='state__hint'>{hint}</View>}
      {children}
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <View className='state state--error'>
      <View className='state__title'>加载失败</View>
      <View className='state__hint'>{errorMessage(error)}</View>
      <Button className='btn btn--primary' onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

export function LoginPrompt({ hint = '登录后才能查看这里的内容' }: { hint?: string }) {
  return (
    <EmptyState title='您还没有登录' hint={hint}>
      <Button className='btn btn--primary' onClick={() => goToLogin()}>
        去登录
      </Button>
    </EmptyState>
  );
}

interface AsyncContentProps<T> {
  state: AsyncState<T> & { reload: () => void };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading, error (with 重试), empty, or the data: the four states every remote list has. */
export function AsyncContent<T>({ state, isEmpty, empty, children }: AsyncContentProps<T>) {
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={state.reload} />;
  if (isEmpty?.(state.data)) return <>{empty}</>;
  return <>{children(state.data)}</>;
}
