import { Injectable } from '@nestjs/common';
import { ErrorCode, type MenuItemDto, type MenuQuery, type Paged } from '@hall-menu/shared';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { containsPattern } from '../../common/database/like';
import { addDays, beijingToday, daysBetween, inRanges, isoWeekday } from '../../common/time';
import { rankProjects } from '../needs/scorer';
import { matchingRating, readScores } from '../ratings/scores';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { Hall } from '../halls/hall.entity';
import { RulesService } from '../rules/rules.service';
import { ancestorCodes, maskToWeekdays } from './project-content';
import { MenuCacheService, type SerializedPage } from './menu-cache.service';
import { ProjectViewsService } from './project-views.service';
import { ServiceProject } from './service-project.entity';

/** How many covering projects the recommendation ranks; a hall rarely has more in its area. */
const RECOMMENDATION_POOL = 1000;

/** The service menu (服务菜单): published projects only, filtered and sorted in SQL. */
@Injectable()
export class MenuService {
  constructor(
    private readonly rules: RulesService,
    private readonly db: DatabaseService,
    private readonly views: ProjectViewsService,
    private readonly cache: MenuCacheService,
  ) {}

  /**
   * A menu page, serialised once and then served from the cache until the menu changes or 30 s pass. `url` (the
   * request's path and query) lets the fast path find it again without the framework.
   */
  async list(query: MenuQuery, url?: string): Promise<SerializedPage> {
    // A date filter depends on today, so the key carries today's date too.
    const key = JSON.stringify([beijingToday(), query]);
    const cached = this.cache.get(key);
    if (cached) {
      if (url) this.cache.linkUrl(url, key);
      return cached;
    }
    const version = this.cache.currentVersion();
    // The menu is already up to 30 s stale across instances, so a replica's lag is acceptable — except just after a
    // change, when the page about to be cached must show it.
    const page = this.cache.replicasMayLag()
      ? await this.query(query, this.db.manager, version)
      : await this.db.readReplica((m) => this.query(query, m, version));
    const serialized = this.cache.set(key, page, version);
    if (url) this.cache.linkUrl(url, key);
    return serialized;
  }

