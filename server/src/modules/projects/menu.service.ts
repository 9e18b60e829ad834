import { Injectable } from '@nestjs/common';
import type { MenuItemDto, MenuQuery, Paged } from '@hall-menu/shared';
import { In } from 'typeorm';
import { containsPattern } from '../../common/database/like';
import { beijingToday, daysBetween, isoWeekday } from '../../common/time';
import { notFound } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { Hall } from '../halls/hall.entity';
import { ancestorCodes } from './project-content';
import { MenuCacheService } from './menu-cache.service';
import { ProjectViewsService } from './project-views.service';
import { ServiceProject } from './service-project.entity';

/** The service menu (服务菜单): published projects only, filtered and sorted in SQL. */
@Injectable()
export class MenuService {
  constructor(
    private readonly db: DatabaseService,
    private readonly views: ProjectViewsService,
    private readonly cache: MenuCacheService,
  ) {}

  async list(query: MenuQuery): Promise<Paged<MenuItemDto>> {
    // A date filter depends on today, so the key carries today's date too.
    const key = JSON.stringify([beijingToday(), query]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const page = await this.query(query);
    this.cache.set(key, page);
    return page;
  }

  private async query(query: MenuQuery): Promise<Paged<MenuItemDto>> {
    const qb = this.db.manager.createQueryBuilder(ServiceProject, 'p').where('p.status = :status', { status: 'published' });
    if (query.category) qb.andWhere('p.category = :category', { category: query.category });
    if (query.audience) qb.andWhere('p.target_audience IN (:...audiences)', { audiences: [query.audience, 'all'] });
    if (query.providerId) qb.andWhere('p.provider_id = :providerId', { providerId: query.providerId });
    if (query.keyword) {
      qb.andWhere("(p.title LIKE :kw ESCAPE '!' OR p.description LIKE :kw ESCAPE '!')", { kw: containsPattern(query.keyword) });
    }
    if (query.hallId) {
      const hall = await this.db.manager.findOne(Hall, { where: { id: query.hallId } });
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
      qb.clone().orderBy().getCount(),
    ]);
    const ids = idRows.map((r) => Number(r.id));
    const rows = ids.length ? await this.db.manager.find(ServiceProject, { where: { id: In(ids) } }) : [];
    const byId = new Map(rows.map((p) => [p.id, p]));
    const projects = ids.map((id) => byId.get(id)!);
    return { items: await this.views.toMenuItems(projects), total, page: query.page, pageSize: query.pageSize };
  }
}
