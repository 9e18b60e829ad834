import { useRef } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';

/** Asks before a change that is hard to undo; resolves true when the person confirmed. */
export async function confirmed(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
  return confirm;
}

/** A short success message (WeChat cuts a toast with an icon at 7 characters). */
export function toastDone(title: string): void {
  void Taro.showToast({ title, icon: 'success' });
}

/** Runs `refresh` each time the page shows again (coming back from a detail page), not on its first show. */
export function useRefreshOnShow(refresh: () => void): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) refresh();
    shownBefore.current = true;
  });
}