  private async query(query: MenuQuery, m: EntityManager, version: number): Promise<Paged<MenuItemDto>> {
    if (query.sort === 'recommended' && !query.hallId) {
      throw new DomainError(ErrorCode.ValidationFailed, '按推荐排序需要先选择礼堂', { fields: [{ field: 'hallId', message: '请选择礼堂' }] });
    }
    const qb = m.createQueryBuilder(ServiceProject, 'p').where('p.status = :status', { status: 'published' });
    if (query.category) qb.andWhere('p.category = :category', { category: query.category });
    if (query.audience) qb.andWhere('p.target_audience IN (:...audiences)', { audiences: [query.audience, 'all'] });
    if (query.providerId) qb.andWhere('p.provider_id = :providerId', { providerId: query.providerId });
    if (query.keyword) {
      qb.andWhere("(p.title LIKE :kw ESCAPE '!' OR p.description LIKE :kw ESCAPE '!')", { kw: containsPattern(query.keyword) });
    }
    let hall: Hall | null = null;
    if (query.hallId) {
      hall = await m.findOne(Hall, { where: { id: query.hallId } });
      if (!hall) throw notFound('礼堂', { id: query.hallId });
      qb.andWhere('EXISTS (SELECT 1 FROM project_areas pa WHERE pa.project_id = p.id AND pa.region_code IN (:...codes))', {
        codes: ancestorCodes(hall.villageCode),
      });
    }
    if (query.date) {
      qb.andWhere('(p.weekday_mask & :weekdayBit) <> 0', { weekdayBit: 1 << (isoWeekday(query.date) - 1) })
        .andWhere('p.lead_days <= :daysAhead', { daysAhead: daysBetween(beijingToday(), query.date) })
        .andWhere('NOT EXISTS (SELECT 1 FROM project_blackouts b WHERE b.project_id = p.id AND b.from_date <= :date AND b.to_date >= :date)', {
          date: query.date,
        });
    }
    if (query.sort === 'recommended') return this.recommended(m, qb, query, hall!);
    // Every sort ends on id, so pages never overlap or skip when values tie.
    switch (query.sort) {
      case 'rating':
        // NULL (not yet rated) sorts last under DESC in both MySQL and SQLite.
        qb.orderBy('p.rating_average', 'DESC').addOrderBy('p.rating_count', 'DESC');
        break;
      case 'popular':
        qb.orderBy('p.order_count', 'DESC');
        break;
      case 'newest':
        qb.orderBy('p.published_at', 'DESC');
        break;
    }
    // Page through ids only (the sort columns are indexed), then load just those rows: sorting whole rows,
    // long descriptions included, was the menu's main cost.
    const [idRows, total] = await Promise.all([
      qb
        .clone()
        .select('p.id', 'id')
        .addOrderBy('p.id', 'DESC')
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .getRawMany<{ id: number }>(),
      // The same filters give the same total whatever the page or sort: paging on, or sorting otherwise, skips it.
      this.cache.total(JSON.stringify([beijingToday(), { ...query, page: undefined, pageSize: undefined, sort: undefined }]), version, () =>
        qb.clone().orderBy().getCount(),
      ),
    ]);
    const ids = idRows.map((r) => Number(r.id));
    const rows = ids.length ? await m.find(ServiceProject, { where: { id: In(ids) } }) : [];
    const byId = new Map(rows.map((p) => [p.id, p]));
    const projects = ids.map((id) => byId.get(id)!);
    return { items: await this.views.toMenuItems(projects, m), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * 为本礼堂推荐: the matching scorer ranks what covers the hall (availability over the next 30 days, ratings,
   * fairness, nearby providers); the category factor is left out because the hall has not said what it wants.
   */
  private async recommended(m: EntityManager, qb: SelectQueryBuilder<ServiceProject>, query: MenuQuery, hall: Hall): Promise<Paged<MenuItemDto>> {
    const candidates = await qb.clone().orderBy('p.id', 'ASC').limit(RECOMMENDATION_POOL).getMany();
    const [areas, providerScores] = await Promise.all([
      this.views.areasOf(candidates.map((p) => p.id), m),
      readScores(m, 'provider', candidates.map((p) => p.providerId)),
    ]);
    const year = Number(beijingToday().slice(0, 4));
    const [served] = await m.query("SELECT COUNT(*) AS n FROM orders WHERE hall_id = ? AND status = 'confirmed' AND quota_year = ?", [hall.id, year]);
    const today = beijingToday();
    const county = hall.villageCode.slice(0, 6);
    const ranked = rankProjects(
      candidates.map((p) => {
        const weekdays = maskToWeekdays(p.weekdayMask);
        let availableDays = 0;
        for (let d = addDays(today, p.leadDays); d <= addDays(today, 30); d = addDays(d, 1)) {
          if (weekdays.includes(isoWeekday(d)) && !inRanges(d, p.blackoutDates) && !inRanges(d, hall.blackoutDates ?? [])) availableDays++;
        }
        return {
          projectId: p.id,
          categoryMatch: false,
          covers: true,
          availableDays,
          periodDays: 30,
          ratingAverage: p.ratingAverage,
          ratingCount: p.ratingCount,
          providerRating: matchingRating(providerScores.get(p.providerId)),
          hallServicesThisYear: Number(served.n),
          sameCounty: (areas.get(p.id) ?? []).some((code) => code.startsWith(county)),
        };
      }),
      await this.rules.get('matchWeights'),
    );
    const byId = new Map(candidates.map((p) => [p.id, p]));
    const page = ranked.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((r) => byId.get(r.projectId)!);
    return { items: await this.views.toMenuItems(page, m), total: ranked.length, page: query.page, pageSize: query.pageSize };
  }
}
