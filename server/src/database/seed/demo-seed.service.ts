import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { RegionLevel } from '@hall-menu/shared';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { HallManager } from '../../modules/halls/hall-manager.entity';
import { Hall } from '../../modules/halls/hall.entity';
import { TransitionHistory } from '../../common/transitions/transition-history.entity';
import { contentColumns } from '../../modules/projects/project-content';
import { ProjectArea } from '../../modules/projects/project-area.entity';
import { ProjectBlackout } from '../../modules/projects/project-blackout.entity';
import { ServiceProject } from '../../modules/projects/service-project.entity';
import { ProviderArea } from '../../modules/providers/provider-area.entity';
import { ProviderMember } from '../../modules/providers/provider-member.entity';
import { Provider } from '../../modules/providers/provider.entity';
import { Region } from '../../modules/regions/region.entity';
import { UserRole } from '../../modules/users/user-role.entity';
import { User } from '../../modules/users/user.entity';
import { DatabaseService } from '../database.service';
import { buildDemoPlan, loadDivisions, type Divisions } from './demo-plan';
import type { DemoProject } from './demo-projects';

const LEVEL_BY_CODE_LENGTH: Record<number, RegionLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'village' };

/** Regions of the city with display paths from the county down ("瑞安市 塘下镇 鲍田村"). */
export function regionRows(divisions: Divisions): Region[] {
  const byCode = new Map<string, { name: string; parentCode: string | null }>();
  byCode.set(divisions.province.code, { name: divisions.province.name, parentCode: null });
  byCode.set(divisions.city.code, { name: divisions.city.name, parentCode: divisions.province.code });
  for (const [code, name, parentCode] of divisions.regions) byCode.set(code, { name, parentCode });
  const fullName = (code: string): string => {
    const node = byCode.get(code)!;
    if (code.length <= 6 || !node.parentCode) return node.name;
    return `${fullName(node.parentCode)} ${node.name}`;
  };
  return [...byCode.entries()].map(([code, { name, parentCode }]) =>
    Object.assign(new Region(), { code, name, parentCode, level: LEVEL_BY_CODE_LENGTH[code.length], fullName: fullName(code) }),
  );
}

/**
 * Fills an empty database with the real divisions of 温州市 and a deterministic demo world
 * (halls in real villages, providers of every kind, a demo user for every role).
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    if ((await this.db.manager.count(Region)) > 0) return;
    await this.seed();
  }

  private async seedProject(m: EntityManager, p: DemoProject, providerId: number, memberId: number | null, reviewerId: number): Promise<void> {
    const decidedAt = new Date(Date.now() - p.daysAgo * 86_400_000);
    const submittedAt = new Date(decidedAt.getTime() - 2 * 86_400_000);
    const project = await m.save(
      m.create(ServiceProject, {
        ...contentColumns(p.content),
        providerId,
        status: p.status,
        source: 'declared',
        revision: 1,
        submittedAt: p.status === 'draft' ? null : submittedAt,
        publishedAt: p.status === 'published' || p.status === 'offline' ? decidedAt : null,
        suspendedAt: p.status === 'offline' ? decidedAt : null,
      }),
    );
    await m.insert(ProjectArea, p.content.serviceArea.map((regionCode) => ({ projectId: project.id, regionCode })));
    if (p.content.blackoutDates.length) {
      await m.insert(ProjectBlackout, p.content.blackoutDates.map((r) => ({ projectId: project.id, fromDate: r.from, toDate: r.to })));
    }
    const steps = STEPS[p.status];
    await m.insert(
      TransitionHistory,
      steps.map(([event, fromState, toState, actor], i) => ({
        entityType: 'project',
        entityId: project.id,
        fromState,
        toState,
        event,
        actorId: actor === 'provider' ? memberId : reviewerId,
        actorRole: actor,
        reason: i === steps.length - 1 && actor === 'reviewer' ? p.reason : null,
        createdAt: i === steps.length - 1 ? decidedAt : submittedAt,
      })),
    );
  }

  async seed(): Promise<void> {
    const started = Date.now();
    const divisions = loadDivisions();
    const plan = buildDemoPlan(divisions);
    await this.db.transaction(async (m) => {
      await insertChunked(m, Region, regionRows(divisions));
      const year = new Date().getFullYear();
      const hallIds = new Map<string, number>();
      for (const { key, ...hall } of plan.halls) {
        const saved = await m.save(m.create(Hall, { ...hall, quotaYear: year, quotaUsed: 0, active: true }));
        hallIds.set(key, saved.id);
      }
      const providerIds = new Map<string, number>();
      for (const { key, serviceArea, ...provider } of plan.providers) {
        const saved = await m.save(m.create(Provider, provider));
        providerIds.set(key, saved.id);
        await m.insert(ProviderArea, serviceArea.map((regionCode) => ({ providerId: saved.id, regionCode })));
      }
      const userIds = new Map<string, number>();
      for (const u of plan.users) {
        const user = await m.save(m.create(User, { nickname: u.nickname, demoKey: u.key, villageCode: u.villageCode ?? null }));
        userIds.set(u.key, user.id);
        await m.insert(
          UserRole,
          u.roles.map((role) => ({ userId: user.id, role, regionCode: role === 'reviewer' || role === 'admin' ? (u.regionCode ?? null) : null })),
        );
        for (const hallKey of u.hallKeys ?? []) await m.insert(HallManager, { hallId: hallIds.get(hallKey)!, userId: user.id });
        if (u.providerKey) await m.insert(ProviderMember, { providerId: providerIds.get(u.providerKey)!, userId: user.id });
      }
      const reviewerId = userIds.get('reviewer-1')!;
      const memberOf = new Map(plan.users.filter((u) => u.providerKey).map((u) => [u.providerKey!, userIds.get(u.key)!]));
      for (const p of plan.projects) await this.seedProject(m, p, providerIds.get(p.providerKey)!, memberOf.get(p.providerKey) ?? null, reviewerId);
    });
    this.logger.log({
      msg: 'demo data seeded',
      regions: divisions.regions.length + 2,
      halls: plan.halls.length,
      providers: plan.providers.length,
      projects: plan.projects.length,
      users: plan.users.length,
      ms: Date.now() - started,
    });
  }
}

type HistoryStep = [event: string, from: string | null, to: string, actor: 'provider' | 'reviewer', reason?: string | null];

/** The workflow steps that lead to each demo state, so seeded projects have the history real ones would. */
const STEPS: Record<string, HistoryStep[]> = {
  draft: [['create', null, 'draft', 'provider']],
  pending_review: [['create', null, 'draft', 'provider'], ['submit', 'draft', 'pending_review', 'provider']],
  published: [['create', null, 'draft', 'provider'], ['submit', 'draft', 'pending_review', 'provider'], ['approve', 'pending_review', 'published', 'reviewer']],
  rejected: [['create', null, 'draft', 'provider'], ['submit', 'draft', 'pending_review', 'provider'], ['reject', 'pending_review', 'rejected', 'reviewer']],
  offline: [
    ['create', null, 'draft', 'provider'],
    ['submit', 'draft', 'pending_review', 'provider'],
    ['approve', 'pending_review', 'published', 'reviewer'],
    ['suspend', 'published', 'offline', 'reviewer'],
  ],
};

async function insertChunked<T extends object>(m: EntityManager, entity: new () => T, rows: T[], size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await m.insert(entity, rows.slice(i, i + size) as never);
}
