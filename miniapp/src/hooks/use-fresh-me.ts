import { useDidShow } from '@tarojs/taro';
import { getMe } from '../api/me';
import { useAuthStore } from '../stores/auth';

/** Re-reads `GET /me` each time the page shows: roles and scopes can change after login. */
export function useFreshMe(): void {
  useDidShow(() => {
    if (!useAuthStore.getState().tokens) return;
    // On failure the stored profile stays on screen; an ended session is handled by the request layer.
    getMe().then(useAuthStore.getState().setMe, () => undefined);
  });
}
