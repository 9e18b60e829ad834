import { Injectable } from '@nestjs/common';
import type { Paged, PageQuery, ProjectDto, ReviewQueueItemDto, ReviewQueueQuery } from '@hall-menu/shared';
import { SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { outOfScope } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { ScopeService } from '../users/scope.service';
import { ProjectRevision } from './project-revision.entity';
import { ProjectViewsService } from './project-views.service';
import { ServiceProject } from './service-project.entity';

/** A project lies in a reviewer's region when every code of its service area lies inside it. */
function insideRegion<T extends object>(qb: SelectQueryBuilder<T>, projectAlias: string, root: string): SelectQueryBuilder<T> {
  if (root === '') return qb;
  return qb.andWhere(
    `NOT EXISTS (SELECT 1 FROM project_areas pa WHERE pa.project_id = ${projectAlias}.id AND pa.region_code NOT LIKE :rootPrefix)`,
    { rootPrefix: `${root}%` },
  );
}

@Injectable()
export class ReviewsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly views: ProjectViewsService,
  ) {}

  /** New projects and edits waiting for review in the reviewer's region, oldest first. */
  async queue(user: AuthUser, query: ReviewQueueQuery): Promise<Paged<ReviewQueueItemDto>> {
    const root = await this.oversight(user);
    const needed = query.page * query.pageSize;

    const projectsQb = insideRegion(
      this.db.manager.createQueryBuilder(ServiceProject, 'p').where('p.status = :status', { status: 'pending_review' }),
      'p',
      root,
    );
    const revisionsQb = insideRegion(
      this.db.manager
        .createQueryBuilder(ProjectRevision, 'r')
        .innerJoinAndMapOne('r.project', ServiceProject, 'p', 'p.id = r.project_id')
        .where('r.status = :status', { status: 'pending_review' }),
      'p',
      root,
    );
    if (query.category) {
      projectsQb.andWhere('p.category = :category', { category: query.category });
      revisionsQb.andWhere('p.category = :category', { category: query.category });
    }
    const [projects, projectCount] =
      query.kind === 'revision' ? [[], 0] : await projectsQb.orderBy('p.submittedAt', 'ASC').addOrderBy('p.id', 'ASC').take(needed).getManyAndCount();
    const [revisions, revisionCount] =
      query.kind === 'project' ? [[], 0] : await revisionsQb.orderBy('r.createdAt', 'ASC').addOrderBy('r.id', 'ASC').take(needed).getManyAndCount();

    const providers = await this.views.providerRefs([
      ...projects.map((p) => p.providerId),
      ...revisions.map((r) => (r as ProjectRevision & { project: ServiceProject }).project.providerId),
    ]);
    const areas = await this.views.areasOf(projects.map((p) => p.id));
    const ref = (providerId: number) => {
      const { description: _d, ...provider } = providers.get(providerId)!;
      return provider;
    };
    const items: ReviewQueueItemDto[] = [
      ...projects.map((p) => ({
        kind: 'project' as const,
        projectId: p.id,
        revisionId: null,
        title: p.title,
        category: p.category,
        provider: ref(p.providerId),
        serviceArea: areas.get(p.id) ?? [],
        submittedAt: new Date(p.submittedAt ?? p.updatedAt).toISOString(),
      })),
      ...revisions.map((r) => {
        const project = (r as ProjectRevision & { project: ServiceProject }).project;
        return {
          kind: 'revision' as const,
          projectId: project.id,
          revisionId: r.id,
          title: r.content.title,
          category: r.content.category,
          provider: ref(project.providerId),
          serviceArea: r.content.serviceArea,
          submittedAt: new Date(r.createdAt).toISOString(),
        };
      }),
    ].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.projectId - b.projectId);

    const start = (query.page - 1) * query.pageSize;
    return { items: items.slice(start, start + query.pageSize), total: projectCount + revisionCount, page: query.page, pageSize: query.pageSize };
  }

  /** Projects a reviewer took off the menu, newest first, so they can be followed up. */
  async suspended(user: AuthUser, query: PageQuery): Promise<Paged<ProjectDto>> {
    const root = await this.oversight(user);
    const qb = insideRegion(
      this.db.manager
        .createQueryBuilder(ServiceProject, 'p')
        .where('p.status = :status AND p.suspended_at IS NOT NULL', { status: 'offline' }),
      'p',
      root,
    );
    const [projects, total] = await qb
      .orderBy('p.suspendedAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.views.toDtos(projects, user), total, page: query.page, pageSize: query.pageSize };
  }

  private async oversight(user: AuthUser): Promise<string> {
    const root = await this.scope.oversightRegion(user);
    if (root === null) throw outOfScope('您没有负责的审核地区');
    return root;
  }
}
