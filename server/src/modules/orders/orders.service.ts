import { refuseUnlessAllowed } from '../../common/transitions/transition-refusal';
import { Injectable } from '@nestjs/common';
import {
  allowedEvents,
  completionSchema,
  ErrorCode,
  findTransition,
  orderMachine,
  reasonSchema,
  timeSlotSchema,
  WEEKDAY_LABELS,
  ORDER_EVENT_LABELS,
  ORDER_STATE_LABELS,
  type CreateOrderInput,
  type DateRange,
  type OrderDto,
  type OrderEvent,
  type OrderListQuery,
  type Paged,
  type Role,
} from '@hall-menu/shared';
import { EntityManager } from 'typeorm';
import type { ZodType, ZodTypeDef } from 'zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { requiredIdempotencyKey } from '../../common/http/idempotency-key';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { addDays, beijingToday, daysBetween, inRanges, isoWeekday } from '../../common/time';
import { TransitionService, type Actor } from '../../common/transitions/transition.service';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { DatabaseService } from '../../database/database.service';
import { assertDaysBookable, assertWindowsBookable } from '../halls/hall-blackouts';
import { Hall } from '../halls/hall.entity';
import { ancestorCodes, maskToWeekdays } from '../projects/project-content';
import { ProjectArea } from '../projects/project-area.entity';
import { ServiceProject } from '../projects/service-project.entity';
import { Provider } from '../providers/provider.entity';
import { RulesService } from '../rules/rules.service';
import { ScopeService } from '../users/scope.service';
import { HallEvent } from './hall-event.entity';
import { Order } from './order.entity';
import { OrderViewsService } from './order-views.service';
import { NotificationsService } from '../notifications/notifications.service';

const HOUR_MS = 3_600_000;
const MAX_WINDOW_DAYS = 31;

/** How the viewer stands to an order. */
interface OrderRelation {
  manager: boolean;
  member: boolean;
  overseer: boolean;
}

/** Events that give the hall its quota unit back (the hall did nothing wrong, or cancelled in good time). */
const RETURNS_QUOTA: ReadonlySet<OrderEvent> = new Set(['decline', 'expire', 'provider_cancel']);

/** What each event carries in its body. */
const BODY_SCHEMAS: Partial<Record<OrderEvent, ZodType<unknown, ZodTypeDef, unknown>>> = {
  accept: timeSlotSchema,
  propose: timeSlotSchema,
  complete: completionSchema,
};

