import { PROVIDER_KINDS, USER_ROLES } from '@hall-menu/shared';
import { buildDemoPlan, loadDivisions } from './demo-plan';
import { regionRows } from './demo-seed.service';

const divisions = loadDivisions();
const plan = buildDemoPlan(divisions);
const regionNames = new Map(divisions.regions.map(([code, name]) => [code, name]));
const chinese = /^[\u4e00-\u9fa5“”()（）·\s\d]+$/;

describe('demo plan', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(buildDemoPlan(divisions)).toEqual(plan);
    expect(buildDemoPlan(divisions, 7).halls.map((h) => h.villageCode)).not.toEqual(plan.halls.map((h) => h.villageCode));
  });

  it('puts 300 halls in distinct real villages of all 12 counties, named after their village', () => {
    expect(plan.halls).toHaveLength(300);
    const villages = plan.halls.map((h) => h.villageCode);
    expect(new Set(villages).size).toBe(300);
    for (const hall of plan.halls) {
      expect(hall.villageCode).toHaveLength(12);
      expect(hall.name).toBe(`${regionNames.get(hall.villageCode)}文化礼堂`);
      expect(hall.facilities).toContain('power');
      expect(hall.latitude).toBeGreaterThan(27);
      expect(hall.latitude).toBeLessThan(28.6);
    }
    expect(new Set(villages.map((v) => v.slice(0, 6))).size).toBe(12);
  });

  it('has providers of every kind, at least three each, some still unverified', () => {
    for (const kind of PROVIDER_KINDS) expect(plan.providers.filter((p) => p.kind === kind).length).toBeGreaterThanOrEqual(3);
    expect(plan.providers.some((p) => p.verification === 'unverified')).toBe(true);
    for (const p of plan.providers) {
      expect(p.contactPhone).toMatch(/^1[358]\d{9}$/);
      expect(p.serviceArea.every((code) => code === divisions.city.code || regionNames.has(code))).toBe(true);
    }
  });

  it('has a demo user for every role whose scopes point at real things', () => {
    for (const role of USER_ROLES) expect(plan.users.some((u) => u.roles.includes(role))).toBe(true);
    const hallKeys = new Set(plan.halls.map((h) => h.key));
    const providerKeys = new Set(plan.providers.map((p) => p.key));
    for (const user of plan.users) {
      expect(user.nickname).toMatch(chinese);
      if (user.villageCode) expect(regionNames.has(user.villageCode)).toBe(true);
      for (const key of user.hallKeys ?? []) expect(hallKeys.has(key)).toBe(true);
      if (user.providerKey) expect(providerKeys.has(user.providerKey)).toBe(true);
      if (user.roles.includes('hall_manager')) expect(user.hallKeys?.length).toBeGreaterThan(0);
      if (user.roles.includes('reviewer')) expect(user.regionCode).toMatch(/^3303/);
    }
  });

  it('makes the first villager a neighbour of the first hall manager, so the demo journey connects', () => {
    const villager = plan.users.find((u) => u.roles.includes('villager'))!;
    const manager = plan.users.find((u) => u.roles.includes('hall_manager'))!;
    expect(villager.roles).toEqual(['villager']);
    const firstHall = plan.halls.find((h) => h.key === manager.hallKeys![0])!;
    expect(villager.villageCode).toBe(firstHall.villageCode);
  });

  it('builds region rows with county-down display paths', () => {
    const rows = regionRows(divisions);
    expect(rows).toHaveLength(divisions.regions.length + 2);
    const village = rows.find((r) => r.code === plan.halls[0].villageCode)!;
    expect(village.level).toBe('village');
    expect(village.fullName.split(' ')).toHaveLength(3);
    expect(village.fullName.endsWith(village.name)).toBe(true);
    expect(rows.find((r) => r.code === '3303')).toMatchObject({ level: 'city', name: '温州市', parentCode: '33' });
  });
});
