import { Injectable } from '@nestjs/common';
import type { RegionDto, RegionQuery } from '@hall-menu/shared';
import { containsPattern } from '../../common/database/like';
import { notFound } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { Region } from './region.entity';

const toDto = (r: Region): RegionDto => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, fullName: r.fullName });

@Injectable()
export class RegionsService {
  constructor(private readonly db: DatabaseService) {}

  /** Children of `parent` (the roots without it), or up to 50 name matches for a village picker. */
  async list(query: RegionQuery): Promise<RegionDto[]> {
    const qb = this.db.manager.createQueryBuilder(Region, 'r');
    if (query.keyword) {
      qb.where("r.name LIKE :kw ESCAPE '!'", { kw: containsPattern(query.keyword) });
      if (query.parent) qb.andWhere('r.code LIKE :prefix', { prefix: `${query.parent}%` });
      qb.orderBy('LENGTH(r.code)', 'ASC').addOrderBy('r.code', 'ASC').limit(50);
    } else if (query.parent) {
      qb.where('r.parent_code = :parent', { parent: query.parent }).orderBy('r.code', 'ASC');
    } else {
      qb.where('r.parent_code IS NULL').orderBy('r.code', 'ASC');
    }
    return (await qb.getMany()).map(toDto);
  }

  async get(code: string): Promise<RegionDto> {
    const region = await this.db.manager.findOne(Region, { where: { code } });
    if (!region) throw notFound('地区', { code });
    return toDto(region);
  }
}
