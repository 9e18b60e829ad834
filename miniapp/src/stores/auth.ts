import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AuthTokens, LoginResponse, MeResponse, UserRole } from '@hall-menu/shared';
import { taroStorage } from './taro-storage';

/** Which role a new session opens as: the one with work to do before the villager view. */
const DEFAULT_ROLE_ORDER: UserRole[] = ['hall_manager', 'provider', 'reviewer', 'admin', 'villager'];

export function pickActiveRole(roles: UserRole[], preferred: UserRole | null): UserRole | null {
  if (preferred && roles.includes(preferred)) return preferred;
  return DEFAULT_ROLE_ORDER.find((role) => roles.includes(role)) ?? null;
}

interface AuthState {
  tokens: AuthTokens | null;
  me: MeResponse | null;
  activeRole: UserRole | null;
  signIn: (login: LoginResponse) => void;
  setTokens: (tokens: AuthTokens) => void;
  /** A fresh `GET /me`: roles may have changed since login. */
  setMe: (me: MeResponse) => void;
  setActiveRole: (role: UserRole) => void;
  signOut: () => void;
}

export const AUTH_STORAGE_KEY = 'hall-menu.auth';

export const useAuthStore = create<AuthState>()(
  persist(
    (set, get) => ({
      tokens: null,
      me: null,
      activeRole: null,
      signIn: ({ tokens, me }) => set({ tokens, me, activeRole: pickActiveRole(me.roles, get().activeRole) }),
      setTokens: (tokens) => set({ tokens }),
      setMe: (me) => set({ me, activeRole: pickActiveRole(me.roles, get().activeRole) }),
      setActiveRole: (role) => {
        if (get().me?.roles.includes(role)) set({ activeRole: role });
      },
      signOut: () => set({ tokens: null, me: null, activeRole: null }),
    }),
    {
      name: AUTH_STORAGE_KEY,
      version: 1,
      storage: taroStorage,
      partialize: ({ tokens, me, activeRole }) => ({ tokens, me, activeRole }),
    },
  ),
);

export const selectIsLoggedIn = (state: AuthState) => state.tokens !== null && state.me !== null;