@Injectable()
export class OrdersService {
  constructor(
    private readonly rules: RulesService,
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly transitions: TransitionService,
    private readonly clock: Clock,
    private readonly views: OrderViewsService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Places an order for one of the manager's halls. One unit of the hall's yearly quota is used in the same
   * transaction. The idempotency key makes retries on a weak network safe: the same key returns the same order.
   * `options.within` runs the writes in a caller's transaction (which then owns the outcome) instead of one of its own.
   */
  async create(
    user: AuthUser,
    input: CreateOrderInput,
    idempotencyKeyHeader: string | undefined,
    options: { providerAgreed?: boolean; within?: EntityManager } = {},
  ): Promise<OrderDto> {
    const idempotencyKey = requiredIdempotencyKey(idempotencyKeyHeader);
    const earlier = await this.findByKey(user.id, idempotencyKey);
    if (earlier) return this.views.toDto(earlier, user);

    await this.scope.assertManagesHall(user, input.hallId);
    const hall = await this.db.manager.findOne(Hall, { where: { id: input.hallId } });
    if (!hall) throw notFound('礼堂', { id: input.hallId });
    if (!hall.active) throw new DomainError(ErrorCode.HallClosed);
    const project = await this.db.manager.findOne(ServiceProject, { where: { id: input.projectId } });
    if (!project || project.status !== 'published') throw notFound('服务项目', { id: input.projectId });
    await this.assertCovers(project, hall);
    // A provider that proposed the date itself (answering a need) has already agreed to it.
    assertWindowsBookable(hall, input.windows);
    if (!options.providerAgreed) this.assertWindows(input.windows, project, hall);

    const now = this.clock.now();
    const year = Number(beijingToday(now).slice(0, 4));
    const answerHours = await this.rules.get('orderAnswerHours');
    let orderId: number;
    try {
      orderId = await this.inTransaction(options.within, async (m) => {
        await this.useQuota(m, hall, year);
        const order = await m.save(
          m.create(Order, {
            projectId: project.id,
            hallId: hall.id,
            providerId: project.providerId,
            orderedBy: user.id,
            idempotencyKey,
            status: 'pending',
            windows: input.windows,
            expectedAudience: input.expectedAudience,
            notes: input.notes,
            answerDeadline: new Date(now.getTime() + answerHours * HOUR_MS),
            quotaYear: year,
            quotaReturned: false,
          }),
        );
        await m.increment(ServiceProject, { id: project.id }, 'orderCount', 1);
        await this.notifications.notify(m, await this.notifications.providerMembers(m, project.providerId), {
          kind: 'order.created',
          title: '新的点单',
          body: `${hall.name}点了「${project.title}」，请在 ${answerHours} 小时内答复`,
          link: `pages/order/index?id=${order.id}`,
        });
        await this.transitions.recordCreated(m, { machine: orderMachine, id: order.id, state: 'pending', actor: { id: user.id, roles: user.roles }, actorRole: 'hall_manager' });
        return order.id;
      });
    } catch (error) {
      // A concurrent retry with the same key won the insert; everything of ours was rolled back.
      if (options.within || !isDuplicateKey(error)) throw error;
      const winner = await this.findByKey(user.id, idempotencyKey);
      if (!winner) throw error;
      return this.views.toDto(winner, user);
    }
    return options.within ? this.views.toDto(await options.within.findOneByOrFail(Order, { id: orderId }), user) : this.get(user, orderId);
  }

  async get(user: AuthUser, id: number): Promise<OrderDto> {
    const order = await this.load(id);
    const relation = await this.relation(user, order);
    if (!relation.manager && !relation.member && !relation.overseer) throw outOfScope('这不是您的点单');
    return this.views.toDto(order, user, this.effectiveRoles(user, relation));
  }

  /** Fires an order event for a person, with the checks and side effects that event needs. */
  async act(user: AuthUser, id: number, event: OrderEvent, body: unknown): Promise<OrderDto> {
    const order = await this.load(id);
    const relation = await this.relation(user, order);
    const roles = this.effectiveRoles(user, relation);
    refuseUnlessAllowed(orderMachine, order.status, event, user.roles, roles);
    if (!findTransition(orderMachine, order.status, event, roles)) throw outOfScope('这不是您的点单');
    const input = new ZodPipe(BODY_SCHEMAS[event] ?? reasonSchema).transform(body) as Record<string, unknown>;
    await this.apply(order.id, event, { id: user.id, roles }, input);
    return this.get(user, id);
  }

  /**
   * Applies an event in one transaction (or in the caller's, `within`); also used by the scheduled jobs with the
   * system actor.
   */
  async apply(id: number, event: OrderEvent, actor: Actor, input: Record<string, unknown> = {}, within?: EntityManager): Promise<void> {
    const now = this.clock.now();
    await this.inTransaction(within, async (m) => {
      const order = await m.findOneByOrFail(Order, { id });
      const set: Partial<Record<keyof Order, unknown>> = {};
      let guard: ((row: Order, m: EntityManager) => Promise<void>) | undefined;
      switch (event) {
        case 'accept':
        case 'propose': {
          const start = new Date(String(input.start));
          const end = new Date(String(input.end));
          if (start.getTime() <= now.getTime()) throw this.slotError('开始时间必须在现在之后');
          if (event === 'propose') {
            Object.assign(set, { proposedStart: start, proposedEnd: end, proposalNote: (input.note as string | undefined) || null });
            break;
          }
          this.assertInsideWindows(order.windows, start, end);
          Object.assign(set, { scheduledStart: start, scheduledEnd: end });
          guard = (row, tx) => this.schedule(tx, row, start, end);
          break;
        }
        case 'agree': {
          const start = order.proposedStart!;
          const end = order.proposedEnd!;
          if (start.getTime() <= now.getTime()) throw this.slotError('建议的时间已经过去，请取消后重新点单');
          Object.assign(set, { scheduledStart: start, scheduledEnd: end });
          guard = (row, tx) => this.schedule(tx, row, start, end);
          break;
        }
        case 'check_in': {
          const opens = order.scheduledStart!.getTime() - 3 * HOUR_MS;
          if (now.getTime() < opens || now.getTime() > order.scheduledEnd!.getTime()) {
            throw new DomainError(ErrorCode.Conflict, '只能在服务当天、开始前 3 小时到结束之间签到', { scheduledStart: order.scheduledStart });
          }
          break;
        }
        case 'complete':
          Object.assign(set, {
            headCount: input.headCount,
            completionPhotos: input.photos,
            completionNote: input.note || null,
            confirmDeadline: new Date(now.getTime() + (await this.rules.get('orderConfirmHours')) * HOUR_MS),
          });
          break;
        case 'report_no_show':
          if (now.getTime() <= order.scheduledEnd!.getTime()) throw new DomainError(ErrorCode.Conflict, '服务时间还没结束，结束后才能报告未到场');
          break;
        case 'expire':
          if (now.getTime() < order.answerDeadline.getTime()) throw new DomainError(ErrorCode.Conflict, '答复期限还没到');
          break;
        case 'auto_confirm':
          if (!order.confirmDeadline || now.getTime() < order.confirmDeadline.getTime()) throw new DomainError(ErrorCode.Conflict, '确认期限还没到');
          break;
        default:
          break;
      }
      const givesQuotaBack = this.returnsQuota(order, event, now, await this.rules.get('cancelNoticeHours'));
      if (givesQuotaBack) set.quotaReturned = true;

      await this.transitions.apply(
        { machine: orderMachine, entity: Order, label: '点单', id, event, actor, reason: (input.reason as string | undefined) ?? null, set, guard },
        m,
      );
      if (givesQuotaBack) await this.returnQuota(m, order);
      if (['cancel', 'provider_cancel', 'confirm_no_show'].includes(event)) {
        await m.update(HallEvent, { orderId: id, status: 'scheduled' }, { status: 'cancelled' });
      }
      await this.tellTheOtherSide(m, order, event, (input.reason as string | undefined) ?? null);
    });
  }

  private inTransaction<T>(within: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return within ? work(within) : this.db.transaction(work);
  }

  /** Who hears about an event: the side that did not act, or both when the platform or a reviewer acted. */
  private async tellTheOtherSide(m: EntityManager, order: Order, event: OrderEvent, reason: string | null): Promise<void> {
    const toHall: OrderEvent[] = ['accept', 'propose', 'decline', 'provider_cancel', 'check_in', 'complete'];
    const toProvider: OrderEvent[] = ['cancel', 'agree', 'confirm', 'dispute', 'report_no_show'];
    const recipients = [
      ...(toProvider.includes(event) ? [] : await this.notifications.hallManagers(m, order.hallId)),
      ...(toHall.includes(event) ? [] : await this.notifications.providerMembers(m, order.providerId)),
    ];
    const [project, hall] = await Promise.all([m.findOneByOrFail(ServiceProject, { id: order.projectId }), m.findOneByOrFail(Hall, { id: order.hallId })]);
    const to = findTransition(orderMachine, order.status, event, ['hall_manager', 'provider', 'reviewer', 'system'])?.to;
    await this.notifications.notify(m, recipients, {
      kind: `order.${event}`,
      title: `点单${to ? ORDER_STATE_LABELS[to] : ORDER_EVENT_LABELS[event]}`,
      body: `「${project.title}」（${hall.name}）：${ORDER_EVENT_LABELS[event]}${reason ? `，原因：${reason}` : ''}`,
      link: `pages/order/index?id=${order.id}`,
    });
  }

  /** A manager's orders across their halls (or one of them), newest first. */
  async forManager(user: AuthUser, query: OrderListQuery): Promise<Paged<OrderDto>> {
    const halls = await this.scope.managedHallIds(user.id);
    if (query.hallId && !halls.includes(query.hallId)) throw outOfScope('您不是该礼堂的管理员');
    const ids = query.hallId ? [query.hallId] : halls;
    if (ids.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    return this.list(user, 'o.hall_id IN (:...ids)', { ids }, query);
  }

  /** Orders addressed to the provider's organisation. */
  async forProvider(user: AuthUser, query: OrderListQuery): Promise<Paged<OrderDto>> {
    const providerId = await this.scope.providerIdOf(user.id);
    if (!providerId) throw outOfScope('您还没有加入任何服务方组织');
    return this.list(user, 'o.provider_id = :providerId', { providerId }, query);
  }

  private async list(user: AuthUser, where: string, params: Record<string, unknown>, query: OrderListQuery): Promise<Paged<OrderDto>> {
    const qb = this.db.manager.createQueryBuilder(Order, 'o').where(where, params);
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (query.hallId) qb.andWhere('o.hall_id = :hallId', { hallId: query.hallId });
    const [orders, total] = await qb
      .orderBy('o.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const relationTo = await this.relations(user);
    const items = await this.views.toDtos(orders, (order, hall) => this.effectiveRoles(user, relationTo(order, hall.villageCode)));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async relation(user: AuthUser, order: Order): Promise<OrderRelation> {
    const hall = await this.db.manager.findOneByOrFail(Hall, { id: order.hallId });
    return (await this.relations(user))(order, hall.villageCode);
  }

  /** The viewer's scope read once, then applied to any number of orders. */
  private async relations(user: AuthUser): Promise<(order: Order, villageCode: string) => OrderRelation> {
    const [managedHalls, providerId, oversightRoot] = await Promise.all([
      user.roles.includes('hall_manager') ? this.scope.managedHallIds(user.id) : Promise.resolve([]),
      user.roles.includes('provider') ? this.scope.providerIdOf(user.id) : Promise.resolve(null),
      this.scope.oversightRegion(user),
    ]);
    return (order, villageCode) => ({
      manager: managedHalls.includes(order.hallId),
      member: providerId !== null && providerId === order.providerId,
      overseer: oversightRoot !== null && villageCode.startsWith(oversightRoot),
    });
  }

  effectiveRoles(user: AuthUser, relation: OrderRelation): Role[] {
    return user.roles.filter(
      (role) =>
        (role === 'hall_manager' && relation.manager) ||
        (role === 'provider' && relation.member) ||
        ((role === 'reviewer' || role === 'admin') && relation.overseer),
    );
  }

  private async load(id: number): Promise<Order> {
    const order = await this.db.manager.findOne(Order, { where: { id } });
    if (!order) throw notFound('点单', { id });
    return order;
  }

  private findByKey(userId: number, idempotencyKey: string): Promise<Order | null> {
    return this.db.manager.findOne(Order, { where: { orderedBy: userId, idempotencyKey } });
  }

  private async assertCovers(project: ServiceProject, hall: Hall): Promise<void> {
    const covered = await this.db.manager
      .createQueryBuilder(ProjectArea, 'a')
      .where('a.project_id = :id AND a.region_code IN (:...codes)', { id: project.id, codes: ancestorCodes(hall.villageCode) })
      .getExists();
    if (!covered) throw new DomainError(ErrorCode.Conflict, '该项目的服务区域不包括您的礼堂所在村，请选择其他项目或发布需求');
  }

  /** Each wished-for window must respect the lead time and contain at least one day both sides can do. */
  private assertWindows(windows: DateRange[], project: ServiceProject, hall: Hall): void {
    const earliest = addDays(beijingToday(this.clock.now()), project.leadDays);
    const weekdays = maskToWeekdays(project.weekdayMask);
    windows.forEach((w, i) => {
      const field = (message: string, key = 'from') =>
        new DomainError(ErrorCode.ValidationFailed, message, { fields: [{ field: `windows.${i}.${key}`, message }] });
      if (w.from < earliest) throw field(`该项目需要提前 ${project.leadDays} 天预约，最早可选 ${earliest}`);
      if (daysBetween(w.from, w.to) >= MAX_WINDOW_DAYS) throw field(`一个日期段最长 ${MAX_WINDOW_DAYS} 天`, 'to');
      for (let day = w.from; day <= w.to; day = addDays(day, 1)) {
        if (weekdays.includes(isoWeekday(day)) && !inRanges(day, project.blackoutDates) && !inRanges(day, hall.blackoutDates ?? [])) return;
      }
      const days = weekdays.map((d) => WEEKDAY_LABELS[d]).join('、');
      throw field(`这个日期段里没有可服务的日子（该项目可服务：${days}，并避开不可服务日期）`);
    });
  }

  /** The accepted time must fall inside one of the hall's windows (Beijing dates). */
  private assertInsideWindows(windows: DateRange[], start: Date, end: Date): void {
    const startDay = beijingToday(start);
    const endDay = beijingToday(end);
    if (!windows.some((w) => w.from <= startDay && endDay <= w.to)) {
      throw this.slotError(`请在礼堂希望的日期段内安排：${windows.map((w) => `${w.from} 至 ${w.to}`).join('；')}`);
    }
  }

  private slotError(message: string): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, message, { fields: [{ field: 'start', message }] });
  }

  /**
   * The `noProviderConflict` and `noHallConflict` guards, then the event villagers see. Rows are locked
   * provider first, then hall, so concurrent accepts queue here and the later ones see the earlier ones.
   */
  private async schedule(m: EntityManager, order: Order, start: Date, end: Date): Promise<void> {
    await this.db.lockRow(m, 'providers', order.providerId);
    await this.db.lockRow(m, 'halls', order.hallId);
    const provider = await m.findOneByOrFail(Provider, { id: order.providerId });
    const busy = await m
      .createQueryBuilder(Order, 'o')
      .where('o.provider_id = :providerId AND o.id <> :id', { providerId: order.providerId, id: order.id })
      .andWhere("o.status IN ('accepted', 'in_service')")
      .andWhere('o.scheduled_start < :end AND o.scheduled_end > :start', { start, end })
      .getCount();
    if (busy >= provider.teamCount) {
      throw new DomainError(ErrorCode.ScheduleConflict, '该时段服务方已有其他演出安排，请选择其他时间', { overlapping: busy, teams: provider.teamCount });
    }
    const hallBusy = await m
      .createQueryBuilder(HallEvent, 'e')
      .where("e.hall_id = :hallId AND e.status = 'scheduled' AND e.order_id <> :id", { hallId: order.hallId, id: order.id })
      .andWhere('e.starts_at < :end AND e.ends_at > :start', { start, end })
      .getExists();
    if (hallBusy) throw new DomainError(ErrorCode.ScheduleConflict, '该时段礼堂已有其他活动，请选择其他时间');

    const [project, hall] = await Promise.all([m.findOneByOrFail(ServiceProject, { id: order.projectId }), m.findOneByOrFail(Hall, { id: order.hallId })]);
    assertDaysBookable(hall, beijingToday(start), beijingToday(end));
    const existing = await m.findOne(HallEvent, { where: { orderId: order.id } });
    if (existing) {
      await m.update(HallEvent, { id: existing.id }, { startsAt: start, endsAt: end, status: 'scheduled' });
    } else {
      await m.insert(HallEvent, { orderId: order.id, hallId: hall.id, projectId: project.id, title: project.title, category: project.category, startsAt: start, endsAt: end, seats: hall.seats, maxSeatsPerPerson: await this.rules.get('reservationMaxSeats') });
    }
  }

  /** Cancelling before acceptance, or early enough before the service, gives the unit back. */
  private returnsQuota(order: Order, event: OrderEvent, now: Date, cancelNoticeHours: number): boolean {
    if (order.quotaReturned) return false;
    if (RETURNS_QUOTA.has(event)) return true;
    if (event !== 'cancel') return false;
    if (order.status === 'pending' || order.status === 'proposed') return true;
    return order.scheduledStart !== null && order.scheduledStart.getTime() - now.getTime() >= cancelNoticeHours * HOUR_MS;
  }

  private async useQuota(m: EntityManager, hall: Hall, year: number): Promise<void> {
    // A new year starts with a full quota.
    await m.createQueryBuilder().update(Hall).set({ quotaYear: year, quotaUsed: 0 }).where('id = :id AND quota_year < :year', { id: hall.id, year }).execute();
    const used = await m
      .createQueryBuilder()
      .update(Hall)
      .set({ quotaUsed: () => 'quota_used + 1' })
      .where('id = :id AND quota_year = :year AND quota_used < annual_quota AND active = :active', { id: hall.id, year, active: true })
      .execute();
    if (used.affected !== 1) {
      // Closed while this order was being placed.
      if (!(await m.findOneByOrFail(Hall, { id: hall.id })).active) throw new DomainError(ErrorCode.HallClosed);
      throw new DomainError(ErrorCode.QuotaExhausted, `本礼堂 ${year} 年的点单额度（${hall.annualQuota} 次）已用完，可发布需求或联系宣传部门`, {
        annualQuota: hall.annualQuota,
      });
    }
  }

  private async returnQuota(m: EntityManager, order: Order): Promise<void> {
    await m
      .createQueryBuilder()
      .update(Hall)
      .set({ quotaUsed: () => 'quota_used - 1' })
      .where('id = :id AND quota_year = :year AND quota_used > 0', { id: order.hallId, year: order.quotaYear })
      .execute();
  }
}
