import { Injectable } from '@nestjs/common';
import {
  allowedEvents,
  ErrorCode,
  findTransition,
  reservationMachine,
  type CheckInResultDto,
  type EventDetailDto,
  type EventListQuery,
  type HallEventDto,
  type Paged,
  type ProxyReserveInput,
  type ReservationDto,
  type ReservationEvent,
  type Role,
} from '@hall-menu/shared';
import { randomInt } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { SYSTEM_ACTOR, TransitionService } from '../../common/transitions/transition.service';
import { DatabaseService } from '../../database/database.service';
import { Hall } from '../halls/hall.entity';
import { HallEvent } from '../orders/hall-event.entity';
import { Region } from '../regions/region.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { EventRatingViewsService } from '../ratings/event-rating-views.service';
import { RulesService } from '../rules/rules.service';
import { ScopeService } from '../users/scope.service';
import { User } from '../users/user.entity';
import { HallFollow } from './hall-follow.entity';
import { Reservation } from './reservation.entity';

/** No 0/O or 1/I: codes are read aloud and typed by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const iso = (d: Date) => new Date(d).toISOString();
const beijingDateTime = (d: Date) => new Date(d.getTime() + 8 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');

@Injectable()
export class ReservationsService {
  constructor(
    private readonly rules: RulesService,
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly transitions: TransitionService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly eventRatings: EventRatingViewsService,
  ) {}

  /**
   * Reserves seats for the signed-in villager. Seats are taken with one guarded update that can never pass the
   * event's capacity; when none are left the request joins the waitlist (up to as many places as seats).
   */
  async reserve(user: AuthUser, eventId: number, seats: number): Promise<ReservationDto> {
    const person = await this.db.manager.findOneByOrFail(User, { id: user.id });
    const now = this.clock.now();
    if (person.reservationsSuspendedUntil && person.reservationsSuspendedUntil.getTime() > now.getTime()) {
      const until = beijingDateTime(person.reservationsSuspendedUntil);
      throw new DomainError(ErrorCode.ReservationSuspended, `${person.reservationsSuspendedReason ?? '多次预约未到场'}，预约资格暂停至 ${until}`, {
        until: iso(person.reservationsSuspendedUntil),
        reason: person.reservationsSuspendedReason,
      });
    }
    const id = await this.create(eventId, seats, { userId: user.id, reservedBy: user.id, holderKey: `u${user.id}@${eventId}` }, user);
    return this.get(user, id);
  }

  /** A hall manager reserves for a villager without a phone; counted like any other reservation. */
  async reserveFor(user: AuthUser, eventId: number, input: ProxyReserveInput): Promise<ReservationDto> {
    const event = await this.loadEvent(eventId);
    await this.scope.assertManagesHall(user, event.hallId);
    const id = await this.create(
      eventId,
      input.seats,
      { userId: null, reservedBy: user.id, guestName: input.guestName, guestPhone: input.guestPhone ?? null, holderKey: input.guestPhone ? `p${input.guestPhone}@${eventId}` : null },
      user,
    );
    return this.get(user, id);
  }

  private async create(eventId: number, seats: number, holder: Partial<Reservation>, user: AuthUser): Promise<number> {
    const event = await this.loadEvent(eventId);
    const now = this.clock.now();
    if (event.status !== 'scheduled' || event.startsAt.getTime() <= now.getTime()) {
      throw new DomainError(ErrorCode.Conflict, '活动已开始、已结束或已取消，不能再预约');
    }
    if (seats > event.maxSeatsPerPerson) {
      throw new DomainError(ErrorCode.ValidationFailed, `每人最多预约 ${event.maxSeatsPerPerson} 个座位`, {
        fields: [{ field: 'seats', message: `每人最多 ${event.maxSeatsPerPerson} 个座位` }],
      });
    }
    try {
      return await this.db.transaction(async (m) => {
        // The row first (a duplicate person fails here, before touching the event), the seat count last:
        // the event row stays locked from that update to the commit, so the less after it the better.
        const id = await this.insertWithCode(m, { ...holder, eventId, seats, status: 'reserved' });
        let status: 'reserved' | 'waitlisted' = 'reserved';
        if (!(await this.takeSeats(m, eventId, seats))) {
          const waiting = await m.count(Reservation, { where: { eventId, status: 'waitlisted' } });
          if (waiting >= event.seats) throw new DomainError(ErrorCode.EventFull, '座位和候补名额都已满，请关注其他活动');
          status = 'waitlisted';
          await m.update(Reservation, { id }, { status });
        }
        await this.transitions.recordCreated(m, {
          machine: reservationMachine,
          id,
          state: status,
          actor: { id: user.id, roles: user.roles },
          actorRole: holder.userId === null ? 'hall_manager' : 'villager',
        });
        return id;
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ErrorCode.AlreadyReserved, '您已经预约过这场活动了，可在「我的预约」查看');
      throw error;
    }
  }

  async cancel(user: AuthUser, reservationId: number, reason?: string): Promise<ReservationDto> {
    const reservation = await this.load(reservationId);
    const event = await this.loadEvent(reservation.eventId);
    const roles = await this.rolesFor(user, reservation, event);
    if (!findTransition(reservationMachine, reservation.status, 'cancel', roles)) {
      if (roles.length === 0) throw outOfScope('这不是您的预约');
      throw new DomainError(ErrorCode.InvalidTransition, '该预约当前不能取消', { state: reservation.status });
    }
    const cutoffMinutes = await this.rules.get('reservationCancelCutoffMinutes');
    const cutoff = event.startsAt.getTime() - cutoffMinutes * MINUTE_MS;
    if (reservation.status === 'reserved' && this.clock.now().getTime() > cutoff) {
      throw new DomainError(ErrorCode.Conflict, `活动开始前 ${cutoffMinutes} 分钟内不能取消，如不能到场请联系礼堂管理员`);
    }
    await this.db.transaction(async (m) => {
      await this.transitions.apply(
        { machine: reservationMachine, entity: Reservation, label: '预约', id: reservationId, event: 'cancel', actor: { id: user.id, roles }, reason, set: { holderKey: null } },
        m,
      );
      if (reservation.status === 'reserved') {
        await this.releaseSeats(m, reservation.eventId, reservation.seats);
        await this.promoteWaitlist(m, reservation.eventId);
      }
    });
    return this.get(user, reservationId);
  }

  /** The manager checks a villager in by the code on their phone (or a printed slip). */
  async checkIn(user: AuthUser, eventId: number, code: string): Promise<CheckInResultDto> {
    const event = await this.loadEvent(eventId);
    await this.scope.assertManagesHall(user, event.hallId);
    const reservation = await this.db.manager.findOne(Reservation, { where: { code } });
    if (!reservation) throw notFound('预约码', { code });
    if (reservation.eventId !== eventId) throw new DomainError(ErrorCode.Conflict, '这个预约码不是本场活动的，请核对活动');
    if (reservation.status === 'checked_in') throw new DomainError(ErrorCode.Conflict, '这个预约码已经签到过了');
    if (reservation.status !== 'reserved') {
      throw new DomainError(ErrorCode.InvalidTransition, reservation.status === 'waitlisted' ? '该村民还在候补，没有座位' : '该预约已取消或已失效');
    }
    const now = this.clock.now().getTime();
    if (now < event.startsAt.getTime() - 3 * HOUR_MS || now > event.endsAt.getTime()) {
      throw new DomainError(ErrorCode.Conflict, '只能在活动当天、开始前 3 小时到结束之间签到');
    }
    await this.transitions.apply({
      machine: reservationMachine,
      entity: Reservation,
      label: '预约',
      id: reservation.id,
      event: 'check_in',
      actor: { id: user.id, roles: ['hall_manager'] },
      set: { holderKey: null },
    });
    const holder = reservation.userId ? await this.db.manager.findOneBy(User, { id: reservation.userId }) : null;
    return { reservation: await this.get(user, reservation.id), holderName: holder?.nickname ?? reservation.guestName ?? '' };
  }

  /** The manager may open fewer seats to villagers than the hall has, but never fewer than are already reserved. */
  async setSeats(user: AuthUser, eventId: number, seats: number): Promise<EventDetailDto> {
    const event = await this.loadEvent(eventId);
    await this.scope.assertManagesHall(user, event.hallId);
    const hall = await this.db.manager.findOneByOrFail(Hall, { id: event.hallId });
    if (seats > hall.seats) throw new DomainError(ErrorCode.ValidationFailed, `礼堂只有 ${hall.seats} 个座位`, { fields: [{ field: 'seats', message: `最多 ${hall.seats} 个` }] });
    const result = await this.db.transaction((m) =>
      m.createQueryBuilder().update(HallEvent).set({ seats }).where('id = :id AND seats_reserved <= :seats', { id: eventId, seats }).execute(),
    );
    if (result.affected !== 1) throw new DomainError(ErrorCode.Conflict, `已经有 ${event.seatsReserved} 个座位被预约，不能少于这个数`);
    return this.eventDetail(user, eventId);
  }

  async addWalkIns(user: AuthUser, eventId: number, count: number): Promise<EventDetailDto> {
    const event = await this.loadEvent(eventId);
    await this.scope.assertManagesHall(user, event.hallId);
    await this.db.transaction((m) => m.increment(HallEvent, { id: eventId }, 'walkIns', count));
    return this.eventDetail(user, eventId);
  }

  async get(user: AuthUser, id: number): Promise<ReservationDto> {
    const reservation = await this.load(id);
    const event = await this.loadEvent(reservation.eventId);
    const roles = await this.rolesFor(user, reservation, event);
    if (roles.length === 0) throw outOfScope('这不是您的预约');
    return (await this.toDtos([reservation], roles))[0];
  }

  async mine(user: AuthUser): Promise<ReservationDto[]> {
    const rows = await this.db.manager.find(Reservation, { where: { userId: user.id }, order: { id: 'DESC' }, take: 100 });
    return this.toDtos(rows, ['villager']);
  }

  async eventDetail(viewer: AuthUser | null, eventId: number): Promise<EventDetailDto> {
    const event = await this.loadEvent(eventId);
    const [summary] = await this.summaries([event]);
    const counts: { status: string; n: number | string }[] = await this.db.manager.query(
      "SELECT status, COUNT(*) n FROM reservations WHERE event_id = ? AND status IN ('waitlisted', 'checked_in') GROUP BY status",
      [eventId],
    );
    const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
    const mine = viewer
      ? await this.db.manager.findOne(Reservation, { where: { eventId, userId: viewer.id, status: In(['reserved', 'waitlisted', 'checked_in']) } })
      : null;
    return {
      ...summary,
      seatsReserved: event.seatsReserved,
      seatsLeft: Math.max(0, event.seats - event.seatsReserved),
      waitlistCount: count('waitlisted'),
      checkedIn: count('checked_in'),
      walkIns: event.walkIns,
      maxSeatsPerPerson: event.maxSeatsPerPerson,
      cancelUntil: iso(new Date(event.startsAt.getTime() - (await this.rules.get('reservationCancelCutoffMinutes')) * MINUTE_MS)),
      myReservation: mine ? (await this.toDtos([mine], ['villager']))[0] : null,
      myRating: viewer ? await this.eventRatings.mine(viewer.id, eventId) : null,
    };
  }

  /**
   * Upcoming events at the halls a villager follows, their own village's and nearby ones (same township);
   * all halls when not signed in.
   */
  async upcoming(viewer: AuthUser | null, query: EventListQuery): Promise<Paged<HallEventDto>> {
    const qb = this.db.manager
      .createQueryBuilder(HallEvent, 'e')
      .where("e.status = 'scheduled' AND e.ends_at >= :now", { now: this.clock.now() });
    if (query.hallId) {
      qb.andWhere('e.hall_id = :hallId', { hallId: query.hallId });
    } else if (viewer) {
      const hallIds = await this.myHallIds(viewer);
      const village = (await this.db.manager.findOneByOrFail(User, { id: viewer.id })).villageCode;
      if (hallIds.length === 0 && !village) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      const nearby = village ? `${village.slice(0, 9)}%` : null;
      qb.andWhere(
        `(${hallIds.length ? 'e.hall_id IN (:...hallIds)' : '1 = 0'}${nearby ? ' OR e.hall_id IN (SELECT h.id FROM halls h WHERE h.village_code LIKE :nearby)' : ''})`,
        { hallIds, nearby },
      );
    }
    const [events, total] = await qb
      .orderBy('e.startsAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.summaries(events), total, page: query.page, pageSize: query.pageSize };
  }

  async follow(user: AuthUser, hallId: number, follow: boolean): Promise<number[]> {
    const hall = await this.db.manager.findOne(Hall, { where: { id: hallId } });
    if (!hall) throw notFound('礼堂', { id: hallId });
    await this.db.transaction(async (m) => {
      if (!follow) return void (await m.delete(HallFollow, { userId: user.id, hallId }));
      if (!(await m.findOneBy(HallFollow, { userId: user.id, hallId }))) await m.insert(HallFollow, { userId: user.id, hallId });
    });
    return this.myHallIds(user);
  }

  async hallsOf(user: AuthUser): Promise<{ villageHallIds: number[]; followedHallIds: number[] }> {
    const person = await this.db.manager.findOneByOrFail(User, { id: user.id });
    const own = person.villageCode ? (await this.db.manager.find(Hall, { where: { villageCode: person.villageCode, active: true } })).map((h) => h.id) : [];
    const followed = (await this.db.manager.find(HallFollow, { where: { userId: user.id } })).map((f) => f.hallId);
    return { villageHallIds: own, followedHallIds: followed };
  }

  async setVillage(user: AuthUser, villageCode: string): Promise<{ villageHallIds: number[]; followedHallIds: number[] }> {
    const village = await this.db.manager.findOne(Region, { where: { code: villageCode } });
    if (!village || village.level !== 'village') {
      throw new DomainError(ErrorCode.ValidationFailed, '请选择到村(社区)一级', { fields: [{ field: 'villageCode', message: '请选择到村(社区)一级' }] });
    }
    await this.db.transaction((m) => m.update(User, { id: user.id }, { villageCode }));
    return this.hallsOf(user);
  }

  /** Halls a villager follows, plus the halls of their own village. */
  async myHallIds(user: AuthUser): Promise<number[]> {
    const person = await this.db.manager.findOneByOrFail(User, { id: user.id });
    const followed = (await this.db.manager.find(HallFollow, { where: { userId: user.id } })).map((f) => f.hallId);
    const own = person.villageCode ? (await this.db.manager.find(Hall, { where: { villageCode: person.villageCode, active: true } })).map((h) => h.id) : [];
    return [...new Set([...own, ...followed])];
  }

  /**
   * After an event ends: unchecked reservations become no-shows, waitlist places lapse, and villagers who
   * reached the no-show limit have reserving paused. Runs once per event (guarded by `attendance_closed`).
   */
  async closeEndedEvents(): Promise<{ events: number; noShows: number; suspended: number }> {
    const now = this.clock.now();
    const ended = await this.db.manager
      .createQueryBuilder(HallEvent, 'e')
      .where("e.status = 'scheduled' AND e.attendance_closed = :closed AND e.ends_at < :now", { closed: false, now })
      .orderBy('e.id')
      .take(200)
      .getMany();
    let noShows = 0;
    let suspended = 0;
    let events = 0;
    for (const event of ended) {
      const result = await this.db.transaction(async (m) => {
        const claimed = await m
          .createQueryBuilder()
          .update(HallEvent)
          .set({ attendanceClosed: true })
          .where('id = :id AND attendance_closed = :closed', { id: event.id, closed: false })
          .execute();
        if (claimed.affected !== 1) return null;
        const open = await m.find(Reservation, { where: { eventId: event.id, status: In(['reserved', 'waitlisted']) } });
        const absentees: number[] = [];
        for (const r of open) {
          const closing: ReservationEvent = r.status === 'reserved' ? 'mark_no_show' : 'lapse';
          await this.transitions.apply({ machine: reservationMachine, entity: Reservation, label: '预约', id: r.id, event: closing, actor: SYSTEM_ACTOR, set: { holderKey: null } }, m);
          if (closing === 'mark_no_show' && r.userId) absentees.push(r.userId);
        }
        return { absentees, suspended: await this.applyNoShowPolicy(m, absentees, now) };
      });
      if (!result) continue;
      events++;
      noShows += result.absentees.length;
      suspended += result.suspended;
    }
    return { events, noShows, suspended };
  }

  private async applyNoShowPolicy(m: EntityManager, userIds: number[], now: Date): Promise<number> {
    const [noShowLimit, noShowWindowMonths, noShowSuspendMonths] = await Promise.all([
      this.rules.get('noShowLimit'),
      this.rules.get('noShowWindowMonths'),
      this.rules.get('noShowSuspendMonths'),
    ]);
    if (noShowSuspendMonths === 0) return 0;
    const since = new Date(now);
    since.setMonth(since.getMonth() - noShowWindowMonths);
    let suspended = 0;
    for (const userId of [...new Set(userIds)]) {
      const count = await m
        .createQueryBuilder(Reservation, 'r')
        .where("r.user_id = :userId AND r.status = 'no_show' AND r.updated_at >= :since", { userId, since })
        .getCount();
      if (count < noShowLimit) continue;
      const until = new Date(now);
      until.setMonth(until.getMonth() + noShowSuspendMonths);
      await m.update(User, { id: userId }, {
        reservationsSuspendedUntil: until,
        reservationsSuspendedReason: `${noShowWindowMonths} 个月内预约后未到场 ${count} 次`,
      });
      suspended++;
    }
    return suspended;
  }

  private async takeSeats(m: EntityManager, eventId: number, seats: number): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(HallEvent)
      .set({ seatsReserved: () => `seats_reserved + ${Number(seats)}` })
      .where("id = :id AND status = 'scheduled' AND seats_reserved + :seats <= seats", { id: eventId, seats })
      .execute();
    return result.affected === 1;
  }

  private async releaseSeats(m: EntityManager, eventId: number, seats: number): Promise<void> {
    await m
      .createQueryBuilder()
      .update(HallEvent)
      .set({ seatsReserved: () => `seats_reserved - ${Number(seats)}` })
      .where('id = :id AND seats_reserved >= :seats', { id: eventId, seats })
      .execute();
  }

  /** Freed seats go to the first in line, strictly in order: a party that does not fit yet keeps its place. */
  private async promoteWaitlist(m: EntityManager, eventId: number): Promise<void> {
    for (;;) {
      const first = await m.findOne(Reservation, { where: { eventId, status: 'waitlisted' }, order: { id: 'ASC' } });
      if (!first || !(await this.takeSeats(m, eventId, first.seats))) return;
      await this.transitions.apply({ machine: reservationMachine, entity: Reservation, label: '预约', id: first.id, event: 'promote', actor: SYSTEM_ACTOR }, m);
      if (first.userId) {
        const event = await m.findOneByOrFail(HallEvent, { id: eventId });
        await this.notifications.notify(m, [first.userId], {
          kind: 'reservation.promoted',
          title: '候补成功',
          body: `「${event.title}」有了空位，您已预约成功，请按时到场`,
          link: `pages/event/index?id=${eventId}`,
        });
      }
    }
  }

  private async insertWithCode(m: EntityManager, row: Partial<Reservation>): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const code = newCode();
      if (attempt < 5 && (await m.findOneBy(Reservation, { code }))) continue;
      const saved = await m.save(m.create(Reservation, { ...row, code }));
      return saved.id;
    }
  }

  private async rolesFor(user: AuthUser, reservation: Reservation, event: HallEvent): Promise<Role[]> {
    const roles: Role[] = [];
    if (reservation.userId === user.id) roles.push('villager');
    if (user.roles.includes('hall_manager') && (await this.scope.managedHallIds(user.id)).includes(event.hallId)) roles.push('hall_manager');
    return roles;
  }

  private async load(id: number): Promise<Reservation> {
    const reservation = await this.db.manager.findOne(Reservation, { where: { id } });
    if (!reservation) throw notFound('预约', { id });
    return reservation;
  }

  private async loadEvent(id: number): Promise<HallEvent> {
    const event = await this.db.manager.findOne(HallEvent, { where: { id } });
    if (!event) throw notFound('活动', { id });
    return event;
  }

  private async toDtos(rows: Reservation[], roles: Role[]): Promise<ReservationDto[]> {
    if (rows.length === 0) return [];
    const events = await this.db.manager.find(HallEvent, { where: { id: In([...new Set(rows.map((r) => r.eventId))]) } });
    const summaries = new Map((await this.summaries(events)).map((s) => [s.id, s]));
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        eventId: r.eventId,
        status: r.status,
        seats: r.seats,
        code: r.code,
        waitlistPosition:
          r.status === 'waitlisted'
            ? (await this.db.manager.createQueryBuilder(Reservation, 'w').where("w.event_id = :e AND w.status = 'waitlisted' AND w.id <= :id", { e: r.eventId, id: r.id }).getCount())
            : null,
        guestName: r.guestName,
        createdAt: iso(r.createdAt),
        event: summaries.get(r.eventId)!,
        allowedActions: allowedEvents(reservationMachine, r.status, roles),
      })),
    );
  }

  private async summaries(events: HallEvent[]): Promise<HallEventDto[]> {
    if (events.length === 0) return [];
    const rows: { id: number; providerName: string; hallName: string }[] = await this.db.manager
      .createQueryBuilder()
      .select(['e.id AS id', 'p.name AS providerName', 'h.name AS hallName'])
      .from('hall_events', 'e')
      .innerJoin('orders', 'o', 'o.id = e.order_id')
      .innerJoin('providers', 'p', 'p.id = o.provider_id')
      .innerJoin('halls', 'h', 'h.id = e.hall_id')
      .where('e.id IN (:...ids)', { ids: events.map((e) => e.id) })
      .getRawMany();
    const names = new Map(rows.map((r) => [Number(r.id), r]));
    return events.map((e) => ({
      id: e.id,
      orderId: e.orderId,
      title: e.title,
      category: e.category,
      providerName: names.get(e.id)?.providerName ?? '',
      hallId: e.hallId,
      hallName: names.get(e.id)?.hallName ?? '',
      startsAt: iso(e.startsAt),
      endsAt: iso(e.endsAt),
      seats: e.seats,
    }));
  }
}
