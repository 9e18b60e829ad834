import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode, ROLE_LABELS, type AuthTokens, type DemoUserOption, type LoginResponse, type UserRole } from '@hall-menu/shared';
import { EntityManager, IsNull, Not } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { UserRole as UserRoleEntity } from '../users/user-role.entity';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthSession } from './auth-session.entity';
import { RefreshToken } from './refresh-token.entity';
import { WechatClient } from './wechat.client';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly wechat: WechatClient,
  ) {}

  async loginWithWechat(code: string): Promise<LoginResponse> {
    const session = await this.wechat.code2Session(code);
    const { user, tokens } = await this.db.transaction(async (m) => {
      let user = await m.findOne(User, { where: { wechatOpenid: session.openid } });
      if (!user) {
        // A first WeChat login makes a villager; other roles are granted by officials.
        user = await m.save(m.create(User, { nickname: '微信用户', wechatOpenid: session.openid }));
        await m.insert(UserRoleEntity, { userId: user.id, role: 'villager' });
      }
      if (user.disabled) throw new DomainError(ErrorCode.AccountDisabled);
      return { user, tokens: await this.startSession(m, user.id, session.sessionKey) };
    });
    return { tokens, me: await this.users.me(user.id) };
  }

  async demoUsers(): Promise<DemoUserOption[]> {
    this.assertDemoLogin();
    return this.users.demoUserOptions();
  }

  async loginAsDemoUser(role: UserRole, userId?: number): Promise<LoginResponse> {
    this.assertDemoLogin();
    const candidates = await this.db.manager
      .createQueryBuilder(User, 'u')
      .innerJoin(UserRoleEntity, 'r', 'r.user_id = u.id AND r.role = :role', { role })
      .where('u.demo_key IS NOT NULL AND u.disabled = :disabled', { disabled: false })
      .andWhere(userId ? 'u.id = :userId' : '1 = 1', { userId })
      .orderBy('u.id', 'ASC')
      .getMany();
    const user = candidates[0];
    if (!user) {
      throw new DomainError(ErrorCode.NotFound, `没有${ROLE_LABELS[role]}角色的演示用户`, { role, userId });
    }
    const tokens = await this.db.transaction((m) => this.startSession(m, user.id, null));
    return { tokens, me: await this.users.me(user.id) };
  }

  /**
   * Rotates a refresh token. A token presented a second time is reuse: the session is revoked,
   * unless it comes back within a short grace period, which is a client retrying after a lost
   * response on a weak network; that retry gets a fresh pair and the pair it never received dies.
   */
  async refresh(refreshToken: string): Promise<AuthTokens> {
    const outcome = await this.db.transaction(async (m): Promise<AuthTokens | 'reused'> => {
      const stored = await m.findOne(RefreshToken, { where: { tokenHash: hashToken(refreshToken) } });
      if (!stored) throw new DomainError(ErrorCode.RefreshTokenInvalid);
      const session = await m.findOne(AuthSession, { where: { id: stored.sessionId } });
      if (!session) throw new DomainError(ErrorCode.RefreshTokenInvalid);
      // A disabled account's sessions are revoked as well; the person is told why rather than to sign in again.
      const user = await m.findOneOrFail(User, { where: { id: session.userId } });
      if (user.disabled) throw new DomainError(ErrorCode.AccountDisabled);
      if (session.revokedAt) throw new DomainError(ErrorCode.RefreshTokenInvalid);
      const now = new Date();
      if (stored.expiresAt.getTime() <= now.getTime()) throw new DomainError(ErrorCode.RefreshTokenInvalid, '登录已过期，请重新登录');

      const claimed = await m
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ usedAt: now })
        .where('id = :id AND used_at IS NULL', { id: stored.id })
        .execute();
      if (claimed.affected !== 1) {
        const usedAt = stored.usedAt ?? now;
        const withinGrace = now.getTime() - usedAt.getTime() <= this.config.refreshReuseGraceSeconds * 1000;
        if (!withinGrace) {
          await m.update(AuthSession, { id: session.id }, { revokedAt: now, revokeReason: 'refresh_token_reuse' });
          return 'reused';
        }
        // The pair the client never received must not stay usable.
        await m.update(RefreshToken, { sessionId: session.id, usedAt: IsNull(), id: Not(stored.id) }, { expiresAt: now });
      }
      return this.issueTokens(m, session.userId, session.id);
    });
    // The revocation must commit, so the error is raised after the transaction.
    if (outcome === 'reused') throw new DomainError(ErrorCode.RefreshTokenReused);
    return outcome;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const stored = await m.findOne(RefreshToken, { where: { tokenHash: hashToken(refreshToken) } });
      if (!stored) return;
      await m.update(AuthSession, { id: stored.sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokeReason: 'logout' });
    });
  }

  private assertDemoLogin(): void {
    if (!this.config.demoLogin) throw new DomainError(ErrorCode.DemoLoginDisabled, '演示登录只在演示模式下开放，请使用微信登录');
  }

  private async startSession(m: EntityManager, userId: number, wechatSessionKey: string | null): Promise<AuthTokens> {
    const session = await m.save(m.create(AuthSession, { userId, wechatSessionKey }));
    return this.issueTokens(m, userId, session.id);
  }

  private async issueTokens(m: EntityManager, userId: number, sessionId: number): Promise<AuthTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    await m.insert(RefreshToken, {
      sessionId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    const accessToken = await this.jwt.signAsync({ sub: userId, sid: sessionId }, { expiresIn: this.config.accessTokenTtlSeconds });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }
}
