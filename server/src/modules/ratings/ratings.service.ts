import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type EventRatingDto,
  type EventRatingInput,
  type LowScoresDto,
  type LowScoresQuery,
  type OrderRatingDto,
  type OrderRatingInput,
  type OrderRatingSide,
  type ScoreSummary,
} from '@hall-menu/shared';
import { EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { SensitiveWordsService } from '../../common/sensitive-words/sensitive-words.service';
import { TransitionHistory } from '../../common/transitions/transition-history.entity';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DatabaseService } from '../../database/database.service';
import { Hall } from '../halls/hall.entity';
import { HallEvent } from '../orders/hall-event.entity';
import { Order } from '../orders/order.entity';
import { MenuCacheService } from '../projects/menu-cache.service';
import { ProjectViewsService } from '../projects/project-views.service';
import { ServiceProject } from '../projects/service-project.entity';
import { Reservation } from '../reservations/reservation.entity';
import { RulesService } from '../rules/rules.service';
import { ScopeService } from '../users/scope.service';
import { User } from '../users/user.entity';
import { EventRatingViewsService } from './event-rating-views.service';
import { EventRating } from './event-rating.entity';
import { OrderRating } from './order-rating.entity';
import { RatingScore, type RatingSubject } from './rating-score.entity';
import { readScores, scoreSummary } from './scores';
import { ScoresService } from './scores.service';

const DAY_MS = 86_400_000;
const iso = (d: Date) => new Date(d).toISOString();

