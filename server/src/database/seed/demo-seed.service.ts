import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { RegionLevel } from '@hall-menu/shared';
import { EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { HallManager } from '../../modules/halls/hall-manager.entity';
import { NeedResponse } from '../../modules/needs/need-response.entity';
import { NeedUpvote } from '../../modules/needs/need-upvote.entity';
import { Need } from '../../modules/needs/need.entity';
import { HallEvent } from '../../modules/orders/hall-event.entity';
import { Order } from '../../modules/orders/order.entity';
import { EventRating } from '../../modules/ratings/event-rating.entity';
import { OrderRating } from '../../modules/ratings/order-rating.entity';
import { ScoresService } from '../../modules/ratings/scores.service';
import { Reservation } from '../../modules/reservations/reservation.entity';
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
import { buildDemoHistory, historyWorld, publishedDaysAgo, type PlanIds } from './demo-history';
import { buildDemoPlan, loadDivisions, type DemoPlan, type Divisions } from './demo-plan';
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
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    if ((await this.db.manager.count(Region)) > 0) return;
    await this.seed();
  }

  private async seedProject(
    m: EntityManager,
    p: DemoProject,
    providerId: number,
    memberId: number | null,
    reviewerId: number,
    now: Date,
  ): Promise<{ id: number; publishedAt: Date | null }> {
    const decidedAt = new Date(now.getTime() - publishedDaysAgo(p, this.config.seedDemoHistory) * 86_400_000);
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
    return { id: project.id, publishedAt: project.publishedAt };
  }

  async seed(): Promise<void> {
    const started = Date.now();
    const divisions = loadDivisions();
    const plan = buildDemoPlan(divisions);
    const now = new Date();
    const history = await this.db.transaction(async (m) => {
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
      const projectIds: PlanIds['projects'] = new Map();
      for (const p of plan.projects) {
        projectIds.set(p.key, await this.seedProject(m, p, providerIds.get(p.providerKey)!, memberOf.get(p.providerKey) ?? null, reviewerId, now));
      }
      if (!this.config.seedDemoHistory) return null;
      return this.seedHistory(m, plan, { halls: hallIds, providers: providerIds, users: userIds, projects: projectIds }, now);
    });
    this.logger.log({
      msg: 'demo data seeded',
      regions: divisions.regions.length + 2,
      halls: plan.halls.length,
      providers: plan.providers.length,
      projects: plan.projects.length,
      users: plan.users.length,
      ...(history ?? {}),
      ms: Date.now() - started,
    });
  }

  /**
   * A year of use on top of the demo world (see demo-history.ts), written in the seed's transaction with the ids the
   * builder gave its rows; then the counters and cached scores those rows imply, the latter by the ratings module's own
   * recomputation.
   */
  private async seedHistory(m: EntityManager, plan: DemoPlan, ids: PlanIds, now: Date): Promise<Record<string, number>> {
    const nextId = async (table: string) => Number((await m.query(`SELECT COALESCE(MAX(id), 0) + 1 AS next FROM ${table}`))[0].next);
    const { orders, reservations } = this.config;
    const world = historyWorld(
      plan,
      ids,
      now,
      {
        answerHours: orders.answerHours,
        confirmHours: orders.confirmHours,
        cancelNoticeHours: orders.cancelNoticeHours,
        maxSeatsPerPerson: reservations.maxSeatsPerPerson,
        cancelCutoffMinutes: reservations.cancelCutoffMinutes,
      },
      {
        user: await nextId('users'),
        order: await nextId('orders'),
        event: await nextId('hall_events'),
        reservation: await nextId('reservations'),
        need: await nextId('needs'),
        needResponse: await nextId('need_responses'),
        eventRating: await nextId('event_ratings'),
        orderRating: await nextId('order_ratings'),
      },
    );
    const h = buildDemoHistory(world);
    await insertRows(m, User, h.users);
    await insertRows(m, UserRole, h.userRoles);
    await insertRows(m, HallManager, h.hallManagers);
    await insertRows(m, ProviderMember, h.providerMembers);
    await insertRows(m, Order, h.orders);
    await insertRows(m, HallEvent, h.events);
    await insertRows(m, Reservation, h.reservations);
    await insertRows(m, EventRating, h.eventRatings);
    await insertRows(m, OrderRating, h.orderRatings);
    await insertRows(m, Need, h.needs);
    await insertRows(m, NeedUpvote, h.needUpvotes);
    await insertRows(m, NeedResponse, h.needResponses);
    await insertRows(m, TransitionHistory, h.history);

    // Counters: a few statements, one per distinct value.
    const byValue = async (table: string, set: string, rows: { id: number; value: unknown[] }[]) => {
      const groups = new Map<string, { value: unknown[]; ids: number[] }>();
      for (const row of rows) {
        const key = JSON.stringify(row.value);
        groups.set(key, { value: row.value, ids: [...(groups.get(key)?.ids ?? []), row.id] });
      }
      for (const { value, ids: rowIds } of groups.values()) {
        await m.query(`UPDATE ${table} SET ${set} WHERE id IN (${rowIds.map(() => '?').join(', ')})`, [...value, ...rowIds]);
      }
    };
    await byValue('halls', 'quota_year = ?, quota_used = ?', h.hallQuotas.map((q) => ({ id: q.id, value: [q.quotaYear, q.quotaUsed] })));
    await byValue('service_projects', 'order_count = ?', h.projectOrderCounts.map((p) => ({ id: p.id, value: [p.orderCount] })));
    await byValue('providers', 'team_count = ?, team_size = ?', h.providerTeams.map((t) => ({ id: t.id, value: [t.teamCount, t.teamSize] })));
    const scores = this.moduleRef.get(ScoresService, { strict: false });
    for (const projectId of h.ratedProjectIds) await scores.refreshProject(m, projectId);
    for (const hallId of h.ratedHallIds) await scores.refreshHall(m, hallId);
    return {
      orders: h.orders.length,
      events: h.events.length,
      reservations: h.reservations.length,
      eventRatings: h.eventRatings.length,
      orderRatings: h.orderRatings.length,
      needs: h.needs.length,
      historyRows: h.history.length,
      extraUsers: h.users.length,
    };
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

/**
 * Rows written as they are (ids included) with plain multi-row INSERTs: the history is tens of thousands of rows and
 * the query builder's per-row work would be most of the seed's time. Values are stored as TypeORM stores them.
 */
async function insertRows<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, rows: object[], size = 400): Promise<void> {
  if (rows.length === 0) return;
  const embedded = m.connection.options.type === 'sqljs';
  const columns = m.connection.getMetadata(entity).columns.filter((c) => c.propertyName in rows[0]);
  const store = (column: (typeof columns)[number], value: unknown): unknown => {
    if (value === null || value === undefined) return null;
    if (column.type === 'simple-json') return JSON.stringify(value);
    if (value instanceof Date) return embedded ? value.toISOString().replace('T', ' ').replace('Z', '') : value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  };
  const table = m.connection.getMetadata(entity).tableName;
  const names = columns.map((c) => (embedded ? `"${c.databaseName}"` : `\`${c.databaseName}\``)).join(', ');
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size) as Record<string, unknown>[];
    const marks = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await m.query(`INSERT INTO ${table} (${names}) VALUES ${marks}`, chunk.flatMap((row) => columns.map((c) => store(c, row[c.propertyName]))));
  }
}

async function insertChunked<T extends object>(m: EntityManager, entity: new () => T, rows: T[], size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await m.insert(entity, rows.slice(i, i + size) as never);
}
