import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type InviteCreateInput,
  type InviteDto,
  type InviteQuery,
  type InviteStatus,
  type MeResponse,
  type Paged,
} from '@hall-menu/shared';
import { createHash, randomInt } from 'node:crypto';
import { In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { commonRegion, officialRoot } from '../audit/audit-helpers';
import { AuditService } from '../audit/audit.service';
import { addHallManager } from '../halls/hall-managers';
import { Hall } from '../halls/hall.entity';
import { ProviderArea } from '../providers/provider-area.entity';
import { ProviderMember } from '../providers/provider-member.entity';
import { Provider } from '../providers/provider.entity';
import { ScopeService } from '../users/scope.service';
import { UserRole } from '../users/user-role.entity';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Invite } from './invite.entity';

/** No 0/O, 1/I/L: codes are read out over the phone and typed by older people. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
const DAY_MS = 86_400_000;

const hashInviteCode = (code: string) => createHash('sha256').update(code).digest('hex');

const inviteInvalid = (message: string, reason: string) => new DomainError(ErrorCode.InviteInvalid, message, { reason, fields: [{ field: 'code', message }] });

/**
 * 邀请码: an official invites a future hall manager or provider member; after WeChat login the person enters the
 * code and gets the role with its scope. A code works once (guarded update) and expires.
 */
