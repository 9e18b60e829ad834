import { refuseUnlessAllowed } from '../../common/transitions/transition-refusal';
import { Injectable } from '@nestjs/common';
import {
  allowedEvents,
  ErrorCode,
  findTransition,
  projectContentSchema,
  projectMachine,
  PROJECT_EVENT_LABELS,
  PROJECT_STATE_LABELS,
  revisionMachine,
  type HistoryEntryDto,
  type MyProjectsQuery,
  type Paged,
  type ProjectContent,
  type ProjectDetailDto,
  type ProjectDto,
  type ProjectEvent,
  type RevisionEvent,
} from '@hall-menu/shared';
import { EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { TransitionHistory } from '../../common/transitions/transition-history.entity';
import { TransitionService, type Actor } from '../../common/transitions/transition.service';
import { DatabaseService } from '../../database/database.service';
import { Provider } from '../providers/provider.entity';
import { readHonours } from '../rankings/honours';
import { readScores } from '../ratings/scores';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';
import { contentColumns, contentOf } from './project-content';
import { ProjectArea } from './project-area.entity';
import { ProjectBlackout } from './project-blackout.entity';
import { ProjectRevision } from './project-revision.entity';
import { MenuCacheService } from './menu-cache.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ProjectViewsService } from './project-views.service';
import { ServiceProject } from './service-project.entity';

const actorOf = (user: AuthUser): Actor => ({ id: user.id, roles: user.roles });

@Injectable()
export class ProjectsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly transitions: TransitionService,
    private readonly views: ProjectViewsService,
    private readonly menuCache: MenuCacheService,
    private readonly notifications: NotificationsService,
  ) {}

  /** A provider member declares a project; it starts as a draft of their organisation. */
  async create(user: AuthUser, content: ProjectContent): Promise<ProjectDto> {
    const providerId = await this.scope.providerIdOf(user.id);
    if (!providerId) throw outOfScope('您还没有加入任何服务方组织，请联系管理员');
    await this.assertRegions(content.serviceArea);
    const id = await this.db.transaction(async (m) => {
      const project = await m.save(
        m.create(ServiceProject, { ...contentColumns(content), providerId, status: 'draft', source: 'declared', revision: 1 }),
      );
      await this.writeAreas(m, project.id, content);
      await this.transitions.recordCreated(m, { machine: projectMachine, id: project.id, state: 'draft', actor: actorOf(user), actorRole: 'provider' });
      return project.id;
    });
    return this.get(user, id);
  }

  /**
   * Edits a project. A draft, rejected or offline project changes in place; a published one gets a revision
   * that is reviewed while the published version stays on the menu.
   */
  async update(user: AuthUser, id: number, content: ProjectContent): Promise<ProjectDto> {
    const project = await this.load(id);
    await this.assertMember(user, project);
    await this.assertRegions(content.serviceArea);
    await this.db.transaction(async (m) => {
      const current = await m.findOneByOrFail(ServiceProject, { id });
      switch (current.status) {
        case 'draft':
        case 'rejected':
        case 'offline': {
          // Guarded like a transition: a concurrent submit must not be overwritten by a stale edit.
          const result = await m
            .createQueryBuilder()
            .update(ServiceProject)
            .set(contentColumns(content))
            .where('id = :id AND status = :status', { id, status: current.status })
            .execute();
          if (result.affected !== 1) throw new DomainError(ErrorCode.StaleState, '该服务项目刚被更新，请刷新后重试');
          await this.writeAreas(m, id, content);
          return;
        }
        case 'published': {
          const pending = await m.findOne(ProjectRevision, { where: { projectId: id, status: 'pending_review' } });
          if (pending) {
            await m.update(ProjectRevision, { id: pending.id, status: 'pending_review' }, { content, submittedBy: user.id });
            return;
          }
          const revision = await m.save(m.create(ProjectRevision, { projectId: id, status: 'pending_review', content, submittedBy: user.id }));
          await this.transitions.recordCreated(m, { machine: revisionMachine, id: revision.id, state: 'pending_review', actor: actorOf(user), actorRole: 'provider' });
          return;
        }
        case 'pending_review':
          throw new DomainError(ErrorCode.Conflict, '项目正在审核中，请等审核结果出来后再修改');
        case 'archived':
          throw new DomainError(ErrorCode.InvalidTransition, '已归档的项目不能再修改');
      }
    });
    return this.get(user, id);
  }

  /** Fires a project workflow event: the provider's own (submit, withdraw…) or a reviewer's (approve, reject, suspend). */
  async act(user: AuthUser, id: number, event: ProjectEvent, reason?: string): Promise<ProjectDto> {
    const project = await this.load(id);
    const areas = (await this.views.areasOf([id])).get(id)!;
    const relation = await this.views.relation(user, project, areas);
    const roles = this.views.effectiveRoles(user, relation);
    refuseUnlessAllowed(projectMachine, project.status, event, user.roles, roles);
    if (!findTransition(projectMachine, project.status, event, roles)) {
      const asProvider = projectMachine.transitions.some((t) => t.event === event && t.roles.includes('provider'));
      throw outOfScope(asProvider ? '您不是该服务方的成员' : '该项目的服务区域不在您负责的地区内');
    }
    const now = new Date();
    const set: Partial<Record<keyof ServiceProject, unknown>> = {};
    if (event === 'submit' || event === 'resubmit') Object.assign(set, { submittedAt: now, suspendedAt: null });
    if (event === 'approve') set.publishedAt = now;
    if (event === 'suspend') set.suspendedAt = now;
    await this.db.transaction(async (m) => {
      await this.transitions.apply(
        {
          machine: projectMachine,
          entity: ServiceProject,
          label: '服务项目',
          id,
          event,
          actor: { id: user.id, roles },
          reason,
          set,
          guard: async (row, tx) => {
            if (event === 'submit' || event === 'resubmit') await this.assertReadyForReview(tx, row);
          },
        },
        m,
      );
      if (event === 'approve' || event === 'reject' || event === 'suspend') {
        const to = findTransition(projectMachine, project.status, event, roles)!.to;
        await this.notifications.notify(m, await this.notifications.providerMembers(m, project.providerId), {
          kind: `project.${event}`,
          title: `项目${PROJECT_STATE_LABELS[to]}`,
          body: `「${project.title}」${PROJECT_EVENT_LABELS[event]}${reason?.trim() ? `，原因：${reason.trim()}` : ''}`,
          link: `pages/project/index?id=${id}`,
        });
      }
    });
    if (project.status === 'published' || event === 'approve') this.menuCache.invalidate();
    return this.get(user, id);
  }

  /** A reviewer approves or rejects an edit of a published project; approval replaces the menu's version. */
  async decideRevision(user: AuthUser, projectId: number, revisionId: number, event: RevisionEvent, reason?: string): Promise<ProjectDto> {
    const project = await this.load(projectId);
    const revision = await this.db.manager.findOne(ProjectRevision, { where: { id: revisionId, projectId } });
    if (!revision) throw notFound('修改申请', { projectId, revisionId });
    const areas = (await this.views.areasOf([projectId])).get(projectId)!;
    const relation = await this.views.relation(user, project, areas);
    if (event === 'withdraw' ? !relation.member : !relation.overseer || !(await this.scope.oversees(user, revision.content.serviceArea))) {
      throw outOfScope(event === 'withdraw' ? '您不是该服务方的成员' : '该项目的服务区域不在您负责的地区内');
    }
    await this.db.transaction(async (m) => {
      await this.transitions.apply(
        {
          machine: revisionMachine,
          entity: ProjectRevision,
          label: '修改申请',
          id: revisionId,
          event,
          actor: { id: user.id, roles: this.views.effectiveRoles(user, relation) },
          reason,
          set: event === 'withdraw' ? {} : { decisionReason: reason?.trim() || null },
        },
        m,
      );
      if (event !== 'approve') return;
      const published = await m
        .createQueryBuilder()
        .update(ServiceProject)
        .set({ ...contentColumns(revision.content), revision: project.revision + 1 })
        .where('id = :id AND status = :status AND revision = :revision', { id: projectId, status: 'published', revision: project.revision })
        .execute();
      if (published.affected !== 1) throw new DomainError(ErrorCode.StaleState, '该项目已不在上架状态或刚被更新，请刷新后重试');
      await this.writeAreas(m, projectId, revision.content);
      await m.insert(TransitionHistory, {
        entityType: 'project',
        entityId: projectId,
        fromState: 'published',
        toState: 'published',
        event: 'approve_revision',
        actorId: user.id,
        actorRole: user.roles.includes('reviewer') ? 'reviewer' : 'admin',
        reason: reason?.trim() || null,
      });
    });
    if (event === 'approve') this.menuCache.invalidate();
    return this.get(user, projectId);
  }

  /** Published projects are public; anything else only for the provider's members and the reviewers of its region. */
  async get(user: AuthUser | null, id: number): Promise<ProjectDetailDto> {
    const project = await this.load(id);
    const [dto] = await this.views.toDtos([project], user);
    if (project.status !== 'published') {
      const relation = await this.views.relation(user, project, dto.serviceArea);
      // Not "forbidden": an unpublished project is not there for anyone else.
      if (!relation.member && !relation.overseer) throw notFound('服务项目', { id });
    }
    const others = await this.db.manager.find(ServiceProject, {
      where: { providerId: project.providerId, status: 'published' },
      order: { publishedAt: 'DESC', id: 'DESC' },
      take: 7,
    });
    const [providers, providerScores, honours, providerHonours] = await Promise.all([
      this.views.providerRefs([project.providerId]),
      readScores(this.db.manager, 'provider', [project.providerId]),
      readHonours(this.db.manager, 'project', [id]),
      readHonours(this.db.manager, 'provider', [project.providerId]),
    ]);
    return {
      ...dto,
      providerDescription: providers.get(project.providerId)?.description ?? '',
      otherProjects: await this.views.toMenuItems(others.filter((p) => p.id !== id).slice(0, 6)),
      providerRating: providerScores.get(project.providerId)!,
      honours: honours.get(id) ?? [],
      providerHonours: providerHonours.get(project.providerId) ?? [],
    };
  }

  /** The project's review history, including its revisions: who decided what, when and why. */
  async history(user: AuthUser, id: number): Promise<HistoryEntryDto[]> {
    const project = await this.load(id);
    const areas = (await this.views.areasOf([id])).get(id)!;
    const relation = await this.views.relation(user, project, areas);
    if (!relation.member && !relation.overseer) throw outOfScope('只有该服务方成员和负责地区的审核员可以查看审核记录');
    const revisionIds = (await this.db.manager.find(ProjectRevision, { where: { projectId: id }, select: { id: true } })).map((r) => r.id);
    return this.transitions.timeline([
      { entityType: 'project', ids: [id] },
      { entityType: 'revision', ids: revisionIds, eventPrefix: 'revision_' },
    ]);
  }

  /** A provider member's projects, any state, newest first. */
  async mine(user: AuthUser, query: MyProjectsQuery): Promise<Paged<ProjectDto>> {
    const providerId = await this.scope.providerIdOf(user.id);
    if (!providerId) throw outOfScope('您还没有加入任何服务方组织，请联系管理员');
    const where = query.status ? { providerId, status: query.status } : { providerId, status: In(['draft', 'pending_review', 'published', 'rejected', 'offline']) };
    const [projects, total] = await this.db.manager.findAndCount(ServiceProject, {
      where,
      order: { updatedAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: await this.views.toDtos(projects, user), total, page: query.page, pageSize: query.pageSize };
  }

  private async load(id: number): Promise<ServiceProject> {
    const project = await this.db.manager.findOne(ServiceProject, { where: { id } });
    if (!project) throw notFound('服务项目', { id });
    return project;
  }

  private async assertMember(user: AuthUser, project: ServiceProject): Promise<void> {
    await this.scope.assertMemberOf(user, project.providerId);
  }

  /** The `organisationVerified` and `projectComplete` guards of the table. */
  private async assertReadyForReview(m: EntityManager, project: ServiceProject): Promise<void> {
    const provider = await m.findOneByOrFail(Provider, { id: project.providerId });
    if (provider.verification !== 'verified') {
      throw new DomainError(ErrorCode.Forbidden, '您的服务方组织尚未通过认证，认证通过后才能提交审核。请联系所在地宣传部门。', {
        verification: provider.verification,
      });
    }
    const areas = (await m.find(ProjectArea, { where: { projectId: project.id } })).map((a) => a.regionCode);
    const check = projectContentSchema.safeParse(contentOf(project, areas));
    if (!check.success) {
      const fields = check.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      throw new DomainError(ErrorCode.ValidationFailed, `项目信息还不完整：${fields[0].message}`, { fields });
    }
  }

  private async assertRegions(codes: string[]): Promise<void> {
    const found = await this.db.manager.count(Region, { where: { code: In(codes) } });
    if (found !== new Set(codes).size) {
      throw new DomainError(ErrorCode.ValidationFailed, '服务区域中有不存在的地区，请重新选择', {
        fields: [{ field: 'serviceArea', message: '有不存在的地区' }],
      });
    }
  }

  private async writeAreas(m: EntityManager, projectId: number, content: ProjectContent): Promise<void> {
    await m.delete(ProjectArea, { projectId });
    await m.insert(ProjectArea, [...new Set(content.serviceArea)].map((regionCode) => ({ projectId, regionCode })));
    await m.delete(ProjectBlackout, { projectId });
    if (content.blackoutDates.length) {
      await m.insert(ProjectBlackout, content.blackoutDates.map((r) => ({ projectId, fromDate: r.from, toDate: r.to })));
    }
  }
}
