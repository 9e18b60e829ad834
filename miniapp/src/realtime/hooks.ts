import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { RealtimeFrame } from '@hall-menu/shared';
import { realtime } from './index';

/** Calls `listener` with every frame the socket brings while the component is mounted. */
export function useRealtimeFrames(listener: (frame: RealtimeFrame) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => realtime.subscribe((frame) => latest.current(frame)), []);
}

/** Whether the socket is up (the page then shows that it polls instead). */
export function useRealtimeConnected(): boolean {
  return useSyncExternalStore(
    (notify) => realtime.onStatus(notify),
    () => realtime.connected,
  );
}
