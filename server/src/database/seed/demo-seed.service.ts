import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { RegionLevel } from '@hall-menu/shared';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { HallManager } from '../../modules/halls/hall-manager.entity';
import { Hall } from '../../modules/halls/hall.entity';
import { ProviderArea } from '../../modules/providers/provider-area.entity';
import { ProviderMember } from '../../modules/providers/provider-member.entity';
import { Provider } from '../../modules/providers/provider.entity';
import { Region } from '../../modules/regions/region.entity';
import { UserRole } from '../../modules/users/user-role.entity';
import { User } from '../../modules/users/user.entity';
import { DatabaseService } from '../database.service';
import { buildDemoPlan, loadDivisions, type Divisions } from './demo-plan';

const LEVEL_BY_CODE_LENGTH: Record<number, RegionLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'village' };

/** Regions of the city with display paths from the county down ("瑞安市 塘下镇 鲍田村"). */
export function regionRows(divisions: Divisions): Region[] {
  const byCode = new Map<string, { name: string; parentCode: string | null }>();
  byCode.set(divisions.province.code, { name: divisions.province.name, parentCode: null });
  byCode.set(divisions.city.code, { name: divisions.city.name, parentCode: divisions.province.code });
  for (const [code, name, parentCode] of divisions.regions) byCode.set(code, { name, parentCode });
  const fullName = (code: string): string => {
    const node = byCode.get(code)!;
    if (code.length <= 6 || !node.parentCode) return node.name;
    return `${fullName(node.parentCode)} ${node.name}`;
  };
  return [...byCode.entries()].map(([code, { name, parentCode }]) =>
    Object.assign(new Region(), { code, name, parentCode, level: LEVEL_BY_CODE_LENGTH[code.length], fullName: fullName(code) }),
  );
}

/**
 * Fills an empty database with the real divisions of 温州市 and a deterministic demo world
 * (halls in real villages, providers of every kind, a demo user for every role).
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    if ((await this.db.manager.count(Region)) > 0) return;
    await this.seed();
  }

  async seed(): Promise<void> {
    const started = Date.now();
    const divisions = loadDivisions();
    const plan = buildDemoPlan(divisions);
    await this.db.transaction(async (m) => {
      await insertChunked(m, Region, regionRows(divisions));
      const year = new Date().getFullYear();
      const hallIds = new Map<string, number>();
      for (const { key, ...hall } of plan.halls) {
        const saved = await m.save(m.create(Hall, { ...hall, quotaYear: year, quotaUsed: 0, active: true }));
        hallIds.set(key, saved.id);
      }
      const providerIds = new Map<string, number>();
      for (const { key, serviceArea, ...provider } of plan.providers) {
        const saved = await m.save(m.create(Provider, provider));
        providerIds.set(key, saved.id);
        await m.insert(ProviderArea, serviceArea.map((regionCode) => ({ providerId: saved.id, regionCode })));
      }
      for (const u of plan.users) {
        const user = await m.save(m.create(User, { nickname: u.nickname, demoKey: u.key, villageCode: u.villageCode ?? null }));
        await m.insert(
          UserRole,
          u.roles.map((role) => ({ userId: user.id, role, regionCode: role === 'reviewer' || role === 'admin' ? (u.regionCode ?? null) : null })),
        );
        for (const hallKey of u.hallKeys ?? []) await m.insert(HallManager, { hallId: hallIds.get(hallKey)!, userId: user.id });
        if (u.providerKey) await m.insert(ProviderMember, { providerId: providerIds.get(u.providerKey)!, userId: user.id });
      }
    });
    this.logger.log({
      msg: 'demo data seeded',
      regions: divisions.regions.length + 2,
      halls: plan.halls.length,
      providers: plan.providers.length,
      users: plan.users.length,
      ms: Date.now() - started,
    });
  }
}

async function insertChunked<T extends object>(m: EntityManager, entity: new () => T, rows: T[], size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await m.insert(entity, rows.slice(i, i + size) as never);
}
