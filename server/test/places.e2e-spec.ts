import { ErrorCode, PROVIDER_KINDS, type HallDto, type Paged, type ProviderDto, type RegionDto } from '@hall-menu/shared';
import request from 'supertest';
import { DatabaseService } from '../src/database/database.service';
import { bearer, startTestApp, type TestApp } from './test-app';

const validHall = (villageCode: string) => ({ name: '测试文化礼堂', villageCode, seats: 200, facilities: ['stage', 'power'], annualQuota: 10 });

describe('places, demo data, validation and scope (MySQL)', () => {
  let t: TestApp;
  let db: DatabaseService;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DatabaseService);
  });
  afterAll(() => t.close());

  const count = async (sql: string) => Number((await db.manager.query(sql))[0].n);

  it('seeds the real divisions of 温州市: 12 counties, 191 townships, 3,685 villages', async () => {
    expect(await count("SELECT COUNT(*) n FROM regions WHERE level = 'county' AND code LIKE '3303%'")).toBe(12);
    expect(await count("SELECT COUNT(*) n FROM regions WHERE level = 'township'")).toBe(191);
    expect(await count("SELECT COUNT(*) n FROM regions WHERE level = 'village'")).toBe(3685);
    const counties = (await request(t.http).get('/api/regions?parent=3303').expect(200)).body as RegionDto[];
    expect(counties.map((c) => c.name)).toEqual(expect.arrayContaining(['鹿城区', '瑞安市', '乐清市', '永嘉县', '文成县', '泰顺县']));
  });

  it('seeds halls in real villages, providers of every kind and demo users of every role', async () => {
    expect(await count('SELECT COUNT(*) n FROM halls')).toBe(300);
    expect(await count("SELECT COUNT(*) n FROM halls h LEFT JOIN regions v ON v.code = h.village_code AND v.level = 'village' WHERE v.code IS NULL")).toBe(0);
    expect(await count('SELECT COUNT(DISTINCT SUBSTR(village_code, 1, 6)) n FROM halls')).toBe(12);
    const kinds: { kind: string }[] = await db.manager.query('SELECT DISTINCT kind FROM providers');
    expect(kinds.map((k) => k.kind).sort()).toEqual([...PROVIDER_KINDS].sort());
    const roles: { role: string }[] = await db.manager.query('SELECT DISTINCT role FROM user_roles');
    expect(roles.map((r) => r.role).sort()).toEqual(['admin', 'hall_manager', 'provider', 'reviewer', 'villager']);
  });

  it('lists halls with the real village path, filtered by region and keyword, paged', async () => {
    const page = (await request(t.http).get('/api/halls?pageSize=5').expect(200)).body as Paged<HallDto>;
    expect(page.total).toBe(300);
    expect(page.items).toHaveLength(5);
    const hall = page.items[0];
    expect(hall.name).toContain(hall.villageName);
    expect(hall.regionPath.endsWith(hall.villageName)).toBe(true);

    const county = hall.villageCode.slice(0, 6);
    const inCounty = (await request(t.http).get(`/api/halls?region=${county}&pageSize=100`).expect(200)).body as Paged<HallDto>;
    expect(inCounty.total).toBeGreaterThan(0);
    expect(inCounty.items.every((h) => h.villageCode.startsWith(county))).toBe(true);

    const byName = (await request(t.http).get(`/api/halls?keyword=${encodeURIComponent(hall.villageName)}`).expect(200)).body as Paged<HallDto>;
    expect(byName.items.map((h) => h.id)).toContain(hall.id);

    const second = (await request(t.http).get('/api/halls?pageSize=5&page=2').expect(200)).body as Paged<HallDto>;
    expect(second.items.map((h) => h.id).some((id) => page.items.some((h) => h.id === id))).toBe(false);
  });

  it('finds villages by name for a village picker, treating % as a plain character', async () => {
    const found = (await request(t.http).get(`/api/regions?keyword=${encodeURIComponent('村')}`).expect(200)).body as RegionDto[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.name.includes('村'))).toBe(true);
    const none = (await request(t.http).get(`/api/regions?keyword=${encodeURIComponent('%')}`).expect(200)).body as RegionDto[];
    expect(none).toEqual([]);
  });

  it('answers bad input with 400 naming the field in Chinese, and unknown ids with 404', async () => {
    const reviewer = await t.login('reviewer');
    const res = await request(t.http).post('/api/halls').set(bearer(reviewer)).send({ name: '礼', villageCode: '3303', seats: 'many' }).expect(400);
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
    const fields = (res.body.details.fields as { field: string; message: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'villageCode', 'seats']));
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);

    expect((await request(t.http).get('/api/halls?pageSize=1000').expect(400)).body.details.fields[0].field).toBe('pageSize');
    expect((await request(t.http).get('/api/halls/abc').expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    expect((await request(t.http).get('/api/halls/99999999').expect(404)).body).toMatchObject({ code: ErrorCode.NotFound, message: '找不到该礼堂，可能已被删除' });
    expect((await request(t.http).get('/api/regions/12345').expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    expect((await request(t.http).get('/api/nothing-here').expect(404)).body.code).toBe(ErrorCode.NotFound);

    const malformed = await request(t.http).post('/api/auth/demo').set('Content-Type', 'application/json').send('{"role":').expect(400);
    expect(malformed.body.code).toBe(ErrorCode.ValidationFailed);
    const badRole = await request(t.http).post('/api/auth/demo').send({ role: 'king' }).expect(400);
    expect(badRole.body.details.fields[0].field).toBe('role');
  });

  it('refuses roles that may not manage places, and reviewers outside their region', async () => {
    const villager = await t.login('villager');
    const refused = await request(t.http).post('/api/halls').set(bearer(villager)).send(validHall('330302001001')).expect(403);
    expect(refused.body.code).toBe(ErrorCode.Forbidden);

    const options = (await request(t.http).get('/api/auth/demo-users').expect(200)).body as { id: number; role: string }[];
    const countyReviewerId = await firstReviewerWithRegionLength(6);
    const countyReviewer = await t.login('reviewer', countyReviewerId);
    const region = countyReviewer.me.scopes.region!.code;
    expect(options.some((o) => o.id === countyReviewerId)).toBe(true);

    const own: { code: string }[] = await db.manager.query("SELECT code FROM regions WHERE level = 'village' AND code LIKE ? ORDER BY code LIMIT 1", [`${region}%`]);
    const other: { code: string }[] = await db.manager.query("SELECT code FROM regions WHERE level = 'village' AND code NOT LIKE ? ORDER BY code LIMIT 1", [`${region}%`]);
    const created = await request(t.http).post('/api/halls').set(bearer(countyReviewer)).send(validHall(own[0].code)).expect(201);
    expect(created.body).toMatchObject({ name: '测试文化礼堂', villageCode: own[0].code, quotaUsed: 0 });
    const outside = await request(t.http).post('/api/halls').set(bearer(countyReviewer)).send(validHall(other[0].code)).expect(403);
    expect(outside.body.code).toBe(ErrorCode.OutOfScope);

    const foreignHall: { id: number }[] = await db.manager.query('SELECT id FROM halls WHERE village_code NOT LIKE ? LIMIT 1', [`${region}%`]);
    await request(t.http).put(`/api/halls/${foreignHall[0].id}`).set(bearer(countyReviewer)).send(validHall(own[0].code)).expect(403);

    const cityProvider: { provider_id: number }[] = await db.manager.query("SELECT provider_id FROM provider_areas WHERE region_code = '3303' LIMIT 1");
    const verify = await request(t.http)
      .post(`/api/providers/${cityProvider[0].provider_id}/verification`)
      .set(bearer(countyReviewer))
      .send({ verification: 'suspended' })
      .expect(403);
    expect(verify.body.code).toBe(ErrorCode.OutOfScope);

    const admin = await t.login('admin');
    await request(t.http).post(`/api/providers/${cityProvider[0].provider_id}/verification`).set(bearer(admin)).send({ verification: 'verified' }).expect(200);
  });

  it('shows providers publicly but keeps their phone numbers for signed-in users', async () => {
    const anonymous = (await request(t.http).get('/api/providers?pageSize=3').expect(200)).body as Paged<ProviderDto>;
    expect(anonymous.items[0].contactPhone).toContain('****');
    const villager = await t.login('villager');
    const signedIn = (await request(t.http).get('/api/providers?pageSize=3').set(bearer(villager)).expect(200)).body as Paged<ProviderDto>;
    expect(signedIn.items[0].contactPhone).toMatch(/^1\d{10}$/);
    expect(signedIn.items[0].serviceArea.length).toBeGreaterThan(0);
  });

  it('reports health and lists the endpoints in the OpenAPI document', async () => {
    expect((await request(t.http).get('/api/health').expect(200)).body).toEqual({ status: 'ok', database: 'up' });
    const doc = (await request(t.http).get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/demo', '/api/auth/refresh', '/api/me', '/api/halls', '/api/halls/{id}', '/api/regions']));
  });

  async function firstReviewerWithRegionLength(length: number): Promise<number> {
    const rows: { user_id: number }[] = await db.manager.query(
      "SELECT r.user_id FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.role = 'reviewer' AND LENGTH(r.region_code) = ? AND u.demo_key IS NOT NULL ORDER BY r.user_id LIMIT 1",
      [length],
    );
    return Number(rows[0].user_id);
  }
});
