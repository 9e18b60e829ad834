import type { UserRole } from '@hall-menu/shared';

/** The signed-in person as the guards attach it to the request. */
export interface AuthUser {
  id: number;
  sessionId: number;
  roles: UserRole[];
}

export interface AccessTokenPayload {
  sub: number;
  sid: number;
}
