import { Injectable } from '@nestjs/common';
import { ErrorCode, type EventRatingDto, type EventRatingInput, type OrderRatingDto, type OrderRatingInput, type OrderRatingSide } from '@hall-menu/shared';
import { EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { Hall } from '../halls/hall.entity';
import { HallEvent } from '../orders/hall-event.entity';
import { Order } from '../orders/order.entity';
import { MenuCacheService } from '../projects/menu-cache.service';
import { ServiceProject } from '../projects/service-project.entity';
import { Reservation } from '../reservations/reservation.entity';
import { ScopeService } from '../users/scope.service';
import { User } from '../users/user.entity';
import { EventRating } from './event-rating.entity';
import { OrderRating } from './order-rating.entity';

/** Ratings may be changed for this long after they were first given. */
const EDIT_WINDOW_MS = 7 * 86_400_000;
const iso = (d: Date) => new Date(d).toISOString();

@Injectable()
export class RatingsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly menuCache: MenuCacheService,
  ) {}

  /** Villagers who were checked in rate the event once; the project's score follows in the same transaction. */
  async rateEvent(user: AuthUser, eventId: number, input: EventRatingInput): Promise<EventRatingDto> {
    const event = await this.db.manager.findOne(HallEvent, { where: { id: eventId } });
    if (!event) throw notFound('活动', { id: eventId });
    const attended = await this.db.manager.exists(Reservation, { where: { eventId, userId: user.id, status: 'checked_in' } });
    if (!attended) throw outOfScope('只有到场签到的村民可以评价这场活动');
    try {
      const id = await this.thenRefreshMenu(this.db.transaction(async (m) => {
        const rating = await m.save(m.create(EventRating, { eventId, projectId: event.projectId, userId: user.id, ...input, hidden: false }));
        await this.refreshProjectScore(m, event.projectId);
        return rating.id;
      }));
      return this.eventRatingDto(id);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ErrorCode.AlreadyRated, '您已经评价过这场活动了，可以在 7 天内修改');
      throw error;
    }
  }

  async updateEventRating(user: AuthUser, eventId: number, input: EventRatingInput): Promise<EventRatingDto> {
    const rating = await this.db.manager.findOne(EventRating, { where: { eventId, userId: user.id } });
    if (!rating) throw notFound('评价', { eventId });
    if (this.clock.now().getTime() > rating.createdAt.getTime() + EDIT_WINDOW_MS) {
      throw new DomainError(ErrorCode.Conflict, '评价超过 7 天后不能再修改');
    }
    await this.thenRefreshMenu(this.db.transaction(async (m) => {
      await m.update(EventRating, { id: rating.id }, { stars: input.stars, text: input.text, photo: input.photo });
      await this.refreshProjectScore(m, rating.projectId);
    }));
    return this.eventRatingDto(rating.id);
  }

  async eventRatings(eventId: number): Promise<EventRatingDto[]> {
    const ratings = await this.db.manager.find(EventRating, { where: { eventId, hidden: false }, order: { id: 'DESC' }, take: 100 });
    return this.eventRatingDtos(ratings);
  }

  /** A reviewer of the hall's region hides an abusive rating, with a reason; it stops counting. */
  async hideEventRating(user: AuthUser, ratingId: number, reason: string | undefined): Promise<EventRatingDto> {
    if (!reason?.trim()) throw new DomainError(ErrorCode.ReasonRequired, '请填写隐藏的原因');
    const rating = await this.db.manager.findOne(EventRating, { where: { id: ratingId } });
    if (!rating) throw notFound('评价', { id: ratingId });
    const event = await this.db.manager.findOneByOrFail(HallEvent, { id: rating.eventId });
    const hall = await this.db.manager.findOneByOrFail(Hall, { id: event.hallId });
    await this.scope.assertOversees(user, [hall.villageCode], '该评价不在您负责的地区内');
    await this.thenRefreshMenu(this.db.transaction(async (m) => {
      await m.update(EventRating, { id: ratingId }, { hidden: true, hiddenReason: reason.trim() });
      await this.refreshProjectScore(m, rating.projectId);
    }));
    return this.eventRatingDto(ratingId);
  }

  /** After a confirmed order: the hall's manager rates the provider, the provider rates the hall. */
  async rateOrder(user: AuthUser, orderId: number, side: OrderRatingSide, input: OrderRatingInput): Promise<OrderRatingDto> {
    const order = await this.db.manager.findOne(Order, { where: { id: orderId } });
    if (!order) throw notFound('点单', { id: orderId });
    const allowed =
      side === 'hall'
        ? user.roles.includes('hall_manager') && (await this.scope.managedHallIds(user.id)).includes(order.hallId)
        : user.roles.includes('provider') && (await this.scope.providerIdOf(user.id)) === order.providerId;
    if (!allowed) throw outOfScope('这不是您的点单');
    if (order.status !== 'confirmed') throw new DomainError(ErrorCode.InvalidTransition, '服务确认完成后才能评价');
    const values = Object.values(input.scores);
    const stars = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
    try {
      const id = await this.thenRefreshMenu(this.db.transaction(async (m) => {
        const rating = await m.save(m.create(OrderRating, { orderId, side, raterId: user.id, scores: input.scores, stars, text: input.text }));
        if (side === 'hall') await this.refreshProjectScore(m, order.projectId);
        return rating.id;
      }));
      const saved = await this.db.manager.findOneByOrFail(OrderRating, { id });
      const author = await this.db.manager.findOneByOrFail(User, { id: user.id });
      return { id, orderId, side, scores: saved.scores, stars: saved.stars, text: saved.text, authorName: author.nickname, createdAt: iso(saved.createdAt) };
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ErrorCode.AlreadyRated, '这次服务您已经评价过了');
      throw error;
    }
  }

  /**
   * A project's score: villagers' stars and managers' overall stars, visible ones only. The menu shows the plain
   * average with its count; matching applies the Bayesian prior on top.
   */
  private async refreshProjectScore(m: EntityManager, projectId: number): Promise<void> {
    const [villagers] = await m.query('SELECT COALESCE(SUM(stars), 0) AS total, COUNT(*) AS n FROM event_ratings WHERE project_id = ? AND hidden = ?', [projectId, 0]);
    const [managers] = await m.query(
      "SELECT COALESCE(SUM(r.stars), 0) AS total, COUNT(*) AS n FROM order_ratings r JOIN orders o ON o.id = r.order_id WHERE o.project_id = ? AND r.side = 'hall'",
      [projectId],
    );
    const count = Number(villagers.n) + Number(managers.n);
    const average = count === 0 ? null : Math.round(((Number(villagers.total) + Number(managers.total)) / count) * 100) / 100;
    await m.update(ServiceProject, { id: projectId }, { ratingAverage: average, ratingCount: count });
  }

  /** Scores are on every menu card and sort the menu; drop cached pages once the new score is committed. */
  private async thenRefreshMenu<T>(work: Promise<T>): Promise<T> {
    const result = await work;
    this.menuCache.invalidate();
    return result;
  }

  private async eventRatingDto(id: number): Promise<EventRatingDto> {
    return (await this.eventRatingDtos([await this.db.manager.findOneByOrFail(EventRating, { id })]))[0];
  }

  private async eventRatingDtos(ratings: EventRating[]): Promise<EventRatingDto[]> {
    if (ratings.length === 0) return [];
    const users = new Map((await this.db.manager.find(User, { where: { id: In([...new Set(ratings.map((r) => r.userId))]) } })).map((u) => [u.id, u]));
    return ratings.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      stars: r.stars,
      text: r.text,
      photo: r.photo,
      // Villagers are shown by surname only.
      authorName: `${(users.get(r.userId)?.nickname ?? '村民').slice(0, 1)}**`,
      createdAt: iso(r.createdAt),
      editableUntil: iso(new Date(new Date(r.createdAt).getTime() + EDIT_WINDOW_MS)),
      hidden: r.hidden,
    }));
  }
}
