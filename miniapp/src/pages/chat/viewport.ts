import { useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, usePageScroll } from '@tarojs/taro';

/** Whether the end of the conversation is on screen, above the composer (page coordinates in weapp and H5 alike). */
export function endIsVisible(): Promise<boolean> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select('#chat-end')
      .boundingClientRect()
      .select('#chat-composer')
      .boundingClientRect()
      .exec((rects: ({ top: number } | null)[]) => {
        const [end, composer] = rects;
        // Unmeasurable (page leaving): take it as visible, so nothing is held back for later.
        resolve(!end || !composer || end.top <= composer.top + 8);
      });
  });
}

/** Scrolls to the newest message, once what was just rendered is on the page. */
export function scrollToEnd(): void {
  Taro.nextTick(() => {
    Taro.pageScrollTo({ scrollTop: 1_000_000, duration: 100 }).catch(() => undefined);
  });
}

/** Calls `onSettle` after the person stopped scrolling for a moment. */
export function useScrollSettled(onSettle: () => void): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(onSettle);
  latest.current = onSettle;
  usePageScroll(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), 250);
  });
}

/** True while the page is the one on screen (false once another page covers it or the app went to the background). */
export function usePageOnScreen(): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useDidShow(() => setOnScreen(true));
  useDidHide(() => setOnScreen(false));
  return onScreen;
}