@Injectable()
export class InvitesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly users: UsersService,
  ) {}

  /** The code is in this response only; afterwards just its hash is kept. */
  async create(user: AuthUser, input: InviteCreateInput): Promise<InviteDto> {
    let region: string | null;
    if (input.kind === 'hall_manager') {
      const hall = await this.db.manager.findOne(Hall, { where: { id: input.hallId } });
      if (!hall) throw notFound('礼堂', { id: input.hallId });
      if (!hall.active) throw new DomainError(ErrorCode.HallClosed, '该礼堂已关闭，不能邀请管理员');
      await this.scope.assertOversees(user, [hall.villageCode], '只能邀请您负责地区内礼堂的管理员');
      region = hall.villageCode;
    } else {
      const provider = await this.db.manager.findOne(Provider, { where: { id: input.providerId } });
      if (!provider) throw notFound('服务方', { id: input.providerId });
      const codes = (await this.db.manager.find(ProviderArea, { where: { providerId: provider.id } })).map((a) => a.regionCode);
      if (!user.roles.includes('admin') && !(await this.scope.oversees(user, codes))) throw outOfScope('该服务方的服务区域超出了您负责的地区');
      region = commonRegion(codes);
    }
    const now = this.clock.now();
    const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const id = await this.db.transaction(async (m) => {
      const invite = await m.save(
        m.create(Invite, {
          codeHash: hashInviteCode(code),
          kind: input.kind,
          hallId: input.kind === 'hall_manager' ? input.hallId : null,
          providerId: input.kind === 'provider' ? input.providerId : null,
          regionCode: region,
          createdBy: user.id,
          expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
          redeemedBy: null,
          redeemedAt: null,
          revokedAt: null,
        }),
      );
      await this.audit.record(m, {
        actor: user,
        objectType: 'invite',
        objectId: invite.id,
        action: 'create',
        after: { kind: input.kind, hallId: invite.hallId, providerId: invite.providerId, expiresAt: invite.expiresAt.toISOString() },
        regionCode: region,
      });
      return invite.id;
    });
    const [dto] = await this.toDtos([await this.db.manager.findOneByOrFail(Invite, { id })]);
    return { ...dto, code };
  }

  async list(user: AuthUser, query: InviteQuery): Promise<Paged<InviteDto>> {
    const root = await officialRoot(this.scope, user);
    const now = this.db.timeParam(this.clock.now());
    const qb = this.db.manager.createQueryBuilder(Invite, 'i').where('1 = 1');
    if (root !== '') qb.andWhere('i.region_code LIKE :prefix', { prefix: `${root}%` });
    const byStatus: Record<InviteStatus, string> = {
      pending: 'i.redeemed_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now',
      redeemed: 'i.redeemed_at IS NOT NULL',
      revoked: 'i.redeemed_at IS NULL AND i.revoked_at IS NOT NULL',
      expired: 'i.redeemed_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= :now',
    };
    if (query.status) qb.andWhere(byStatus[query.status], { now });
    const [invites, total] = await qb
      .orderBy('i.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toDtos(invites), total, page: query.page, pageSize: query.pageSize };
  }

  async revoke(user: AuthUser, id: number): Promise<InviteDto> {
    const invite = await this.db.manager.findOne(Invite, { where: { id } });
    if (!invite) throw notFound('邀请码', { id });
    const root = await officialRoot(this.scope, user);
    if (root !== '' && !(invite.regionCode ?? '').startsWith(root)) throw outOfScope('该邀请码不在您负责的地区内');
    await this.db.transaction(async (m) => {
      const revoked = await m
        .createQueryBuilder()
        .update(Invite)
        .set({ revokedAt: this.clock.now() })
        .where('id = :id AND redeemed_at IS NULL AND revoked_at IS NULL', { id })
        .execute();
      if (revoked.affected !== 1) throw new DomainError(ErrorCode.Conflict, '该邀请码已被使用或已作废');
      await this.audit.record(m, { actor: user, objectType: 'invite', objectId: id, action: 'revoke', regionCode: invite.regionCode });
    });
    return (await this.toDtos([await this.db.manager.findOneByOrFail(Invite, { id })]))[0];
  }

  /**
   * The signed-in person takes the role the code stands for. Entering the same code again (a retry on a weak
   * network) answers as the first time did.
   */
  async redeem(user: AuthUser, code: string): Promise<MeResponse> {
    const invite = await this.db.manager.findOne(Invite, { where: { codeHash: hashInviteCode(code) } });
    if (!invite) throw inviteInvalid('邀请码不正确，请核对后重新输入', 'unknown');
    if (invite.redeemedBy === user.id) return this.users.me(user.id);
    if (invite.redeemedAt) throw inviteInvalid('这个邀请码已经被使用过了，请联系发出邀请的工作人员重新生成', 'used');
    if (invite.revokedAt) throw inviteInvalid('这个邀请码已作废，请联系发出邀请的工作人员', 'revoked');
    const now = this.clock.now();
    if (invite.expiresAt.getTime() <= now.getTime()) throw inviteInvalid('这个邀请码已过期，请联系发出邀请的工作人员重新生成', 'expired');

    try {
      await this.db.transaction(async (m) => {
        const claimed = await m
          .createQueryBuilder()
          .update(Invite)
          .set({ redeemedBy: user.id, redeemedAt: now })
          .where('id = :id AND redeemed_at IS NULL AND revoked_at IS NULL AND expires_at > :now', { id: invite.id, now: this.db.timeParam(now) })
          .execute();
        if (claimed.affected !== 1) throw inviteInvalid('这个邀请码刚刚已被使用或已失效', 'used');
        let granted: Record<string, unknown>;
        if (invite.kind === 'hall_manager') {
          const hall = await m.findOneBy(Hall, { id: invite.hallId! });
          if (!hall?.active) throw new DomainError(ErrorCode.HallClosed, '邀请您管理的礼堂已关闭，请联系发出邀请的工作人员');
          await addHallManager(m, hall.id, user.id);
          granted = { role: 'hall_manager', hallId: hall.id };
        } else {
          const other = await m.findOne(ProviderMember, { where: { userId: user.id } });
          if (other && other.providerId !== invite.providerId) {
            const name = (await m.findOneBy(Provider, { id: other.providerId }))?.name ?? '其他服务方';
            throw new DomainError(ErrorCode.Conflict, `您已是「${name}」的成员，一个账号只能加入一个服务方`);
          }
          if (!other) await m.insert(ProviderMember, { providerId: invite.providerId!, userId: user.id });
          if (!(await m.exists(UserRole, { where: { userId: user.id, role: 'provider' } }))) await m.insert(UserRole, { userId: user.id, role: 'provider', regionCode: null });
          granted = { role: 'provider', providerId: invite.providerId };
        }
        await this.audit.record(m, { actor: user, objectType: 'user', objectId: user.id, action: 'redeem_invite', after: { ...granted, inviteId: invite.id }, regionCode: invite.regionCode });
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ErrorCode.StaleState, '您的角色刚被更新，请刷新后查看');
      throw error;
    }
    return this.users.me(user.id);
  }

  private async toDtos(invites: Invite[]): Promise<InviteDto[]> {
    if (invites.length === 0) return [];
    const q = this.db.manager;
    const hallIds = invites.map((i) => i.hallId).filter((x): x is number => x !== null);
    const providerIds = invites.map((i) => i.providerId).filter((x): x is number => x !== null);
    const userIds = [...new Set(invites.flatMap((i) => [i.createdBy, i.redeemedBy]).filter((x): x is number => x !== null))];
    const [halls, providers, users] = await Promise.all([
      hallIds.length ? q.find(Hall, { where: { id: In(hallIds) } }) : [],
      providerIds.length ? q.find(Provider, { where: { id: In(providerIds) } }) : [],
      q.find(User, { where: { id: In(userIds) } }),
    ]);
    const person = (id: number | null) => {
      const u = id === null ? undefined : users.find((x) => x.id === id);
      return u ? { id: u.id, nickname: u.nickname } : null;
    };
    const now = this.clock.now().getTime();
    return invites.map((i) => {
      const hall = halls.find((h) => h.id === i.hallId);
      const provider = providers.find((p) => p.id === i.providerId);
      const status: InviteStatus = i.redeemedAt ? 'redeemed' : i.revokedAt ? 'revoked' : i.expiresAt.getTime() <= now ? 'expired' : 'pending';
      return {
        id: i.id,
        kind: i.kind,
        code: null,
        hall: hall ? { id: hall.id, name: hall.name } : null,
        provider: provider ? { id: provider.id, name: provider.name } : null,
        status,
        createdBy: person(i.createdBy),
        createdAt: new Date(i.createdAt).toISOString(),
        expiresAt: new Date(i.expiresAt).toISOString(),
        redeemedBy: person(i.redeemedBy),
        redeemedAt: i.redeemedAt ? new Date(i.redeemedAt).toISOString() : null,
      };
    });
  }
}
