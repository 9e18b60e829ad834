import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  ROLE_LABELS,
  type AdminUserDto,
  type AdminUserQuery,
  type AdminUserRoleDto,
  type Paged,
  type RoleGrantInput,
  type RoleRevokeQuery,
  type UserRole as Role,
} from '@hall-menu/shared';
import { EntityManager, In, IsNull } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { containsPattern } from '../../common/database/like';
import { DomainError, forbidden, notFound, outOfScope } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { AuthSession } from '../auth/auth-session.entity';
import { commonRegion, officialRoot } from '../audit/audit-helpers';
import { AuditService } from '../audit/audit.service';
import { addHallManager, removeHallManager } from '../halls/hall-managers';
import { HallManager } from '../halls/hall-manager.entity';
import { Hall } from '../halls/hall.entity';
import { ProviderArea } from '../providers/provider-area.entity';
import { ProviderMember } from '../providers/provider-member.entity';
import { Provider } from '../providers/provider.entity';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';
import { UserRole } from '../users/user-role.entity';
import { User } from '../users/user.entity';
import { ACCOUNT_IN_REGION, accountRegions } from './account-scope';

const maskPhone = (phone: string | null) => (phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone);

/**
 * 账号与角色: officials list people, grant and revoke roles with their scope, and disable accounts. Admins act
 * everywhere; reviewers only inside their region and never on admin rights.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: AdminUserQuery): Promise<Paged<AdminUserDto>> {
    const root = await this.oversight(user);
    const qb = this.db.manager.createQueryBuilder(User, 'u').where('1 = 1');
    if (root !== '') qb.andWhere(ACCOUNT_IN_REGION, { prefix: `${root}%` });
    if (query.q) {
      const byId = /^\d{1,9}$/.test(query.q) ? Number(query.q) : 0;
      qb.andWhere("(u.nickname LIKE :kw ESCAPE '!' OR u.phone LIKE :kw ESCAPE '!' OR u.id = :byId)", { kw: containsPattern(query.q), byId });
    }
    if (query.role) qb.andWhere('EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = :role)', { role: query.role });
    if (query.disabled !== undefined) qb.andWhere('u.disabled = :disabled', { disabled: query.disabled });
    const [users, total] = await qb
      .orderBy('u.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toDtos(users), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: number): Promise<AdminUserDto> {
    const person = await this.load(id);
    const root = await this.oversight(user);
    if (root !== '') {
      const inside = await this.db.manager
        .createQueryBuilder(User, 'u')
        .where('u.id = :id', { id })
        .andWhere(ACCOUNT_IN_REGION, { prefix: `${root}%` })
        .getExists();
      if (!inside) throw outOfScope('该账号不在您负责的地区内');
    }
    return (await this.toDtos([person]))[0];
  }

  /** Grants a role with its scope; granting what the person already has changes nothing. */
  async grant(user: AuthUser, id: number, input: RoleGrantInput): Promise<AdminUserDto> {
    const person = await this.load(id);
    if (person.disabled) throw new DomainError(ErrorCode.Conflict, '该账号已停用，请先启用再授予角色');
    const work = await this.grantWork(user, id, input);
    try {
      await this.db.transaction(async (m) => {
        const after = await work.apply(m);
        if (!after) return;
        await this.audit.record(m, { actor: user, objectType: 'user', objectId: id, action: 'grant_role', after: { role: input.role, ...after }, regionCode: work.region });
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ErrorCode.StaleState, '该账号的角色刚被他人更新，请刷新后查看');
      throw error;
    }
    return (await this.toDtos([await this.load(id)]))[0];
  }

  async revoke(user: AuthUser, id: number, role: Role, query: RoleRevokeQuery): Promise<AdminUserDto> {
    await this.load(id);
    if (role === 'villager') throw new DomainError(ErrorCode.Conflict, '村民是每个账号的基本角色，不能撤销；如需禁止使用，请停用账号');
    if (query.hallId && role !== 'hall_manager') throw new DomainError(ErrorCode.ValidationFailed, '只有礼堂管理员角色可以按礼堂撤销');
    if ((role === 'admin' || role === 'reviewer') && id === user.id) throw forbidden('不能撤销自己的审核员或平台管理员角色');
    if (role === 'admin' && !user.roles.includes('admin')) throw forbidden('审核员不能撤销平台管理员角色');
    if (!(await this.db.manager.exists(UserRole, { where: { userId: id, role } }))) throw notFound(`该账号的${ROLE_LABELS[role]}角色`, { id, role });

    let before: Record<string, unknown>;
    let region: string | null;
    let apply: (m: EntityManager) => Promise<void>;
    if (role === 'hall_manager') {
      const links = await this.db.manager.find(HallManager, { where: query.hallId ? { userId: id, hallId: query.hallId } : { userId: id } });
      if (query.hallId && links.length === 0) throw notFound('该账号管理的这个礼堂', { id, hallId: query.hallId });
      const halls = links.length ? await this.db.manager.find(Hall, { where: { id: In(links.map((l) => l.hallId)) } }) : [];
      const codes = halls.map((h) => h.villageCode);
      await this.assertRegion(user, codes, '该账号管理的礼堂有的不在您负责的地区内，请逐个撤销您负责的礼堂');
      before = { hallIds: links.map((l) => l.hallId) };
      region = commonRegion(codes);
      apply = async (m) => {
        // The last hall taken away takes the role with it; revoking the role takes every hall.
        for (const link of links) await removeHallManager(m, link.hallId, id);
        if (!query.hallId) await m.delete(UserRole, { userId: id, role: 'hall_manager' });
      };
    } else if (role === 'provider') {
      const memberships = await this.db.manager.find(ProviderMember, { where: { userId: id } });
      const providerIds = memberships.map((p) => p.providerId);
      const codes = providerIds.length ? (await this.db.manager.find(ProviderArea, { where: { providerId: In(providerIds) } })).map((a) => a.regionCode) : [];
      await this.assertRegion(user, codes, '该账号所在的服务方不在您负责的地区内');
      before = { providerIds };
      region = commonRegion(codes);
      apply = async (m) => {
        await m.delete(ProviderMember, { userId: id });
        await m.delete(UserRole, { userId: id, role: 'provider' });
      };
    } else {
      const row = await this.db.manager.findOneByOrFail(UserRole, { userId: id, role });
      if (row.regionCode === null && !user.roles.includes('admin')) throw outOfScope('该账号负责全平台，只有平台管理员可以撤销');
      if (row.regionCode !== null) await this.scope.assertOversees(user, [row.regionCode], '该账号负责的地区超出了您负责的地区');
      before = { regionCode: row.regionCode };
      region = row.regionCode;
      apply = async (m) => void (await m.delete(UserRole, { userId: id, role }));
    }
    await this.db.transaction(async (m) => {
      await apply(m);
      await this.audit.record(m, { actor: user, objectType: 'user', objectId: id, action: 'revoke_role', before: { role, ...before }, regionCode: region });
    });
    return (await this.toDtos([await this.load(id)]))[0];
  }

  /** Disabling ends every session of the account in the same transaction; its access tokens stop working at once. */
  async disable(user: AuthUser, id: number, reason: string): Promise<AdminUserDto> {
    if (id === user.id) throw forbidden('不能停用自己的账号');
    await this.load(id);
    const region = await this.assertManagesAccount(user, id);
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      const disabled = await m.createQueryBuilder().update(User).set({ disabled: true }).where('id = :id AND disabled = :enabled', { id, enabled: false }).execute();
      if (disabled.affected !== 1) throw new DomainError(ErrorCode.Conflict, '该账号已经停用了');
      await m.update(AuthSession, { userId: id, revokedAt: IsNull() }, { revokedAt: now, revokeReason: 'account_disabled' });
      await this.audit.record(m, { actor: user, objectType: 'user', objectId: id, action: 'disable', before: { disabled: false }, after: { disabled: true }, reason, regionCode: region });
    });
    return (await this.toDtos([await this.load(id)]))[0];
  }

  /** The person signs in again afterwards; their old sessions stay ended. */
  async enable(user: AuthUser, id: number): Promise<AdminUserDto> {
    await this.load(id);
    const region = await this.assertManagesAccount(user, id);
    await this.db.transaction(async (m) => {
      const enabled = await m.createQueryBuilder().update(User).set({ disabled: false }).where('id = :id AND disabled = :disabled', { id, disabled: true }).execute();
      if (enabled.affected !== 1) throw new DomainError(ErrorCode.Conflict, '该账号没有停用，无需启用');
      await this.audit.record(m, { actor: user, objectType: 'user', objectId: id, action: 'enable', before: { disabled: true }, after: { disabled: false }, regionCode: region });
    });
    return (await this.toDtos([await this.load(id)]))[0];
  }

  async toDtos(users: User[]): Promise<AdminUserDto[]> {
    if (users.length === 0) return [];
    const ids = users.map((u) => u.id);
    const q = this.db.manager;
    const [roles, halls, members] = await Promise.all([
      q.find(UserRole, { where: { userId: In(ids) }, order: { id: 'ASC' } }),
      q
        .createQueryBuilder(HallManager, 'hm')
        .innerJoin(Hall, 'h', 'h.id = hm.hall_id')
        .select(['hm.user_id AS userId', 'h.id AS id', 'h.name AS name', 'h.village_code AS villageCode'])
        .where('hm.user_id IN (:...ids)', { ids })
        .orderBy('h.id', 'ASC')
        .getRawMany<{ userId: number | string; id: number | string; name: string; villageCode: string }>(),
      q
        .createQueryBuilder(ProviderMember, 'pm')
        .innerJoin(Provider, 'p', 'p.id = pm.provider_id')
        .select(['pm.user_id AS userId', 'p.id AS id', 'p.name AS name'])
        .where('pm.user_id IN (:...ids)', { ids })
        .orderBy('p.id', 'ASC')
        .getRawMany<{ userId: number | string; id: number | string; name: string }>(),
    ]);
    const regionCodes = [...new Set([...roles.map((r) => r.regionCode), ...users.map((u) => u.villageCode)].filter((c): c is string => !!c))];
    const regions = new Map((regionCodes.length ? await q.find(Region, { where: { code: In(regionCodes) } }) : []).map((r) => [r.code, r]));
    const regionRef = (code: string | null) => {
      if (!code) return null;
      const region = regions.get(code);
      return { code, name: region ? (region.level === 'village' ? region.fullName : region.name) : code };
    };
    return users.map((u) => ({
      id: u.id,
      nickname: u.nickname,
      phone: maskPhone(u.phone),
      village: regionRef(u.villageCode),
      disabled: u.disabled,
      createdAt: new Date(u.createdAt).toISOString(),
      roles: roles
        .filter((r) => r.userId === u.id)
        .map(
          (r): AdminUserRoleDto => ({
            role: r.role,
            label: ROLE_LABELS[r.role],
            region: r.role === 'reviewer' || r.role === 'admin' ? regionRef(r.regionCode) : null,
            halls:
              r.role === 'hall_manager'
                ? halls.filter((h) => Number(h.userId) === u.id).map((h) => ({ id: Number(h.id), name: h.name, villageCode: h.villageCode }))
                : [],
            provider:
              r.role === 'provider'
                ? (members.filter((p) => Number(p.userId) === u.id).map((p) => ({ id: Number(p.id), name: p.name }))[0] ?? null)
                : null,
          }),
        ),
    }));
  }

  /** Checks the actor may grant this role with this scope; returns the write and the region it concerns. */
  private async grantWork(
    user: AuthUser,
    id: number,
    input: RoleGrantInput,
  ): Promise<{ region: string | null; apply: (m: EntityManager) => Promise<Record<string, unknown> | null> }> {
    const ensureRole = async (m: EntityManager, role: Role, regionCode: string | null = null) => {
      if (await m.exists(UserRole, { where: { userId: id, role } })) return false;
      await m.insert(UserRole, { userId: id, role, regionCode });
      return true;
    };
    switch (input.role) {
      case 'villager':
        await this.oversight(user);
        return { region: null, apply: async (m) => ((await ensureRole(m, 'villager')) ? {} : null) };
      case 'hall_manager': {
        const hallIds = [...new Set(input.hallIds)];
        const halls = await this.db.manager.find(Hall, { where: { id: In(hallIds) } });
        const missing = hallIds.filter((h) => !halls.some((x) => x.id === h));
        if (missing.length) throw notFound('礼堂', { ids: missing });
        const codes = halls.map((h) => h.villageCode);
        await this.scope.assertOversees(user, codes, '只能把您负责地区内的礼堂交给管理员');
        return {
          region: commonRegion(codes),
          apply: async (m) => {
            const added: number[] = [];
            for (const hallId of hallIds) if (await addHallManager(m, hallId, id)) added.push(hallId);
            return added.length ? { hallIds: added } : null;
          },
        };
      }
      case 'provider': {
        const provider = await this.db.manager.findOne(Provider, { where: { id: input.providerId } });
        if (!provider) throw notFound('服务方', { id: input.providerId });
        const codes = (await this.db.manager.find(ProviderArea, { where: { providerId: provider.id } })).map((a) => a.regionCode);
        await this.assertRegion(user, codes, '该服务方的服务区域超出了您负责的地区');
        return {
          region: commonRegion(codes),
          apply: async (m) => {
            const other = await m.findOne(ProviderMember, { where: { userId: id } });
            if (other && other.providerId !== provider.id) {
              const name = (await m.findOneBy(Provider, { id: other.providerId }))?.name ?? '其他服务方';
              throw new DomainError(ErrorCode.Conflict, `该账号已是「${name}」的成员，一个账号只能加入一个服务方，请先撤销`);
            }
            const roleAdded = await ensureRole(m, 'provider');
            if (other) return roleAdded ? { providerId: provider.id } : null;
            await m.insert(ProviderMember, { providerId: provider.id, userId: id });
            return { providerId: provider.id };
          },
        };
      }
      case 'reviewer':
      case 'admin': {
        const role = input.role;
        if (role === 'admin' && !user.roles.includes('admin')) throw forbidden('审核员不能授予平台管理员角色');
        const regionCode = input.regionCode;
        if (regionCode !== null) {
          const region = await this.db.manager.findOne(Region, { where: { code: regionCode } });
          if (!region) throw new DomainError(ErrorCode.ValidationFailed, '找不到这个地区', { fields: [{ field: 'regionCode', message: '找不到这个地区' }] });
          await this.scope.assertOversees(user, [regionCode], '只能在您负责的地区内授予审核员');
        }
        return {
          region: regionCode,
          apply: async (m) => {
            const row = await m.findOne(UserRole, { where: { userId: id, role } });
            if (!row) {
              await m.insert(UserRole, { userId: id, role, regionCode });
              return { regionCode };
            }
            if (row.regionCode === regionCode) return null;
            if (id === user.id) throw forbidden('不能修改自己负责的地区');
            await m.update(UserRole, { id: row.id }, { regionCode });
            return { regionCode, previousRegionCode: row.regionCode };
          },
        };
      }
    }
  }

  /** Reviewers act on accounts that lie wholly inside their region; admins' accounts and accounts of no region are for admins. */
  private async assertManagesAccount(user: AuthUser, id: number): Promise<string | null> {
    const { codes, admin } = await accountRegions(this.db.manager, id);
    if ((await this.oversight(user)) !== '') {
      if (admin || codes.length === 0) throw outOfScope('该账号不属于您负责的地区，请联系平台管理员');
      await this.scope.assertOversees(user, codes, '该账号涉及您负责地区以外的礼堂、服务方或地区，请联系平台管理员');
    }
    return commonRegion(codes);
  }

  /** Every code inside the actor's region; something tied to no region at all is for admins. */
  private async assertRegion(user: AuthUser, codes: string[], message: string): Promise<void> {
    if (codes.length > 0) return this.scope.assertOversees(user, codes, message);
    if (!user.roles.includes('admin')) throw outOfScope(message);
  }

  private oversight(user: AuthUser): Promise<string> {
    return officialRoot(this.scope, user);
  }

  private async load(id: number): Promise<User> {
    const user = await this.db.manager.findOne(User, { where: { id } });
    if (!user) throw notFound('账号', { id });
    return user;
  }
}
