import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { UserRole } from '@hall-menu/shared';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';

/** Anyone may call it; a valid token still identifies the caller (`@OptionalUser`). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only callers holding one of these roles. Scope (which hall, which region) is checked in the service. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

export const OptionalUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | null => {
  return ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user ?? null;
});
