import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  ORDER_STATES,
  orderMachine,
  type AdminHallDto,
  type AdminHallQuery,
  type BlackoutConflictDetails,
  type BlackoutScheduledService,
  type HallBlackoutPeriod,
  type HallBlackoutsInput,
  type HallQuotaInput,
  type Paged,
} from '@hall-menu/shared';
import { EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { containsPattern } from '../../common/database/like';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { beijingToday } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Order } from '../orders/order.entity';
import { ServiceProject } from '../projects/service-project.entity';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';
import { User } from '../users/user.entity';
import { HallManager } from './hall-manager.entity';
import { blackoutsOf, describeBlackout } from './hall-blackouts';
import { addHallManager, removeHallManager } from './hall-managers';
import { applyQuota, quotaYearAt } from './hall-quota';
import { Hall } from './hall.entity';
import { servicesNewlyCovered } from './scheduled-services';

/** Orders in these states still need the hall, so it cannot close while it has them. */
const OPEN_ORDER_STATES = ['pending', 'proposed', 'accepted', 'in_service'];
/** Orders not yet finished (after a hall closes: delivered and awaiting confirmation, disputed, a no-show reported). */
const UNFINISHED_ORDER_STATES = ORDER_STATES.filter((s) => !orderMachine.terminal.includes(s));
/** How many scheduled services a refusal names in its message; `details` lists them all. */
const LISTED_IN_MESSAGE = 5;

/**
 * Officials' work on halls besides create/edit: quota, blackout periods, closing, managers. Admins act city-wide,
 * reviewers inside their region; every change is one transaction with its audit row.
 */
@Injectable()
export class HallAdminService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async list(user: AuthUser, query: AdminHallQuery): Promise<Paged<AdminHallDto>> {
    const root = await this.scope.oversightRegion(user);
    if (root === null) throw outOfScope('您没有负责的地区');
    const region = query.region ?? root;
    if (!region.startsWith(root)) throw outOfScope('只能查看您负责地区内的礼堂');
    const qb = this.db.manager.createQueryBuilder(Hall, 'h').innerJoin(Region, 'v', 'v.code = h.village_code').where('1 = 1');
    if (region) qb.andWhere('h.village_code LIKE :prefix', { prefix: `${region}%` });
    if (query.status !== 'all') qb.andWhere('h.active = :active', { active: query.status === 'open' });
    if (query.q) {
      const id = /^\d+$/.test(query.q) ? Number(query.q) : 0;
      qb.andWhere("(h.name LIKE :kw ESCAPE '!' OR v.full_name LIKE :kw ESCAPE '!' OR h.id = :id)", { kw: containsPattern(query.q), id });
    }
    const [halls, total] = await qb
      .orderBy('h.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toDtos(halls), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: number): Promise<AdminHallDto> {
    const hall = await this.load(id);
    await this.assertOversees(user, hall);
    return (await this.toDtos([hall]))[0];
  }

  /** 点单额度 for the current year: a hall still counting last year starts this year afresh. */
  async setQuota(user: AuthUser, id: number, input: HallQuotaInput): Promise<AdminHallDto> {
    await this.assertOversees(user, await this.load(id));
    const year = quotaYearAt(this.clock.now());
    await this.db.transaction(async (m) => {
      await this.db.lockRow(m, 'halls', id);
      const hall = await m.findOneByOrFail(Hall, { id });
      const before = { annualQuota: hall.annualQuota, quotaYear: hall.quotaYear, quotaUsed: hall.quotaUsed };
      const after = await applyQuota(m, hall, input.annualQuota, year);
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      await this.audit.record(m, { actor: user, objectType: 'hall', objectId: id, action: 'set_quota', before, after, reason: input.reason, regionCode: hall.villageCode });
    });
    return this.get(user, id);
  }

  /**
   * Replaces the periods the hall cannot be booked in; orders for days inside them are refused. Services already
   * scheduled on newly covered days are refused (409, listed in `details`) unless `force`: then the periods are set
   * and the hall's managers and each service's provider are told, in the same transaction.
   */
  async setBlackouts(user: AuthUser, id: number, input: HallBlackoutsInput): Promise<AdminHallDto> {
    const hall = await this.load(id);
    await this.assertOversees(user, hall);
    const periods = [...input.periods].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
    await this.db.transaction(async (m) => {
      await this.db.lockRow(m, 'halls', id);
      const current = blackoutsOf(await m.findOneByOrFail(Hall, { id }));
      if (JSON.stringify(current) === JSON.stringify(periods)) return;
      const covered = await servicesNewlyCovered(m, id, current, periods, this.clock.now());
      if (covered.length > 0 && !input.force) throw scheduledServicesConflict(covered);
      await m.update(Hall, { id }, { blackoutDates: periods.length ? periods : null });
      const reason = covered.length ? `仍然设置：其中已安排 ${covered.length} 场服务（点单编号 ${covered.map((s) => s.orderId).join('、')}）` : undefined;
      await this.audit.record(m, { actor: user, objectType: 'hall', objectId: id, action: 'set_blackouts', before: { blackouts: current }, after: { blackouts: periods }, reason, regionCode: hall.villageCode });
      await this.tellAboutCoveredServices(m, hall, periods, covered);
    });
    return this.get(user, id);
  }

