import { Injectable } from '@nestjs/common';
import {
  allowedEvents,
  ErrorCode,
  findTransition,
  nominationMachine,
  projectContentSchema,
  projectMachine,
  type NominationDto,
  type NominationEvent,
  type NominationInput,
  type NominationQuery,
  type Paged,
  type ProjectContent,
  type Role,
} from '@hall-menu/shared';
import { EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { optionalIdempotencyKey } from '../../common/http/idempotency-key';
import { SensitiveWordsService } from '../../common/sensitive-words/sensitive-words.service';
import { TransitionHistory } from '../../common/transitions/transition-history.entity';
import { TransitionService } from '../../common/transitions/transition.service';
import { DatabaseService } from '../../database/database.service';
import { Hall } from '../halls/hall.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { MenuCacheService } from '../projects/menu-cache.service';
import { contentColumns } from '../projects/project-content';
import { ProjectArea } from '../projects/project-area.entity';
import { ServiceProject } from '../projects/service-project.entity';
import { ProviderArea } from '../providers/provider-area.entity';
import { ProviderMember } from '../providers/provider-member.entity';
import { Provider } from '../providers/provider.entity';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';
import { UserRole } from '../users/user-role.entity';
import { User } from '../users/user.entity';
import { GalaNomination } from './gala-nomination.entity';

/** The project row each nomination event leaves behind, written with the nomination's own history. */
const PROJECT_EFFECT: Record<NominationEvent, { to: 'published' | 'archived'; event: string }> = {
  confirm: { to: 'published', event: 'confirm_nomination' },
  decline: { to: 'archived', event: 'decline_nomination' },
  withdraw: { to: 'archived', event: 'withdraw_nomination' },
};

/** How a viewer stands to a nomination. */
interface Standing {
  member: boolean;
  /** Not yet a member, but the contact of a provider nobody acts for yet: may claim it by confirming or declining. */
  claimant: boolean;
  overseer: boolean;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The nominated programme as project content; the rest is what it promises until its provider edits the draft. */
function nominatedContent(input: NominationInput, serviceArea: string[]): ProjectContent {
  return {
    category: input.category,
    title: input.title,
    description: `${input.description}\n演出人员：${input.performers}\n节目选自${input.galaName}。`,
    photos: input.photos,
    durationMinutes: input.durationMinutes,
    targetAudience: input.targetAudience,
    serviceArea,
    // Any day, daytime to evening, a week's notice, free to the hall.
    audienceMin: 20,
    audienceMax: 500,
    requirements: '',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    timeWindows: [{ start: '09:00', end: '21:00' }],
    leadDays: 7,
    blackoutDates: [],
    cost: 'free',
    costNote: '',
  };
}

/** What decides a viewer's standing towards any nomination, read once per request. */
interface Viewer {
  memberOf: number[];
  claimable: number[];
  root: string | null;
}

/**
 * 村晚 nominations: a reviewer picks an excellent programme from a village gala; it becomes a draft project (source
 * 村晚) of an existing provider or of a new, unverified one made from the performers' contact; when the provider's
 * members (or that contact, signing in with the same phone) confirm, the project goes on the menu without a second
 * review — the nomination was the review.
 */
@Injectable()
export class NominationsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly transitions: TransitionService,
    private readonly notifications: NotificationsService,
    private readonly menuCache: MenuCacheService,
    private readonly sensitiveWords: SensitiveWordsService,
    private readonly clock: Clock,
  ) {}

  /**
   * With an idempotency key, a retry gets the nomination the first request made; concurrent twins race on the unique
   * index, where the loser's transaction (its draft project and new provider included) rolls back.
   */
  async nominate(user: AuthUser, input: NominationInput, idempotencyKeyHeader: string | undefined): Promise<NominationDto> {
    const idempotencyKey = optionalIdempotencyKey(idempotencyKeyHeader);
    const earlier = idempotencyKey ? await this.findByKey(user.id, idempotencyKey) : null;
    if (earlier) return this.get(user, earlier.id);

    const village = await this.db.manager.findOne(Region, { where: { code: input.sourceVillageCode } });
    if (!village) throw new DomainError(ErrorCode.ValidationFailed, '找不到这个村(社区)，请重新选择', { fields: [{ field: 'sourceVillageCode', message: '没有这个村(社区)' }] });
    await this.scope.assertOversees(user, [village.code], '只能推荐您负责地区内的村晚节目');
    if (input.sourceHallId !== null) {
      const hall = await this.db.manager.findOne(Hall, { where: { id: input.sourceHallId } });
      if (!hall) throw notFound('礼堂', { id: input.sourceHallId });
      if (hall.villageCode !== village.code) {
        throw new DomainError(ErrorCode.ValidationFailed, '所选礼堂不在这个村，请重新选择', { fields: [{ field: 'sourceHallId', message: '礼堂不在该村' }] });
      }
    }
    const serviceArea = [...new Set(input.serviceArea ?? [village.code.slice(0, 6)])];
    if ((await this.db.manager.count(Region, { where: { code: In(serviceArea) } })) !== serviceArea.length) {
      throw new DomainError(ErrorCode.ValidationFailed, '服务区域中有不存在的地区，请重新选择', { fields: [{ field: 'serviceArea', message: '有不存在的地区' }] });
    }
    await this.scope.assertOversees(user, serviceArea, '服务区域超出了您负责的地区');
    if (input.providerId !== undefined) {
      const provider = await this.db.manager.findOne(Provider, { where: { id: input.providerId } });
      if (!provider) throw notFound('服务方', { id: input.providerId });
      if (provider.verification === 'suspended') throw new DomainError(ErrorCode.Conflict, '该服务方已被暂停，不能接受推荐');
    }
    this.sensitiveWords.assertClean({ galaName: input.galaName, title: input.title, description: input.description, performers: input.performers });

    const content = nominatedContent(input, serviceArea);
    const check = projectContentSchema.safeParse(content);
    if (!check.success) {
      const fields = check.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      throw new DomainError(ErrorCode.ValidationFailed, fields[0].message, { fields });
    }

    const actor = { id: user.id, roles: this.reviewerRoles(user) };
    let id: number;
    try {
      id = await this.nominateIn(input, village.code, serviceArea, content, actor, idempotencyKey);
    } catch (error) {
      // A concurrent twin with the same key won the unique index; everything of ours was rolled back.
      const winner = idempotencyKey ? await this.findByKey(user.id, idempotencyKey) : null;
      if (!winner) throw error;
      return this.get(user, winner.id);
    }
    return this.get(user, id);
  }

  /** The nomination, its draft project and (when asked for) its new provider, in one transaction. */
  private nominateIn(
    input: NominationInput,
    villageCode: string,
    serviceArea: string[],
    content: ProjectContent,
    actor: { id: number; roles: Role[] },
    idempotencyKey: string | null,
  ): Promise<number> {
    return this.db.transaction(async (m) => {
      let providerId = input.providerId;
      if (providerId === undefined) {
        const made = await m.save(
          m.create(Provider, {
            ...input.newProvider!,
            description: `${input.galaName}推荐节目的演出团队`,
            verification: 'unverified',
          }),
        );
        providerId = made.id;
        await m.insert(ProviderArea, serviceArea.map((regionCode) => ({ providerId: made.id, regionCode })));
      }
      const project = await m.save(m.create(ServiceProject, { ...contentColumns(content), providerId, status: 'draft', source: 'village_gala', revision: 1 }));
      await m.insert(ProjectArea, serviceArea.map((regionCode) => ({ projectId: project.id, regionCode })));
      await this.transitions.recordCreated(m, { machine: projectMachine, id: project.id, state: 'draft', actor, actorRole: actor.roles[0] });
      const nomination = await m.save(
        m.create(GalaNomination, {
          status: 'nominated',
          galaName: input.galaName,
          performers: input.performers,
          sourceVillageCode: villageCode,
          sourceHallId: input.sourceHallId,
          projectId: project.id,
          providerId,
          providerCreated: input.providerId === undefined,
          nominatedBy: actor.id,
          idempotencyKey,
        }),
      );
      await this.transitions.recordCreated(m, { machine: nominationMachine, id: nomination.id, state: 'nominated', actor, actorRole: actor.roles[0] });
      await this.notifications.notify(m, await this.providerSide(m, providerId), {
        kind: 'nomination.new',
        title: '您的村晚节目被推荐进服务菜单',
        body: `「${input.title}」（${input.galaName}）被推荐进服务菜单，确认后即可上架供各礼堂点单`,
        link: `packages/provider/pages/nominations/index?id=${nomination.id}`,
      });
      return nomination.id;
    });
  }

  /**
   * confirm / decline (the provider's members, or its contact claiming a provider nobody acts for yet) and withdraw
   * (a reviewer of the source village). The project follows in the same transaction: published on confirm, archived
   * otherwise; each with a history row of its own.
   */
  async act(user: AuthUser, id: number, event: NominationEvent, reason?: string): Promise<NominationDto> {
    const nomination = await this.load(id);
    const standing = this.standing(await this.viewer(user), nomination);
    const roles = this.rolesOf(user, standing);
    if (!findTransition(nominationMachine, nomination.status, event, roles)) {
      if (roles.length === 0 || !nominationMachine.transitions.some((t) => t.event === event && t.roles.some((r) => roles.includes(r)))) {
        throw outOfScope(event === 'withdraw' ? '只有负责该地区的审核员可以撤回提名' : '只有该服务方的成员可以确认或谢绝');
      }
      throw new DomainError(ErrorCode.InvalidTransition, '这个提名已经处理过了', { state: nomination.status, event });
    }
    const effect = PROJECT_EFFECT[event];
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      if (standing.claimant) await this.claim(m, user, nomination.providerId);
      await this.transitions.apply(
        {
          machine: nominationMachine,
          entity: GalaNomination,
          label: '村晚提名',
          id,
          event,
          actor: { id: user.id, roles },
          reason,
          set: { decidedAt: now, reason: reason?.trim() || null },
        },
        m,
      );
      const moved = await m
        .createQueryBuilder()
        .update(ServiceProject)
        .set(effect.to === 'published' ? { status: 'published', submittedAt: now, publishedAt: now } : { status: 'archived' })
        .where('id = :id AND status = :status', { id: nomination.projectId, status: 'draft' })
        .execute();
      if (moved.affected !== 1) {
        throw new DomainError(ErrorCode.StaleState, '该节目项目已被提交审核或归档，不能再按提名处理，请刷新后查看');
      }
      const actorRole = findTransition(nominationMachine, nomination.status, event, roles)!.roles.find((r) => roles.includes(r))!;
      await m.insert(TransitionHistory, {
        entityType: projectMachine.name,
        entityId: nomination.projectId,
        fromState: 'draft',
        toState: effect.to,
        event: effect.event,
        actorId: user.id,
        actorRole,
        reason: reason?.trim() || null,
      });
      const project = await m.findOneByOrFail(ServiceProject, { id: nomination.projectId });
      const told =
        event === 'withdraw'
          ? await this.providerSide(m, nomination.providerId)
          : [nomination.nominatedBy];
      await this.notifications.notify(m, told, {
        kind: `nomination.${event}`,
        title: { confirm: '村晚节目已确认上架', decline: '村晚节目推荐被谢绝', withdraw: '村晚节目推荐已撤回' }[event],
        body: `「${project.title}」${reason?.trim() ? `，原因：${reason.trim()}` : ''}`,
        link: event === 'confirm' ? `pages/project/index?id=${project.id}` : null,
      });
    });
    if (event === 'confirm') this.menuCache.invalidate();
    // A claimant holds the provider role from this transaction on; this request's roles predate it.
    return this.get(standing.claimant ? { ...user, roles: [...user.roles, 'provider'] } : user, id);
  }

  /** Nominations from villages of the reviewer's region, newest first. */
  async list(user: AuthUser, query: NominationQuery): Promise<Paged<NominationDto>> {
    const root = await this.scope.oversightRegion(user);
    if (root === null) throw outOfScope('您没有负责的审核地区');
    const qb = this.db.manager.createQueryBuilder(GalaNomination, 'n').where('n.source_village_code LIKE :prefix', { prefix: `${root}%` });
    if (query.status) qb.andWhere('n.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toDtos(rows, user), total, page: query.page, pageSize: query.pageSize };
  }

  /** Nominations for the provider the user acts for, or may claim as its contact; waiting ones first. */
  async mine(user: AuthUser, query: NominationQuery): Promise<Paged<NominationDto>> {
    const viewer = await this.viewer(user);
    const ids = [...new Set([...viewer.memberOf, ...viewer.claimable])];
    if (ids.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const qb = this.db.manager.createQueryBuilder(GalaNomination, 'n').where('n.provider_id IN (:...ids)', { ids });
    if (query.status) qb.andWhere('n.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy(`CASE WHEN n.status = 'nominated' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('n.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toDtos(rows, user), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: number): Promise<NominationDto> {
    const nomination = await this.load(id);
    const standing = this.standing(await this.viewer(user), nomination);
    if (!standing.member && !standing.claimant && !standing.overseer) throw outOfScope('这个提名与您无关');
    return (await this.toDtos([nomination], user))[0];
  }

  private findByKey(userId: number, idempotencyKey: string): Promise<GalaNomination | null> {
    return this.db.manager.findOne(GalaNomination, { where: { nominatedBy: userId, idempotencyKey } });
  }

  private async load(id: number): Promise<GalaNomination> {
    const nomination = await this.db.manager.findOne(GalaNomination, { where: { id } });
    if (!nomination) throw notFound('村晚提名', { id });
    return nomination;
  }

  private async viewer(user: AuthUser): Promise<Viewer> {
    const [memberOf, claimable, root] = await Promise.all([this.providersOf(user), this.claimableProviders(user), this.scope.oversightRegion(user)]);
    return { memberOf: user.roles.includes('provider') ? memberOf : [], claimable, root };
  }

  private standing(viewer: Viewer, n: GalaNomination): Standing {
    const member = viewer.memberOf.includes(n.providerId);
    return {
      member,
      claimant: !member && viewer.claimable.includes(n.providerId),
      overseer: viewer.root !== null && n.sourceVillageCode.startsWith(viewer.root),
    };
  }

  private rolesOf(user: AuthUser, standing: Standing): Role[] {
    return [...(standing.member || standing.claimant ? (['provider'] as Role[]) : []), ...(standing.overseer ? this.reviewerRoles(user) : [])];
  }

  private reviewerRoles(user: AuthUser): Role[] {
    return user.roles.filter((r) => r === 'reviewer' || r === 'admin');
  }

  private async providersOf(user: AuthUser): Promise<number[]> {
    const rows = await this.db.manager.find(ProviderMember, { where: { userId: user.id } });
    return rows.map((r) => r.providerId);
  }

  /** Providers with nobody acting for them whose contact phone is the phone this user signed in with. */
  private async claimableProviders(user: AuthUser): Promise<number[]> {
    const account = await this.db.manager.findOne(User, { where: { id: user.id } });
    if (!account?.phone) return [];
    const rows: { id: number }[] = await this.db.manager.query(
      'SELECT p.id FROM providers p WHERE p.contact_phone = ? AND NOT EXISTS (SELECT 1 FROM provider_members m WHERE m.provider_id = p.id)',
      [account.phone],
    );
    return rows.map((r) => Number(r.id));
  }

  /** The contact becomes the provider's first member, with the provider role, in the transaction that decides. */
  private async claim(m: EntityManager, user: AuthUser, providerId: number): Promise<void> {
    await m.insert(ProviderMember, { providerId, userId: user.id });
    if (!(await m.exists(UserRole, { where: { userId: user.id, role: 'provider' } }))) await m.insert(UserRole, { userId: user.id, role: 'provider', regionCode: null });
  }

  /** The provider's members, or, while it has none, whoever signed up with its contact phone. */
  private async providerSide(m: EntityManager, providerId: number): Promise<number[]> {
    const members = await this.notifications.providerMembers(m, providerId);
    if (members.length > 0) return members;
    const rows: { id: number }[] = await m.query('SELECT u.id FROM users u JOIN providers p ON p.contact_phone = u.phone WHERE p.id = ?', [providerId]);
    return rows.map((r) => Number(r.id));
  }

  private async toDtos(rows: GalaNomination[], user: AuthUser): Promise<NominationDto[]> {
    if (rows.length === 0) return [];
    const [projects, providers, villages, halls, users] = await Promise.all([
      this.db.manager.find(ServiceProject, { where: { id: In(rows.map((n) => n.projectId)) } }),
      this.db.manager.find(Provider, { where: { id: In(rows.map((n) => n.providerId)) } }),
      this.db.manager.find(Region, { where: { code: In(rows.map((n) => n.sourceVillageCode)) } }),
      this.db.manager.find(Hall, { where: { id: In(rows.map((n) => n.sourceHallId ?? 0)) } }),
      this.db.manager.find(User, { where: { id: In(rows.map((n) => n.nominatedBy)) } }),
    ]);
    const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
    const [projectOf, providerOf, hallOf, userOf] = [byId(projects), byId(providers), byId(halls), byId(users)];
    const villageOf = new Map(villages.map((v) => [v.code, v]));
    const viewer = await this.viewer(user);
    return rows.map((n) => {
        const project = projectOf.get(n.projectId)!;
        const provider = providerOf.get(n.providerId)!;
        const hall = n.sourceHallId === null ? undefined : hallOf.get(n.sourceHallId);
        return {
          id: n.id,
          status: n.status,
          galaName: n.galaName,
          performers: n.performers,
          sourceVillage: { code: n.sourceVillageCode, name: villageOf.get(n.sourceVillageCode)?.fullName ?? n.sourceVillageCode },
          sourceHall: hall ? { id: hall.id, name: hall.name } : null,
          project: { id: project.id, title: project.title, category: project.category, status: project.status, cover: project.photos[0] ?? null },
          provider: {
            id: provider.id,
            name: provider.name,
            kind: provider.kind,
            verified: provider.verification === 'verified',
            createdForNomination: n.providerCreated,
            contactName: provider.contactName,
            contactPhone: provider.contactPhone,
          },
          nominatedBy: userOf.get(n.nominatedBy)?.nickname ?? null,
          nominatedAt: iso(n.createdAt)!,
          decidedAt: iso(n.decidedAt),
          reason: n.reason,
          allowedActions: allowedEvents(nominationMachine, n.status, this.rolesOf(user, this.standing(viewer, n))),
        };
    });
  }
}