@Injectable()
export class RatingsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly rules: RulesService,
    private readonly menuCache: MenuCacheService,
    private readonly scores: ScoresService,
    private readonly sensitiveWords: SensitiveWordsService,
    private readonly projectViews: ProjectViewsService,
    private readonly eventRatingViews: EventRatingViewsService,
  ) {}

  /** Villagers who were checked in rate the event once; the scores follow in the same transaction. */
  async rateEvent(user: AuthUser, eventId: number, input: EventRatingInput): Promise<EventRatingDto> {
    const event = await this.db.manager.findOne(HallEvent, { where: { id: eventId } });
    if (!event) throw notFound('活动', { id: eventId });
    const attended = await this.db.manager.exists(Reservation, { where: { eventId, userId: user.id, status: 'checked_in' } });
    if (!attended) throw outOfScope('只有到场签到的村民可以评价这场活动');
    this.sensitiveWords.assertClean({ text: input.text });
    try {
      const id = await this.thenRefreshMenu(this.db.transaction(async (m) => {
        const rating = await m.save(m.create(EventRating, { eventId, projectId: event.projectId, userId: user.id, ...input, hidden: false }));
        await this.scores.refreshProject(m, event.projectId);
        return rating.id;
      }));
      return this.eventRatingDto(id);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new DomainError(ErrorCode.AlreadyRated, `您已经评价过这场活动了，可以在 ${await this.rules.get('ratingEditWindowDays')} 天内修改`);
      }
      throw error;
    }
  }

  async updateEventRating(user: AuthUser, eventId: number, input: EventRatingInput): Promise<EventRatingDto> {
    const rating = await this.db.manager.findOne(EventRating, { where: { eventId, userId: user.id } });
    if (!rating) throw notFound('评价', { eventId });
    // Ratings may be changed for a while after they were first given (a rule).
    const editDays = await this.rules.get('ratingEditWindowDays');
    if (this.clock.now().getTime() > rating.createdAt.getTime() + editDays * DAY_MS) {
      throw new DomainError(ErrorCode.Conflict, `评价超过 ${editDays} 天后不能再修改`);
    }
    if (rating.hidden) throw new DomainError(ErrorCode.Conflict, '这条评价已被审核员隐藏，不能再修改');
    this.sensitiveWords.assertClean({ text: input.text });
    await this.thenRefreshMenu(this.db.transaction(async (m) => {
      await m.update(EventRating, { id: rating.id }, { stars: input.stars, text: input.text, photo: input.photo });
      await this.scores.refreshProject(m, rating.projectId);
    }));
    return this.eventRatingDto(rating.id);
  }

  async eventRatings(eventId: number): Promise<EventRatingDto[]> {
    const ratings = await this.db.manager.find(EventRating, { where: { eventId, hidden: false }, order: { id: 'DESC' }, take: 100 });
    return this.eventRatingViews.toDtos(ratings);
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
      const hidden = await m.update(EventRating, { id: ratingId, hidden: false }, { hidden: true, hiddenReason: reason.trim() });
      if (hidden.affected !== 1) throw new DomainError(ErrorCode.StaleState, '这条评价已经被隐藏了');
      await this.recordHidden(m, 'event_rating', ratingId, user, reason);
      await this.scores.refreshProject(m, rating.projectId);
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
    this.sensitiveWords.assertClean({ text: input.text });
    const values = Object.values(input.scores);
    const stars = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
    try {
      const id = await this.thenRefreshMenu(this.db.transaction(async (m) => {
        const rating = await m.save(m.create(OrderRating, { orderId, side, raterId: user.id, scores: input.scores, stars, text: input.text, hidden: false }));
        if (side === 'hall') await this.scores.refreshProject(m, order.projectId);
        else await this.scores.refreshHall(m, order.hallId);
        return rating.id;
      }));
      return (await this.orderRatingDtos([await this.db.manager.findOneByOrFail(OrderRating, { id })]))[0];
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ErrorCode.AlreadyRated, '这次服务您已经评价过了');
      throw error;
    }
  }

  /** Both sides' ratings of an order: for its hall's managers, its provider's members and the region's reviewers. */
  async orderRatings(user: AuthUser, orderId: number): Promise<OrderRatingDto[]> {
    const order = await this.db.manager.findOne(Order, { where: { id: orderId } });
    if (!order) throw notFound('点单', { id: orderId });
    await this.assertOrderParty(user, order);
    const ratings = await this.db.manager.find(OrderRating, { where: { orderId }, order: { side: 'ASC' } });
    return this.orderRatingDtos(ratings);
  }

  /** A reviewer hides an abusive order rating, with a reason; it stops counting for the provider or hall. */
  async hideOrderRating(user: AuthUser, ratingId: number, reason: string | undefined): Promise<OrderRatingDto> {
    if (!reason?.trim()) throw new DomainError(ErrorCode.ReasonRequired, '请填写隐藏的原因');
    const rating = await this.db.manager.findOne(OrderRating, { where: { id: ratingId } });
    if (!rating) throw notFound('评价', { id: ratingId });
    const order = await this.db.manager.findOneByOrFail(Order, { id: rating.orderId });
    const hall = await this.db.manager.findOneByOrFail(Hall, { id: order.hallId });
    await this.scope.assertOversees(user, [hall.villageCode], '该评价不在您负责的地区内');
    await this.thenRefreshMenu(this.db.transaction(async (m) => {
      const hidden = await m.update(OrderRating, { id: ratingId, hidden: false }, { hidden: true, hiddenReason: reason.trim() });
      if (hidden.affected !== 1) throw new DomainError(ErrorCode.StaleState, '这条评价已经被隐藏了');
      await this.recordHidden(m, 'order_rating', ratingId, user, reason);
      if (rating.side === 'hall') await this.scores.refreshProject(m, order.projectId);
      else await this.scores.refreshHall(m, order.hallId);
    }));
    return (await this.orderRatingDtos([await this.db.manager.findOneByOrFail(OrderRating, { id: ratingId })]))[0];
  }

  async scoresOf(subject: RatingSubject, ids: number[]): Promise<Record<number, ScoreSummary>> {
    return Object.fromEntries(await readScores(this.db.manager, subject, ids));
  }

  /**
   * Published projects of the reviewer's region (whole service area inside it) whose Bayesian score is below the
   * threshold with enough ratings, lowest first. Computed from the live scores, so a hide or a new rating moves a
   * project in or out at once.
   */
  async lowScores(user: AuthUser, query: LowScoresQuery): Promise<LowScoresDto> {
    const root = await this.scope.oversightRegion(user);
    if (root === null) throw outOfScope('您没有负责的审核地区');
    const { threshold, minRatings } = this.config.lowScore;
    const qb = this.db.manager
      .createQueryBuilder(RatingScore, 's')
      .innerJoin(ServiceProject, 'p', 'p.id = s.subject_id')
      .where("s.subject_type = 'project' AND s.score < :threshold AND s.ratings_count >= :minRatings AND p.status = 'published'", { threshold, minRatings });
    if (root !== '') {
      qb.andWhere('NOT EXISTS (SELECT 1 FROM project_areas pa WHERE pa.project_id = p.id AND pa.region_code NOT LIKE :rootPrefix)', { rootPrefix: `${root}%` });
    }
    const [rows, total] = await qb
      .orderBy('s.score', 'ASC')
      .addOrderBy('s.subjectId', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getManyAndCount();
    const ids = rows.map((r) => r.subjectId);
    const projects = new Map((ids.length ? await this.db.manager.find(ServiceProject, { where: { id: In(ids) } }) : []).map((p) => [p.id, p]));
    const providers = await this.projectViews.providerRefs([...projects.values()].map((p) => p.providerId));
    const complaints = ids.length
      ? await this.db.manager.find(EventRating, { where: { projectId: In(ids), hidden: false, stars: In([1, 2]) }, order: { id: 'DESC' }, take: 200 })
      : [];
    return {
      threshold,
      minRatings,
      items: rows.map((row) => {
        const project = projects.get(row.subjectId)!;
        const { description: _d, ...provider } = providers.get(project.providerId)!;
        return {
          projectId: project.id,
          title: project.title,
          category: project.category,
          provider,
          rating: scoreSummary(row),
          flaggedAt: iso(row.flaggedAt ?? row.updatedAt),
          recentComplaints: complaints
            .filter((c) => c.projectId === project.id)
            .slice(0, 3)
            .map((c) => ({ stars: c.stars, text: c.text, createdAt: iso(c.createdAt) })),
        };
      }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async assertOrderParty(user: AuthUser, order: Order): Promise<void> {
    if (user.roles.includes('hall_manager') && (await this.scope.managedHallIds(user.id)).includes(order.hallId)) return;
    if (user.roles.includes('provider') && (await this.scope.providerIdOf(user.id)) === order.providerId) return;
    const hall = await this.db.manager.findOneByOrFail(Hall, { id: order.hallId });
    if (await this.scope.oversees(user, [hall.villageCode])) return;
    throw outOfScope('这不是您的点单');
  }

  /** Hiding is not a workflow, but who hid what and why is kept like one. */
  private async recordHidden(m: EntityManager, entityType: 'event_rating' | 'order_rating', id: number, user: AuthUser, reason: string): Promise<void> {
    await m.insert(TransitionHistory, {
      entityType,
      entityId: id,
      fromState: 'visible',
      toState: 'hidden',
      event: 'hide',
      actorId: user.id,
      actorRole: user.roles.includes('reviewer') ? 'reviewer' : 'admin',
      reason: reason.trim(),
    });
  }

  /** Scores are on every menu card and sort the menu; drop cached pages once the new score is committed. */
  private async thenRefreshMenu<T>(work: Promise<T>): Promise<T> {
    const result = await work;
    this.menuCache.invalidate();
    return result;
  }

  private async eventRatingDto(id: number): Promise<EventRatingDto> {
    return (await this.eventRatingViews.toDtos([await this.db.manager.findOneByOrFail(EventRating, { id })]))[0];
  }

  private async orderRatingDtos(ratings: OrderRating[]): Promise<OrderRatingDto[]> {
    if (ratings.length === 0) return [];
    const users = new Map((await this.db.manager.find(User, { where: { id: In([...new Set(ratings.map((r) => r.raterId))]) } })).map((u) => [u.id, u]));
    return ratings.map((r) => ({
      id: r.id,
      orderId: r.orderId,
      side: r.side,
      scores: r.scores,
      stars: Number(r.stars),
      text: r.text,
      authorName: users.get(r.raterId)?.nickname ?? '',
      createdAt: iso(r.createdAt),
      hidden: r.hidden,
    }));
  }
}
