/**
 * Stand-in for `@tarojs/taro` in jsdom: the real package only gets its APIs inside a Taro build.
 * Network, storage and navigation are jest mocks; storage keeps values in memory like the real one.
 */
import { useEffect } from 'react';

// Kept on globalThis like a device's storage outlives the app: a test that reloads modules
// (jest.isolateModules, i.e. "the app started again") still finds what was written before.
const globalStore = globalThis as { __taroMockStorage?: Map<string, unknown> };
const storage = (globalStore.__taroMockStorage ??= new Map<string, unknown>());

const Taro = {
  request: jest.fn(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  getCurrentPages: jest.fn((): { route: string }[] => []),
  navigateTo: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  setNavigationBarTitle: jest.fn(() => Promise.resolve()),
  switchTab: jest.fn(() => Promise.resolve()),
  showToast: jest.fn(() => Promise.resolve()),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  login: jest.fn(() => Promise.resolve({ code: 'wx-login-code', errMsg: 'login:ok' })),
  previewImage: jest.fn(() => Promise.resolve()),
  /** Picks nothing unless a test says what the person chose. */
  chooseImage: jest.fn((): Promise<{ tempFilePaths: string[] }> => Promise.reject({ errMsg: 'chooseImage:fail cancel' })),
  uploadFile: jest.fn(),
  // Used by @tarojs/components internals.
  eventCenter: { on: jest.fn(), off: jest.fn(), trigger: jest.fn() },
};

/** Page lifecycle hooks: in a test the page is shown once, when it mounts. */
const onMount = (callback: () => void) => useEffect(() => callback(), []);
export const useDidShow = onMount;
export const useLoad = onMount;
export const useLaunch = onMount;
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string | undefined> }));

/** Clears storage and every mock's calls and implementations back to the defaults above. */
export function resetTaroMock(): void {
  storage.clear();
  for (const fn of Object.values(Taro)) {
    if (typeof fn === 'function' && 'mockClear' in fn) (fn as jest.Mock).mockClear();
  }
  Taro.request.mockReset();
  Taro.uploadFile.mockReset();
  Taro.chooseImage.mockImplementation(() => Promise.reject({ errMsg: 'chooseImage:fail cancel' }));
  Taro.getCurrentPages.mockImplementation(() => []);
  Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }));
  useRouter.mockImplementation(() => ({ params: {} }));
}

export default Taro;
