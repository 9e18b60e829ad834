import { useEffect, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { usePrefsStore } from '../stores/prefs';
import { selectDemoMode, useSystemStore } from '../stores/system';
import { ErrorBoundary } from './ErrorBoundary';

/** On <html> in H5 while 长辈模式 is on: the tab bar is Taro's own element outside every page (see tab-bar.scss). */
export const ELDER_ROOT_CLASS = 'elder-mode';

/**
 * Wraps every page: applies 长辈模式 (the `page-shell--elder` class switches the size variables
 * in app.scss), shows the 演示 banner on a demo server, and catches rendering errors.
 */
export function PageShell({ children }: { children: ReactNode }) {
  const elderMode = usePrefsStore((state) => state.elderMode);
  const demoMode = useSystemStore(selectDemoMode);

  useEffect(() => {
    // Without system info the demo banner cannot show; a failure here is retried by the next page.
    useSystemStore.getState().load().catch(() => undefined);
  }, []);

  useEffect(() => {
    // The weapp's tab bar is WeChat's own and keeps its size (docs/decisions.md).
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle(ELDER_ROOT_CLASS, elderMode);
  }, [elderMode]);

  return (
    <View className={elderMode ? 'page-shell page-shell--elder' : 'page-shell'}>
      {demoMode && (
        <View className='demo-banner'>
          <Text className='demo-banner__badge'>演示</Text>
          <Text>演示环境，所有数据均为演示数据</Text>
        </View>
      )}
      <ErrorBoundary>{children}</ErrorBoundary>
    </View>
  );
}
