import type { ReactNode } from 'react';
import { ROLE_LABELS, type MeResponse, type UserRole } from '@hall-menu/shared';
import { selectIsLoggedIn, useAuthStore } from '../stores/auth';
import { EmptyState, LoginPrompt } from './StateViews';

/** Renders a workspace only for someone logged in with `role`; everyone else is told why not. */
export function RoleGate({ role, children }: { role: UserRole; children: (me: MeResponse) => ReactNode }) {
  const loggedIn = useAuthStore(selectIsLoggedIn);
  const me = useAuthStore((state) => state.me);
  if (!loggedIn || !me) return <LoginPrompt />;
  if (!me.roles.includes(role)) {
    return <EmptyState title={`这里是${ROLE_LABELS[role]}的工作台`} hint={`您的账号没有${ROLE_LABELS[role]}身份`} />;
  }
  return <>{children(me)}</>;
}