  /** One message per covered service, to the hall's managers and the provider's members, linking to the order. */
  private async tellAboutCoveredServices(m: EntityManager, hall: Hall, periods: HallBlackoutPeriod[], covered: BlackoutScheduledService[]): Promise<void> {
    if (covered.length === 0) return;
    const managers = await this.notifications.hallManagers(m, hall.id);
    for (const service of covered) {
      const covering = periods.find((p) => p.from <= beijingDay(service.endsAt) && service.date <= p.to)!;
      await this.notifications.notify(m, [...managers, ...(await this.notifications.providerMembers(m, service.provider.id))], {
        kind: 'hall.blackout_set',
        title: '礼堂暂停接待',
        body: `${hall.name}将在 ${describeBlackout(covering)} 暂停接待，已安排在 ${service.date} 的「${service.title}」在这段时间内，请礼堂与服务方尽快商量改期或取消`,
        link: `pages/order/index?id=${service.orderId}`,
      });
    }
  }

  /**
   * A closed hall cannot order and is not listed to villagers. It must not have orders still under way: the order
   * machine gives officials no way to cancel them, only the hall's managers or the provider can. Its managers are
   * told, and so are providers with orders there not yet finished (awaiting confirmation, disputed…), which carry on.
   */
  async close(user: AuthUser, id: number, reason: string): Promise<AdminHallDto> {
    const hall = await this.load(id);
    await this.assertOversees(user, hall);
    await this.db.transaction(async (m) => {
      // Locked first, so an order placed meanwhile either is counted here or finds the hall closed.
      await this.db.lockRow(m, 'halls', id);
      const open: { n: number | string }[] = await m.query(
        `SELECT COUNT(*) n FROM orders WHERE hall_id = ? AND status IN (${OPEN_ORDER_STATES.map(() => '?').join(', ')})`,
        [id, ...OPEN_ORDER_STATES],
      );
      const count = Number(open[0].n);
      if (count > 0) {
        throw new DomainError(ErrorCode.Conflict, `该礼堂还有 ${count} 个进行中的点单，请先处理完（完成或取消）再关闭`, { openOrders: count });
      }
      const closed = await m.createQueryBuilder().update(Hall).set({ active: false }).where('id = :id AND active = :active', { id, active: true }).execute();
      if (closed.affected !== 1) throw new DomainError(ErrorCode.Conflict, '该礼堂已经关闭了');
      await this.audit.record(m, { actor: user, objectType: 'hall', objectId: id, action: 'close', before: { active: true }, after: { active: false }, reason, regionCode: hall.villageCode });
      await this.tellAboutClosing(m, hall, reason);
    });
    return this.get(user, id);
  }

  private async tellAboutClosing(m: EntityManager, hall: Hall, reason: string): Promise<void> {
    await this.notifications.notify(m, await this.notifications.hallManagers(m, hall.id), {
      kind: 'hall.closed',
      title: '礼堂已关闭',
      body: `${hall.name}已被关闭，原因：${reason}。关闭后不能再点单，村民也看不到这个礼堂；如有疑问请联系宣传部门`,
    });
    const unfinished = await m.find(Order, { where: { hallId: hall.id, status: In(UNFINISHED_ORDER_STATES) }, order: { id: 'ASC' } });
    const titles = new Map((unfinished.length ? await m.find(ServiceProject, { where: { id: In([...new Set(unfinished.map((o) => o.projectId))]) } }) : []).map((p) => [p.id, p.title]));
    for (const order of unfinished) {
      await this.notifications.notify(m, await this.notifications.providerMembers(m, order.providerId), {
        kind: 'hall.closed',
        title: '礼堂已关闭',
        body: `${hall.name}已被关闭，原因：${reason}。您在这里的「${titles.get(order.projectId) ?? ''}」点单尚未了结，仍按原流程确认和处理`,
        link: `pages/order/index?id=${order.id}`,
      });
    }
  }

  async reopen(user: AuthUser, id: number): Promise<AdminHallDto> {
    const hall = await this.load(id);
    await this.assertOversees(user, hall);
    await this.db.transaction(async (m) => {
      const opened = await m.createQueryBuilder().update(Hall).set({ active: true }).where('id = :id AND active = :active', { id, active: false }).execute();
      if (opened.affected !== 1) throw new DomainError(ErrorCode.Conflict, '该礼堂没有关闭，无需重新开放');
      await this.audit.record(m, { actor: user, objectType: 'hall', objectId: id, action: 'reopen', before: { active: false }, after: { active: true }, regionCode: hall.villageCode });
    });
    return this.get(user, id);
  }

