import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { taroStorage } from './taro-storage';

interface PrefsState {
  /** 长辈模式: larger text and controls on every page. */
  elderMode: boolean;
  setElderMode: (on: boolean) => void;
}

export const PREFS_STORAGE_KEY = 'hall-menu.prefs';

export const usePrefsStore = create<PrefsState>()(
  persist(
    (set) => ({
      elderMode: false,
      setElderMode: (on) => set({ elderMode: on }),
    }),
    { name: PREFS_STORAGE_KEY, version: 1, storage: taroStorage, partialize: ({ elderMode }) => ({ elderMode }) },
  ),
);
