import { Injectable } from '@nestjs/common';
import { ErrorCode, type HallDto, type HallInput, type HallQuery, type HallUpdateInput, type Paged } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { containsPattern } from '../../common/database/like';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { changedFields } from '../audit/audit-helpers';
import { AuditService } from '../audit/audit.service';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';
import { applyQuota, quotaYearAt } from './hall-quota';
import { Hall } from './hall.entity';

interface HallRow {
  hall: Hall;
  village: Region;
}

function toDto({ hall, village }: HallRow): HallDto {
  const sameYear = hall.quotaYear === new Date().getFullYear();
  return {
    id: hall.id,
    name: hall.name,
    villageCode: hall.villageCode,
    villageName: village.name,
    regionPath: village.fullName,
    address: hall.address,
    latitude: hall.latitude,
    longitude: hall.longitude,
    seats: hall.seats,
    facilities: hall.facilities,
    annualQuota: hall.annualQuota,
    quotaUsed: sameYear ? hall.quotaUsed : 0,
    starLevel: hall.starLevel,
    active: hall.active,
  };
}

@Injectable()
export class HallsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: HallQuery): Promise<Paged<HallDto>> {
    const qb = this.db.manager
      .createQueryBuilder(Hall, 'h')
      .innerJoinAndMapOne('h.village', Region, 'v', 'v.code = h.village_code')
      .where('h.active = :active', { active: true });
    if (query.region) qb.andWhere('h.village_code LIKE :prefix', { prefix: `${query.region}%` });
    if (query.keyword) qb.andWhere("(h.name LIKE :kw ESCAPE '!' OR v.full_name LIKE :kw ESCAPE '!')", { kw: containsPattern(query.keyword) });
    const [halls, total] = await qb
      .orderBy('h.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: halls.map((h) => toDto({ hall: h, village: (h as Hall & { village: Region }).village })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: number): Promise<HallDto> {
    return toDto(await this.load(id));
  }

  async create(user: AuthUser, input: HallInput): Promise<HallDto> {
    await this.assertVillage(input.villageCode);
    await this.scope.assertOversees(user, [input.villageCode], '只能在您负责的地区内新建礼堂');
    const id = await this.uniqueName(input, () =>
      this.db.transaction(async (m) => {
        const hall = await m.save(m.create(Hall, { ...input, quotaYear: quotaYearAt(this.clock.now()), quotaUsed: 0, active: true }));
        await this.audit.record(m, { actor: user, objectType: 'hall', objectId: hall.id, action: 'create', after: { ...input }, regionCode: input.villageCode });
        return hall.id;
      }),
    );
    return this.get(id);
  }

  /**
   * Edits a hall with the fields given: an optional field left out keeps its value (see `hallUpdateSchema`).
   * A changed quota applies to the current year, as when it is set on its own.
   */
  async update(user: AuthUser, id: number, input: HallUpdateInput): Promise<HallDto> {
    const { hall } = await this.load(id);
    await this.assertVillage(input.villageCode);
    await this.scope.assertOversees(user, [hall.villageCode, input.villageCode], '只能修改您负责地区内的礼堂');
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<HallInput>;
    await this.uniqueName(input, () =>
      this.db.transaction(async (m) => {
        await this.db.lockRow(m, 'halls', id);
        const current = await m.findOneByOrFail(Hall, { id });
        const { annualQuota, ...fields } = given;
        const before = Object.fromEntries(Object.keys(given).map((k) => [k, current[k as keyof HallInput]])) as Partial<HallInput>;
        const diff = changedFields(before, given);
        if (!diff) return;
        await m.update(Hall, { id }, fields);
        if (annualQuota !== undefined) await applyQuota(m, current, annualQuota, quotaYearAt(this.clock.now()));
        await this.audit.record(m, { actor: user, objectType: 'hall', objectId: id, action: 'update', ...diff, regionCode: input.villageCode });
      }),
    );
    return this.get(id);
  }

  /** The name is unique within its village (the key an import matches on). */
  private async uniqueName<T>(input: Pick<HallInput, 'name'>, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const message = `这个村已有名为「${input.name}」的礼堂，请换个名称`;
      throw new DomainError(ErrorCode.Conflict, message, { fields: [{ field: 'name', message }] });
    }
  }

  private async load(id: number): Promise<HallRow> {
    const hall = await this.db.manager.findOne(Hall, { where: { id } });
    if (!hall) throw notFound('礼堂', { id });
    const village = await this.db.manager.findOneByOrFail(Region, { code: hall.villageCode });
    return { hall, village };
  }

  private async assertVillage(code: string): Promise<void> {
    const village = await this.db.manager.findOne(Region, { where: { code } });
    if (!village || village.level !== 'village') {
      throw new DomainError(ErrorCode.ValidationFailed, '找不到这个村(社区)，请重新选择', {
        fields: [{ field: 'villageCode', message: '找不到这个村(社区)' }],
      });
    }
  }
}