  async addManager(user: AuthUser, id: number, userId: number): Promise<AdminHallDto> {
    const hall = await this.load(id);
    await this.assertOversees(user, hall);
    const person = await this.db.manager.findOne(User, { where: { id: userId } });
    if (!person) throw notFound('用户', { id: userId });
    if (person.disabled) throw new DomainError(ErrorCode.Conflict, '该账号已停用，不能设为礼堂管理员');
    await this.guardRace(() =>
      this.db.transaction(async (m) => {
        if (!(await addHallManager(m, id, userId))) return;
        await this.audit.record(m, { actor: user, objectType: 'hall', objectId: id, action: 'add_manager', after: { userId, nickname: person.nickname }, regionCode: hall.villageCode });
      }),
    );
    return this.get(user, id);
  }

  async removeManager(user: AuthUser, id: number, userId: number): Promise<AdminHallDto> {
    const hall = await this.load(id);
    await this.assertOversees(user, hall);
    await this.db.transaction(async (m) => {
      if (!(await m.exists(HallManager, { where: { hallId: id, userId } }))) throw notFound('该礼堂的这位管理员', { hallId: id, userId });
      await removeHallManager(m, id, userId);
      const person = await m.findOneBy(User, { id: userId });
      await this.audit.record(m, { actor: user, objectType: 'hall', objectId: id, action: 'remove_manager', before: { userId, nickname: person?.nickname ?? null }, regionCode: hall.villageCode });
    });
    return this.get(user, id);
  }

  async toDtos(halls: Hall[]): Promise<AdminHallDto[]> {
    if (halls.length === 0) return [];
    const ids = halls.map((h) => h.id);
    const villages = new Map((await this.db.manager.find(Region, { where: { code: In([...new Set(halls.map((h) => h.villageCode))]) } })).map((v) => [v.code, v]));
    const managerRows: { hallId: number | string; id: number | string; nickname: string }[] = await this.db.manager
      .createQueryBuilder(HallManager, 'hm')
      .innerJoin(User, 'u', 'u.id = hm.user_id')
      .select(['hm.hall_id AS hallId', 'u.id AS id', 'u.nickname AS nickname'])
      .where('hm.hall_id IN (:...ids)', { ids })
      .orderBy('u.id', 'ASC')
      .getRawMany();
    const year = quotaYearAt(this.clock.now());
    return halls.map((hall) => {
      const village = villages.get(hall.villageCode);
      const quotaUsed = hall.quotaYear === year ? hall.quotaUsed : 0;
      return {
        id: hall.id,
        name: hall.name,
        villageCode: hall.villageCode,
        villageName: village?.name ?? '',
        regionPath: village?.fullName ?? '',
        address: hall.address,
        latitude: hall.latitude,
        longitude: hall.longitude,
        seats: hall.seats,
        facilities: hall.facilities,
        annualQuota: hall.annualQuota,
        quotaUsed,
        starLevel: hall.starLevel,
        active: hall.active,
        quotaYear: year,
        quotaLeft: Math.max(0, hall.annualQuota - quotaUsed),
        blackouts: blackoutsOf(hall),
        managers: managerRows.filter((r) => Number(r.hallId) === hall.id).map((r) => ({ id: Number(r.id), nickname: r.nickname })),
      };
    });
  }

  private async load(id: number): Promise<Hall> {
    const hall = await this.db.manager.findOne(Hall, { where: { id } });
    if (!hall) throw notFound('礼堂', { id });
    return hall;
  }

  private assertOversees(user: AuthUser, hall: Hall): Promise<void> {
    return this.scope.assertOversees(user, [hall.villageCode], '只能管理您负责地区内的礼堂');
  }

  /** Two officials adding the same manager at once: the loser's insert hits the key; tell them to look again. */
  private async guardRace(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ErrorCode.StaleState, '礼堂管理员刚被他人更新，请刷新后查看');
      throw error;
    }
  }
}

const beijingDay = (iso: string) => beijingToday(new Date(iso));

/** 409 naming the scheduled services a blackout change would cover, so the official can talk to their providers. */
function scheduledServicesConflict(covered: BlackoutScheduledService[]): DomainError {
  const named = covered.slice(0, LISTED_IN_MESSAGE).map((s) => `${s.date}「${s.title}」（${s.provider.name}）`);
  const more = covered.length > LISTED_IN_MESSAGE ? ` 等 ${covered.length} 场` : '';
  const details: BlackoutConflictDetails = { scheduledServices: covered };
  return new DomainError(
    ErrorCode.Conflict,
    `新的暂停接待日期内已经安排了 ${covered.length} 场服务：${named.join('、')}${more}。请先与服务方商量改期或取消；确需暂停接待的，可以选择「仍然设置」，系统会通知礼堂管理员和服务方`,
    { ...details },
  );
}
