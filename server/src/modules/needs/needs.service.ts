import { Injectable } from '@nestjs/common';
import {
  allowedEvents,
  ErrorCode,
  findTransition,
  needMachine,
  type NeedDto,
  type NeedInput,
  type NeedListQuery,
  type NeedMatchDto,
  type NeedResponseDto,
  type NeedResponseInput,
  type OrderDto,
  type Paged,
  type Role,
  type SuggestionDto,
} from '@hall-menu/shared';
import { In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { addDays, beijingToday, daysBetween, inRanges, isoWeekday } from '../../common/time';
import { SYSTEM_ACTOR, TransitionService } from '../../common/transitions/transition.service';
import { DatabaseService } from '../../database/database.service';
import { Hall } from '../halls/hall.entity';
import { OrdersService } from '../orders/orders.service';
import { ancestorCodes, maskToWeekdays } from '../projects/project-content';
import { ProjectArea } from '../projects/project-area.entity';
import { ProjectViewsService } from '../projects/project-views.service';
import { ServiceProject } from '../projects/service-project.entity';
import { Provider } from '../providers/provider.entity';
import { Region } from '../regions/region.entity';
import { RulesService } from '../rules/rules.service';
import { ScopeService } from '../users/scope.service';
import { User } from '../users/user.entity';
import { NeedResponse } from './need-response.entity';
import { NeedUpvote } from './need-upvote.entity';
import { Need } from './need.entity';
import { readScores, matchingRating } from '../ratings/scores';
import { rankNeeds, rankProjects, type ProjectCandidate } from './scorer';

const MAX_CANDIDATES = 500;
const iso = (d: Date) => new Date(d).toISOString();

@Injectable()
export class NeedsService {
  constructor(
    private readonly rules: RulesService,
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly transitions: TransitionService,
    private readonly clock: Clock,
    private readonly orders: OrdersService,
    private readonly projectViews: ProjectViewsService,
  ) {}

  async create(user: AuthUser, input: NeedInput): Promise<NeedDto> {
    await this.scope.assertManagesHall(user, input.hallId);
    const today = beijingToday(this.clock.now());
    if (input.periodTo < today) {
      throw new DomainError(ErrorCode.ValidationFailed, '想要的时间段已经过去了', { fields: [{ field: 'periodTo', message: '结束日期不能早于今天' }] });
    }
    const id = await this.db.transaction(async (m) => {
      const need = await m.save(m.create(Need, { ...input, periodFrom: input.periodFrom < today ? today : input.periodFrom, createdBy: user.id, status: 'open', upvotes: 0 }));
      await this.transitions.recordCreated(m, { machine: needMachine, id: need.id, state: 'open', actor: { id: user.id, roles: user.roles }, actorRole: 'hall_manager' });
      return need.id;
    });
    return this.get(user, id);
  }

  async get(viewer: AuthUser | null, id: number): Promise<NeedDto> {
    const [dto] = await this.toDtos([await this.load(id)], viewer);
    return dto;
  }

  /** Needs of the manager's halls, or of the villager's own and followed halls; open needs everywhere for others. */
  async list(viewer: AuthUser | null, query: NeedListQuery): Promise<Paged<NeedDto>> {
    const qb = this.db.manager.createQueryBuilder(Need, 'n');
    if (query.hallId) qb.andWhere('n.hall_id = :hallId', { hallId: query.hallId });
    else if (viewer) {
      const hallIds = [...new Set([...(await this.scope.managedHallIds(viewer.id)), ...(await this.villageHallIds(viewer.id))])];
      if (hallIds.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      qb.andWhere('n.hall_id IN (:...hallIds)', { hallIds });
    }
    qb.andWhere('n.status = :status', { status: query.status ?? 'open' });
    const [needs, total] = await qb
      .orderBy('n.upvotes', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toDtos(needs, viewer), total, page: query.page, pageSize: query.pageSize };
  }

  /** 我也想看: villagers of the hall's village, once each. */
  async upvote(user: AuthUser, id: number): Promise<NeedDto> {
    const need = await this.load(id);
    if (!user.roles.includes('villager') || !(await this.villageHallIds(user.id)).includes(need.hallId)) {
      throw outOfScope('只有本村村民可以为这个需求点「我也想看」');
    }
    if (need.status !== 'open') throw new DomainError(ErrorCode.InvalidTransition, '这个需求已经结束了');
    try {
      await this.db.transaction(async (m) => {
        await m.insert(NeedUpvote, { needId: id, userId: user.id });
        await m.increment(Need, { id }, 'upvotes', 1);
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ErrorCode.Conflict, '您已经点过「我也想看」了');
      throw error;
    }
    return this.get(user, id);
  }

  async close(user: AuthUser, id: number, reason?: string): Promise<NeedDto> {
    const need = await this.load(id);
    const roles = await this.rolesFor(user, need);
    if (!findTransition(needMachine, need.status, 'close', roles)) {
      if (roles.length === 0) throw outOfScope('这不是您礼堂的需求');
      throw new DomainError(ErrorCode.InvalidTransition, '这个需求已经结束了');
    }
    await this.transitions.apply({ machine: needMachine, entity: Need, label: '需求', id, event: 'close', actor: { id: user.id, roles }, reason });
    return this.get(user, id);
  }

  /** Published projects for the need, best first, with the reasons. */
  async suggestions(user: AuthUser, id: number): Promise<SuggestionDto[]> {
    const need = await this.load(id);
    await this.scope.assertManagesHall(user, need.hallId);
    const hall = await this.db.manager.findOneByOrFail(Hall, { id: need.hallId });
    const candidates = await this.db.manager
      .createQueryBuilder(ServiceProject, 'p')
      .where("p.status = 'published'")
      .andWhere('EXISTS (SELECT 1 FROM project_areas pa WHERE pa.project_id = p.id AND pa.region_code IN (:...codes))', { codes: ancestorCodes(hall.villageCode) })
      .orderBy(`CASE WHEN p.category = :category THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('p.id', 'ASC')
      .setParameter('category', need.category)
      .limit(MAX_CANDIDATES)
      .getMany();
    if (candidates.length === 0) return [];
    const [areas, busy, served, providerScores] = await Promise.all([
      this.projectViews.areasOf(candidates.map((p) => p.id)),
      this.busyDays([...new Set(candidates.map((p) => p.providerId))], need.periodFrom, need.periodTo),
      this.servicesThisYear([hall.id]),
      readScores(this.db.manager, 'provider', candidates.map((p) => p.providerId)),
    ]);
    const providers = new Map((await this.db.manager.find(Provider, { where: { id: In([...new Set(candidates.map((p) => p.providerId))]) } })).map((p) => [p.id, p]));
    const county = hall.villageCode.slice(0, 6);
    const today = beijingToday(this.clock.now());
    const scored: ProjectCandidate[] = candidates.map((p) => ({
      projectId: p.id,
      categoryMatch: p.category === need.category,
      covers: true,
      availableDays: this.availableDays(p, hall, need, today, busy.get(p.providerId), providers.get(p.providerId)?.teamCount ?? 1),
      periodDays: daysBetween(need.periodFrom, need.periodTo) + 1,
      ratingAverage: p.ratingAverage,
      ratingCount: p.ratingCount,
      providerRating: matchingRating(providerScores.get(p.providerId)),
      hallServicesThisYear: served.get(hall.id) ?? 0,
      sameCounty: (areas.get(p.id) ?? []).some((code) => code.startsWith(county)),
    }));
    const ranked = rankProjects(scored, await this.rules.get('matchWeights')).slice(0, 10);
    const byId = new Map(candidates.map((p) => [p.id, p]));
    const items = await this.projectViews.toMenuItems(ranked.map((r) => byId.get(r.projectId)!));
    return ranked.map((r, i) => ({ project: items[i], score: r.score, reasons: r.reasons }));
  }

  /** Orders a suggested project in one step: a normal order for the need's period, and the need is matched. */
  async orderSuggestion(user: AuthUser, id: number, projectId: number, idempotencyKey: string | undefined): Promise<OrderDto> {
    const need = await this.load(id);
    await this.scope.assertManagesHall(user, need.hallId);
    if (need.status !== 'open') {
      // A retry after success gets the order that matched the need.
      if (need.matchedOrderId !== null) return this.orders.get(user, need.matchedOrderId);
      throw new DomainError(ErrorCode.InvalidTransition, '这个需求已经结束了');
    }
    const project = await this.db.manager.findOne(ServiceProject, { where: { id: projectId } });
    if (!project) throw notFound('服务项目', { id: projectId });
    const earliest = addDays(beijingToday(this.clock.now()), project.leadDays);
    const from = need.periodFrom < earliest ? earliest : need.periodFrom;
    if (from > need.periodTo) throw new DomainError(ErrorCode.Conflict, `该项目需要提前 ${project.leadDays} 天预约，来不及在需求的时间段内安排，请选择其他项目`);
    const order = await this.orders.create(
      user,
      { projectId, hallId: need.hallId, windows: [{ from, to: need.periodTo > addDays(from, 30) ? addDays(from, 30) : need.periodTo }], expectedAudience: need.expectedAudience, notes: `来自需求：${need.title}` },
      idempotencyKey,
    );
    await this.markMatched(user, need, order.id);
    return order;
  }

  /** Open needs inside the provider's service area that its projects fit, ranked from its side. */
  async board(user: AuthUser): Promise<NeedMatchDto[]> {
    const providerId = await this.scope.providerIdOf(user.id);
    if (!providerId) throw outOfScope('您还没有加入任何服务方组织');
    const projects = await this.db.manager.find(ServiceProject, { where: { providerId, status: 'published' } });
    if (projects.length === 0) return [];
    const areas = await this.projectViews.areasOf(projects.map((p) => p.id));
    const codes = [...new Set([...areas.values()].flat())];
    if (codes.length === 0) return [];
    const needs = await this.db.manager
      .createQueryBuilder(Need, 'n')
      .innerJoin(Hall, 'h', 'h.id = n.hall_id')
      .where("n.status = 'open' AND n.period_to >= :today", { today: beijingToday(this.clock.now()) })
      .andWhere(`(${codes.map((_, i) => `h.village_code LIKE :code${i}`).join(' OR ')})`, Object.fromEntries(codes.map((c, i) => [`code${i}`, `${c}%`])))
      .orderBy('n.id', 'ASC')
      .limit(MAX_CANDIDATES)
      .getMany();
    if (needs.length === 0) return [];
    const halls = new Map((await this.db.manager.find(Hall, { where: { id: In([...new Set(needs.map((n) => n.hallId))]) } })).map((h) => [h.id, h]));
    const served = await this.servicesThisYear([...halls.keys()]);
    const today = beijingToday(this.clock.now());
    const ranked = rankNeeds(
      needs.map((n) => {
        const village = halls.get(n.hallId)!.villageCode;
        const fitting = projects.filter((p) => p.category === n.category && (areas.get(p.id) ?? []).some((code) => village.startsWith(code)));
        return { needId: n.id, fittingProjects: fitting.map((p) => p.title), upvotes: n.upvotes, hallServicesThisYear: served.get(n.hallId) ?? 0, daysUntilStart: Math.max(0, daysBetween(today, n.periodFrom)) };
      }),
      await this.rules.get('matchWeights'),
    );
    const dtos = new Map((await this.toDtos(needs, user)).map((d) => [d.id, d]));
    return ranked.map((r) => {
      const village = halls.get(dtos.get(r.needId)!.hall.id)!.villageCode;
      const need = needs.find((n) => n.id === r.needId)!;
      return {
        need: dtos.get(r.needId)!,
        score: r.score,
        reasons: r.reasons,
        fittingProjectIds: projects.filter((p) => p.category === need.category && (areas.get(p.id) ?? []).some((code) => village.startsWith(code))).map((p) => p.id),
      };
    });
  }

  async respond(user: AuthUser, id: number, input: NeedResponseInput): Promise<NeedDto> {
    const need = await this.load(id);
    if (need.status !== 'open') throw new DomainError(ErrorCode.InvalidTransition, '这个需求已经结束了');
    const providerId = await this.scope.providerIdOf(user.id);
    const project = await this.db.manager.findOne(ServiceProject, { where: { id: input.projectId } });
    if (!providerId || !project || project.providerId !== providerId) throw outOfScope('只能用本组织的项目响应');
    if (project.status !== 'published') throw new DomainError(ErrorCode.Conflict, '只能用已上架的项目响应');
    const hall = await this.db.manager.findOneByOrFail(Hall, { id: need.hallId });
    const covers = await this.db.manager.exists(ProjectArea, { where: { projectId: project.id, regionCode: In(ancestorCodes(hall.villageCode)) } });
    if (!covers) throw outOfScope('该项目的服务区域不包括这个村');
    if (Date.parse(input.start) <= this.clock.now().getTime()) throw new DomainError(ErrorCode.ValidationFailed, '开始时间必须在现在之后', { fields: [{ field: 'start', message: '开始时间必须在现在之后' }] });
    try {
      await this.db.transaction((m) =>
        m.insert(NeedResponse, { needId: id, providerId, projectId: project.id, responderId: user.id, proposedStart: new Date(input.start), proposedEnd: new Date(input.end), message: input.message, status: 'pending' }),
      );
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ErrorCode.Conflict, '已经用这个项目响应过了');
      throw error;
    }
    return this.get(user, id);
  }

  /**
   * The manager accepts a provider's response: it becomes an order at the proposed time, accepted on the provider's
   * behalf (they proposed it), the need is matched and the other responses are declined — all in one transaction, so
   * a failure (the provider booked meanwhile, say) leaves nothing behind and a retry after success gets the same order.
   */
  async acceptResponse(user: AuthUser, id: number, responseId: number): Promise<OrderDto> {
    const need = await this.load(id);
    await this.scope.assertManagesHall(user, need.hallId);
    const response = await this.db.manager.findOne(NeedResponse, { where: { id: responseId, needId: id } });
    if (!response) throw notFound('响应', { id: responseId });
    if (response.status === 'accepted' && response.orderId) return this.orders.get(user, response.orderId);
    if (response.status !== 'pending' || need.status !== 'open') throw new DomainError(ErrorCode.InvalidTransition, '这个响应已经处理过了');
    const project = await this.db.manager.findOneByOrFail(ServiceProject, { id: response.projectId });
    const day = (d: Date) => beijingToday(d);
    const orderId = await this.db.transaction(async (m) => {
      // Provider before hall, as every scheduling transaction locks them (the order takes the hall's quota).
      await this.db.lockRow(m, 'providers', project.providerId);
      const taken = await m.update(NeedResponse, { id: responseId, needId: id, status: 'pending' }, { status: 'accepted' });
      if (taken.affected !== 1) throw new DomainError(ErrorCode.InvalidTransition, '这个响应已经处理过了');
      const order = await this.orders.create(
        user,
        { projectId: response.projectId, hallId: need.hallId, windows: [{ from: day(response.proposedStart), to: day(response.proposedEnd) }], expectedAudience: need.expectedAudience, notes: `来自需求：${need.title}` },
        `need-${id}-response-${responseId}`,
        { providerAgreed: true, within: m },
      );
      await this.orders.apply(order.id, 'accept', { id: response.responderId, roles: ['provider'] }, { start: response.proposedStart.toISOString(), end: response.proposedEnd.toISOString() }, m);
      await m.update(NeedResponse, { id: responseId }, { orderId: order.id });
      await m.update(NeedResponse, { needId: id, status: 'pending' }, { status: 'declined' });
      await this.transitions.apply(
        { machine: needMachine, entity: Need, label: '需求', id: need.id, event: 'match', actor: { id: user.id, roles: ['hall_manager'] }, set: { matchedOrderId: order.id } },
        m,
      );
      return order.id;
    });
    return this.orders.get(user, orderId);
  }

  async declineResponse(user: AuthUser, id: number, responseId: number): Promise<NeedDto> {
    const need = await this.load(id);
    await this.scope.assertManagesHall(user, need.hallId);
    const result = await this.db.transaction((m) => m.update(NeedResponse, { id: responseId, needId: id, status: 'pending' }, { status: 'declined' }));
    if (result.affected !== 1) throw new DomainError(ErrorCode.InvalidTransition, '这个响应已经处理过了');
    return this.get(user, id);
  }

  /** Needs whose period has ended expire (scheduled). */
  async expireEnded(): Promise<number> {
    const today = beijingToday(this.clock.now());
    const ended = await this.db.manager.createQueryBuilder(Need, 'n').where("n.status = 'open' AND n.period_to < :today", { today }).take(500).getMany();
    let moved = 0;
    for (const need of ended) {
      await this.transitions.apply({ machine: needMachine, entity: Need, label: '需求', id: need.id, event: 'expire', actor: SYSTEM_ACTOR }).then(
        () => moved++,
        () => undefined,
      );
    }
    return moved;
  }

  private async markMatched(user: AuthUser, need: Need, orderId: number): Promise<void> {
    if (need.status !== 'open') return;
    await this.transitions.apply({ machine: needMachine, entity: Need, label: '需求', id: need.id, event: 'match', actor: { id: user.id, roles: ['hall_manager'] }, set: { matchedOrderId: orderId } });
  }

  /** Days in the need's period the project could be delivered. */
  private availableDays(p: ServiceProject, hall: Hall, need: Need, today: string, busy: Map<string, number> | undefined, teams: number): number {
    const weekdays = maskToWeekdays(p.weekdayMask);
    const earliest = addDays(today, p.leadDays);
    let count = 0;
    for (let d = need.periodFrom < earliest ? earliest : need.periodFrom; d <= need.periodTo; d = addDays(d, 1)) {
      if (!weekdays.includes(isoWeekday(d)) || inRanges(d, p.blackoutDates) || inRanges(d, hall.blackoutDates ?? [])) continue;
      if ((busy?.get(d) ?? 0) >= teams) continue;
      count++;
    }
    return count;
  }

  /** Per provider, how many services it already has on each day of the period. */
  private async busyDays(providerIds: number[], from: string, to: string): Promise<Map<number, Map<string, number>>> {
    const rows = await this.db.manager
      .createQueryBuilder()
      .select(['o.provider_id AS providerId', 'o.scheduled_start AS start'])
      .from('orders', 'o')
      .where("o.provider_id IN (:...providerIds) AND o.status IN ('accepted', 'in_service')", { providerIds })
      .andWhere('o.scheduled_start >= :from AND o.scheduled_start < :to', { from: new Date(`${from}T00:00:00+08:00`), to: new Date(`${addDays(to, 1)}T00:00:00+08:00`) })
      .getRawMany<{ providerId: number; start: Date }>();
    const map = new Map<number, Map<string, number>>();
    for (const r of rows) {
      const days = map.get(Number(r.providerId)) ?? new Map<string, number>();
      const day = beijingToday(new Date(r.start));
      days.set(day, (days.get(day) ?? 0) + 1);
      map.set(Number(r.providerId), days);
    }
    return map;
  }

  private async servicesThisYear(hallIds: number[]): Promise<Map<number, number>> {
    const year = beijingToday(this.clock.now()).slice(0, 4);
    const rows = await this.db.manager
      .createQueryBuilder()
      .select(['o.hall_id AS hallId', 'COUNT(*) AS n'])
      .from('orders', 'o')
      .where("o.hall_id IN (:...hallIds) AND o.status = 'confirmed' AND o.quota_year = :year", { hallIds, year: Number(year) })
      .groupBy('o.hall_id')
      .getRawMany<{ hallId: number; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.hallId), Number(r.n)]));
  }

  private async villageHallIds(userId: number): Promise<number[]> {
    const user = await this.db.manager.findOneBy(User, { id: userId });
    if (!user?.villageCode) return [];
    return (await this.db.manager.find(Hall, { where: { villageCode: user.villageCode } })).map((h) => h.id);
  }

  private async rolesFor(user: AuthUser, need: Need): Promise<Role[]> {
    const roles: Role[] = [];
    if (user.roles.includes('hall_manager') && (await this.scope.managedHallIds(user.id)).includes(need.hallId)) roles.push('hall_manager');
    const hall = await this.db.manager.findOneByOrFail(Hall, { id: need.hallId });
    if (await this.scope.oversees(user, [hall.villageCode])) roles.push(...user.roles.filter((r) => r === 'reviewer' || r === 'admin'));
    return roles;
  }

  private async load(id: number): Promise<Need> {
    const need = await this.db.manager.findOne(Need, { where: { id } });
    if (!need) throw notFound('需求', { id });
    return need;
  }

  private async toDtos(needs: Need[], viewer: AuthUser | null): Promise<NeedDto[]> {
    if (needs.length === 0) return [];
    const ids = needs.map((n) => n.id);
    const halls = new Map((await this.db.manager.find(Hall, { where: { id: In([...new Set(needs.map((n) => n.hallId))]) } })).map((h) => [h.id, h]));
    const villages = new Map((await this.db.manager.find(Region, { where: { code: In([...new Set([...halls.values()].map((h) => h.villageCode))]) } })).map((r) => [r.code, r]));
    const mine = viewer ? new Set((await this.db.manager.find(NeedUpvote, { where: { needId: In(ids), userId: viewer.id } })).map((u) => u.needId)) : new Set<number>();
    const managed = viewer ? await this.scope.managedHallIds(viewer.id) : [];
    const providerId = viewer ? await this.scope.providerIdOf(viewer.id) : null;
    const responses = await this.db.manager.find(NeedResponse, { where: { needId: In(ids) }, order: { id: 'ASC' } });
    const projectTitles = new Map(
      responses.length ? (await this.db.manager.find(ServiceProject, { where: { id: In([...new Set(responses.map((r) => r.projectId))]) } })).map((p) => [p.id, p.title]) : [],
    );
    const providerNames = new Map(
      responses.length ? (await this.db.manager.find(Provider, { where: { id: In([...new Set(responses.map((r) => r.providerId))]) } })).map((p) => [p.id, p.name]) : [],
    );
    return Promise.all(
      needs.map(async (n) => {
        const hall = halls.get(n.hallId)!;
        const isManager = managed.includes(n.hallId);
        const visibleResponses = responses.filter((r) => r.needId === n.id && (isManager || r.providerId === providerId));
        return {
          id: n.id,
          hall: { id: hall.id, name: hall.name, regionPath: villages.get(hall.villageCode)?.fullName ?? '' },
          category: n.category,
          title: n.title,
          description: n.description,
          periodFrom: n.periodFrom,
          periodTo: n.periodTo,
          expectedAudience: n.expectedAudience,
          targetAudience: n.targetAudience,
          status: n.status,
          upvotes: n.upvotes,
          upvotedByMe: mine.has(n.id),
          createdAt: iso(n.createdAt),
          allowedActions: viewer ? allowedEvents(needMachine, n.status, await this.rolesFor(viewer, n)).filter((e) => e !== 'match') : [],
          responses: visibleResponses.map(
            (r): NeedResponseDto => ({
              id: r.id,
              needId: r.needId,
              provider: { id: r.providerId, name: providerNames.get(r.providerId) ?? '' },
              project: { id: r.projectId, title: projectTitles.get(r.projectId) ?? '' },
              proposedStart: iso(r.proposedStart),
              proposedEnd: iso(r.proposedEnd),
              message: r.message,
              status: r.status,
              orderId: r.orderId,
              createdAt: iso(r.createdAt),
            }),
          ),
        };
      }),
    );
  }
}
