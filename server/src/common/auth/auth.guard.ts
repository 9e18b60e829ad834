import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, type UserRole } from '@hall-menu/shared';
import { DatabaseService } from '../../database/database.service';
import { DomainError } from '../errors/domain-error';
import type { AccessTokenPayload, AuthUser } from './auth-user';
import { IS_PUBLIC, ROLES } from './decorators';

interface SessionRow {
  revoked_at: unknown;
  disabled: number | boolean;
  roles: string | null;
}

/**
 * Global guard: verifies the bearer token, checks that its session is still live and the account
 * enabled (so revoking a session or disabling an account takes effect at once), loads the roles,
 * then applies `@Roles`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly db: DatabaseService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<UserRole[]>(ROLES, targets) ?? [];
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();

    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!token) {
      if (isPublic) return true;
      throw new DomainError(ErrorCode.Unauthenticated);
    }
    try {
      request.user = await this.authenticate(token);
    } catch (error) {
      // A stale token on a public page should not block reading it.
      if (isPublic) return true;
      throw error;
    }
    if (roles.length > 0 && !roles.some((r) => request.user!.roles.includes(r))) {
      throw new DomainError(ErrorCode.Forbidden, '您的角色不能进行此操作', { requiredRoles: roles });
    }
    return true;
  }

  private async authenticate(token: string): Promise<AuthUser> {
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') throw new DomainError(ErrorCode.TokenExpired);
      throw new DomainError(ErrorCode.Unauthenticated, '登录信息无效，请重新登录');
    }
    // One round trip per request: the session, the account and its roles (GROUP_CONCAT exists in MySQL and SQLite).
    const rows: SessionRow[] = await this.db.manager.query(
      `SELECT s.revoked_at, u.disabled, GROUP_CONCAT(r.role) AS roles
       FROM auth_sessions s JOIN users u ON u.id = s.user_id LEFT JOIN user_roles r ON r.user_id = u.id
       WHERE s.id = ? AND s.user_id = ? GROUP BY s.id, s.revoked_at, u.disabled`,
      [payload.sid, payload.sub],
    );
    const session = rows[0];
    if (!session) throw new DomainError(ErrorCode.Unauthenticated, '登录已失效，请重新登录');
    // Disabling revokes the sessions too; saying why tells the person not to just sign in again.
    if (session.disabled === true || Number(session.disabled) === 1) throw new DomainError(ErrorCode.AccountDisabled);
    if (session.revoked_at) throw new DomainError(ErrorCode.Unauthenticated, '登录已失效，请重新登录');
    const roles = session.roles ? (String(session.roles).split(',') as UserRole[]) : [];
    return { id: payload.sub, sessionId: payload.sid, roles };
  }
}
