import { Injectable } from '@nestjs/common';
import {
  allowedEvents,
  projectMachine,
  revisionMachine,
  type MenuItemDto,
  type ProjectDto,
  type ProjectProviderRef,
  type RevisionSummary,
  type Role,
} from '@hall-menu/shared';
import { EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DatabaseService } from '../../database/database.service';
import { Provider } from '../providers/provider.entity';
import { readHonours } from '../rankings/honours';
import { readScores } from '../ratings/scores';
import { ScopeService } from '../users/scope.service';
import { contentOf } from './project-content';
import { ProjectArea } from './project-area.entity';
import { ProjectRevision } from './project-revision.entity';
import { ServiceProject } from './service-project.entity';

/** How the viewer stands to a project: member of its provider, reviewer of its region, or neither. */
export interface ProjectRelation {
  member: boolean;
  overseer: boolean;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Builds the project shapes the API returns, in batches (no query per row). */
@Injectable()
export class ProjectViewsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
  ) {}

  /** `m`: the primary unless the caller reads from a replica (the menu). */
  async areasOf(projectIds: number[], m: EntityManager = this.db.manager): Promise<Map<number, string[]>> {
    const map = new Map<number, string[]>(projectIds.map((id) => [id, []]));
    if (projectIds.length === 0) return map;
    const rows = await m.find(ProjectArea, { where: { projectId: In(projectIds) }, order: { regionCode: 'ASC' } });
    for (const row of rows) map.get(row.projectId)!.push(row.regionCode);
    return map;
  }

  async providerRefs(providerIds: number[], m: EntityManager = this.db.manager): Promise<Map<number, ProjectProviderRef & { description: string }>> {
    const unique = [...new Set(providerIds)];
    if (unique.length === 0) return new Map();
    const providers = await m.find(Provider, { where: { id: In(unique) } });
    return new Map(
      providers.map((p) => [p.id, { id: p.id, name: p.name, kind: p.kind, verified: p.verification === 'verified', description: p.description }]),
    );
  }

  async relation(user: AuthUser | null, project: ServiceProject, areas: string[]): Promise<ProjectRelation> {
    if (!user) return { member: false, overseer: false };
    const member = user.roles.includes('provider') && (await this.scope.providerIdOf(user.id)) === project.providerId;
    const overseer = await this.scope.oversees(user, areas);
    return { member, overseer };
  }

  /** The roles whose table rows apply to this viewer: a role counts only inside its scope. */
  effectiveRoles(user: AuthUser | null, relation: ProjectRelation): Role[] {
    if (!user) return [];
    return user.roles.filter(
      (role) => (role === 'provider' && relation.member) || ((role === 'reviewer' || role === 'admin') && relation.overseer),
    );
  }

  async toDtos(projects: ServiceProject[], user: AuthUser | null): Promise<ProjectDto[]> {
    const ids = projects.map((p) => p.id);
    const [areas, providers, revisions] = await Promise.all([
      this.areasOf(ids),
      this.providerRefs(projects.map((p) => p.providerId)),
      ids.length
        ? this.db.manager.find(ProjectRevision, { where: { projectId: In(ids), status: 'pending_review' } })
        : Promise.resolve([] as ProjectRevision[]),
    ]);
    const lastRejected = ids.length
      ? await this.db.manager
          .createQueryBuilder(ProjectRevision, 'r')
          .where('r.project_id IN (:...ids) AND r.status = :status', { ids, status: 'rejected' })
          .orderBy('r.id', 'DESC')
          .getMany()
      : [];
    return Promise.all(
      projects.map(async (project) => {
        const projectAreas = areas.get(project.id) ?? [];
        const relation = await this.relation(user, project, projectAreas);
        const roles = this.effectiveRoles(user, relation);
        const pending = revisions.find((r) => r.projectId === project.id);
        // A rejected edit is shown to its provider until they edit again.
        const rejected = relation.member || relation.overseer ? lastRejected.find((r) => r.projectId === project.id) : undefined;
        const revision = pending ?? (rejected && project.status === 'published' ? rejected : undefined);
        const { description: _d, ...provider } = providers.get(project.providerId)!;
        return {
          id: project.id,
          status: project.status,
          source: project.source,
          revision: project.revision,
          provider,
          ...contentOf(project, projectAreas),
          ratingAverage: project.ratingAverage,
          ratingCount: project.ratingCount,
          orderCount: project.orderCount,
          createdAt: iso(project.createdAt)!,
          publishedAt: iso(project.publishedAt),
          pendingRevision: revision && (relation.member || relation.overseer) ? revisionSummary(revision, roles) : null,
          allowedActions: allowedEvents(projectMachine, project.status, roles),
          editable: relation.member && ['draft', 'rejected', 'offline', 'published'].includes(project.status),
        };
      }),
    );
  }

  async toMenuItems(projects: ServiceProject[], m: EntityManager = this.db.manager): Promise<MenuItemDto[]> {
    const [providers, providerScores, honours] = await Promise.all([
      this.providerRefs(projects.map((p) => p.providerId), m),
      readScores(m, 'provider', projects.map((p) => p.providerId)),
      readHonours(m, 'project', projects.map((p) => p.id)),
    ]);
    return projects.map((p) => {
      const { description: _d, ...provider } = providers.get(p.providerId)!;
      return {
        id: p.id,
        title: p.title,
        category: p.category,
        cover: p.photos[0] ?? null,
        summary: p.description.length > 60 ? `${p.description.slice(0, 60)}…` : p.description,
        provider,
        durationMinutes: p.durationMinutes,
        targetAudience: p.targetAudience,
        cost: p.cost,
        ratingAverage: p.ratingAverage,
        ratingCount: p.ratingCount,
        orderCount: p.orderCount,
        publishedAt: iso(p.publishedAt ?? p.updatedAt)!,
        source: p.source,
        providerRating: providerScores.get(p.providerId)!,
        honours: honours.get(p.id) ?? [],
      };
    });
  }
}

function revisionSummary(r: ProjectRevision, roles: Role[]): RevisionSummary {
  return {
    allowedActions: allowedEvents(revisionMachine, r.status, roles),
    id: r.id,
    status: r.status === 'rejected' ? 'rejected' : 'pending_review',
    reason: r.decisionReason,
    createdAt: iso(r.createdAt)!,
    content: r.content,
  };
}
