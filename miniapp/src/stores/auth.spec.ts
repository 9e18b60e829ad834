import { managerAndVillager, tokens, villager } from '../../test/fixtures';
import Taro from '../../test/taro-mock';
import { AUTH_STORAGE_KEY, pickActiveRole, useAuthStore } from './auth';

/** A fresh copy of the store module, as after the app is closed and opened again. */
function reopenedStore(): typeof useAuthStore {
  let store!: typeof useAuthStore;
  jest.isolateModules(() => {
    store = (require('./auth') as typeof import('./auth')).useAuthStore;
  });
  return store;
}

beforeEach(() => useAuthStore.getState().signOut());

describe('auth store', () => {
  it('persists tokens, profile and active role to Taro storage and restores them on the next start', () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    useAuthStore.getState().setActiveRole('villager');

    expect(Taro.setStorageSync).toHaveBeenLastCalledWith(AUTH_STORAGE_KEY, expect.any(String));
    const restored = reopenedStore().getState();
    expect(restored.tokens).toEqual(tokens());
    expect(restored.me).toEqual(managerAndVillager);
    expect(restored.activeRole).toBe('villager');
  });

  it('forgets everything on sign-out, in storage too', () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    useAuthStore.getState().signOut();
    expect(reopenedStore().getState()).toMatchObject({ tokens: null, me: null, activeRole: null });
  });

  it('keeps refreshed tokens', () => {
    useAuthStore.getState().signIn({ tokens: tokens('1'), me: villager });
    useAuthStore.getState().setTokens(tokens('2'));
    expect(reopenedStore().getState().tokens).toEqual(tokens('2'));
  });

  it('only switches to a role the person holds', () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: villager });
    useAuthStore.getState().setActiveRole('reviewer');
    expect(useAuthStore.getState().activeRole).toBe('villager');
  });

  it('drops an active role that a fresh profile no longer has', () => {
    useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
    expect(useAuthStore.getState().activeRole).toBe('hall_manager');
    useAuthStore.getState().setMe({ ...managerAndVillager, roles: ['villager'] });
    expect(useAuthStore.getState().activeRole).toBe('villager');
  });
});

describe('pickActiveRole', () => {
  it('keeps the preferred role when held, else opens the workspace role before villager', () => {
    expect(pickActiveRole(['villager', 'hall_manager'], 'villager')).toBe('villager');
    expect(pickActiveRole(['villager', 'hall_manager'], null)).toBe('hall_manager');
    expect(pickActiveRole(['villager', 'reviewer'], 'admin')).toBe('reviewer');
    expect(pickActiveRole([], null)).toBeNull();
  });
});
