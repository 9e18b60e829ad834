import { Injectable } from '@nestjs/common';
import { ErrorCode, type Paged, type ProviderDto, type ProviderInput, type ProviderQuery, type VerificationState } from '@hall-menu/shared';
import { In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { containsPattern } from '../../common/database/like';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { readHonours } from '../rankings/honours';
import { readScores } from '../ratings/scores';
import { Region } from '../regions/region.entity';
import { ScopeService } from '../users/scope.service';
import { ProviderArea } from './provider-area.entity';
import { ProviderMember } from './provider-member.entity';
import { Provider } from './provider.entity';

@Injectable()
export class ProvidersService {
  constructor(
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
  ) {}

  async list(query: ProviderQuery, viewer: AuthUser | null): Promise<Paged<ProviderDto>> {
    const qb = this.db.manager.createQueryBuilder(Provider, 'p');
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.keyword) qb.andWhere("p.name LIKE :kw ESCAPE '!'", { kw: containsPattern(query.keyword) });
    const [providers, total] = await qb
      .orderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toDtos(providers, viewer), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: number, viewer: AuthUser | null): Promise<ProviderDto> {
    const [dto] = await this.toDtos([await this.load(id)], viewer);
    return dto;
  }

  async create(user: AuthUser, input: ProviderInput): Promise<ProviderDto> {
    await this.assertRegions(input.serviceArea);
    await this.scope.assertOversees(user, input.serviceArea, '服务区域超出了您负责的地区');
    const id = await this.db.transaction(async (m) => {
      const { serviceArea, ...fields } = input;
      const provider = await m.save(m.create(Provider, { ...fields, verification: 'unverified' }));
      await m.insert(ProviderArea, serviceArea.map((regionCode) => ({ providerId: provider.id, regionCode })));
      return provider.id;
    });
    return this.get(id, user);
  }

  async update(user: AuthUser, id: number, input: ProviderInput): Promise<ProviderDto> {
    await this.load(id);
    await this.assertRegions(input.serviceArea);
    const current = await this.areaCodes(id);
    await this.scope.assertOversees(user, [...current, ...input.serviceArea], '只能修改您负责地区内的服务方');
    await this.db.transaction(async (m) => {
      const { serviceArea, ...fields } = input;
      await m.update(Provider, { id }, fields);
      await m.delete(ProviderArea, { providerId: id });
      await m.insert(ProviderArea, serviceArea.map((regionCode) => ({ providerId: id, regionCode })));
    });
    return this.get(id, user);
  }

  /** A reviewer verifies an organisation before its projects can be submitted, or suspends it. */
  async setVerification(user: AuthUser, id: number, verification: VerificationState): Promise<ProviderDto> {
    await this.load(id);
    await this.scope.assertOversees(user, await this.areaCodes(id), '该服务方的服务区域超出了您负责的地区');
    await this.db.transaction((m) => m.update(Provider, { id }, { verification }));
    return this.get(id, user);
  }

  private async load(id: number): Promise<Provider> {
    const provider = await this.db.manager.findOne(Provider, { where: { id } });
    if (!provider) throw notFound('服务方', { id });
    return provider;
  }

  private async areaCodes(providerId: number): Promise<string[]> {
    const areas = await this.db.manager.find(ProviderArea, { where: { providerId } });
    return areas.map((a) => a.regionCode);
  }

  private async assertRegions(codes: string[]): Promise<void> {
    const found = await this.db.manager.count(Region, { where: { code: In(codes) } });
    if (found !== new Set(codes).size) {
      throw new DomainError(ErrorCode.ValidationFailed, '服务区域中有不存在的地区，请重新选择', {
        fields: [{ field: 'serviceArea', message: '有不存在的地区' }],
      });
    }
  }

  /** Contact phone numbers are for signed-in users only; the public menu shows the organisation. */
  private async toDtos(providers: Provider[], viewer: AuthUser | null): Promise<ProviderDto[]> {
    if (providers.length === 0) return [];
    const ids = providers.map((p) => p.id);
    const [areas, members, scores, honours] = await Promise.all([
      this.db.manager.find(ProviderArea, { where: { providerId: In(ids) } }),
      this.db.manager.find(ProviderMember, { where: { providerId: In(ids) } }),
      readScores(this.db.manager, 'provider', ids),
      readHonours(this.db.manager, 'provider', ids),
    ]);
    return providers.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      description: p.description,
      contactName: p.contactName,
      contactPhone: viewer ? p.contactPhone : maskPhone(p.contactPhone),
      verification: p.verification,
      serviceArea: areas.filter((a) => a.providerId === p.id).map((a) => a.regionCode).sort(),
      memberCount: members.filter((m) => m.providerId === p.id).length,
      teamSize: p.teamSize,
      rating: scores.get(p.id)!,
      honours: honours.get(p.id) ?? [],
    }));
  }
}

function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
