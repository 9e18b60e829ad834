import { create } from 'zustand';
import type { SystemInfo } from '@hall-menu/shared';
import { getSystemInfo } from '../api/system';

interface SystemState {
  info: SystemInfo | null;
  /** Fetches once and shares the answer; a failed fetch is tried again on the next call. */
  load: () => Promise<SystemInfo>;
}

let loading: Promise<SystemInfo> | null = null;

export const useSystemStore = create<SystemState>()((set, get) => ({
  info: null,
  load: () => {
    const known = get().info;
    if (known) return Promise.resolve(known);
    loading ??= getSystemInfo()
      .then((info) => {
        set({ info });
        return info;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  },
}));

export const selectDemoMode = (state: SystemState) => state.info?.demoMode === true;
