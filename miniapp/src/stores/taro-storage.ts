import Taro from '@tarojs/taro';
import { createJSONStorage } from 'zustand/middleware';

/**
 * zustand persistence over Taro's synchronous storage (wx storage in weapp, localStorage in H5).
 * Being synchronous, stores are hydrated before the first render and the first request.
 */
export const taroStorage = createJSONStorage(() => ({
  getItem: (name: string) => {
    const value: unknown = Taro.getStorageSync(name);
    return typeof value === 'string' && value !== '' ? value : null;
  },
  setItem: (name: string, value: string) => Taro.setStorageSync(name, value),
  removeItem: (name: string) => Taro.removeStorageSync(name),
}));
